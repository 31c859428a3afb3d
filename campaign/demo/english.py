"""English versions of the Zukunftsorte campaign (seed 001 is a skilled-worker
campaign that also speaks to people abroad).

Translated from the German demo texts, which follow the seed; the matcher's
English page is made by careers' builder, below the English home made here.
"""

from wagtail.models import Page

from campaign.demo.content import SOCIAL_LINKS, quote, text
from campaign.sites.page_languages import translate

HOME = {
    "title": "Twelve Future Locations are looking for skilled workers",
    "slug": "zukunftsorte-en",
    "claim": "HERE is where what you have meets what we offer.",
    "lead": (
        "Under the motto “HIER kommt deins zum anderen.” the twelve Future Locations "
        "(Zukunftsorte) of Saxony-Anhalt present themselves and show attractive careers in "
        "forward-looking industries – for everyone who wants to know where to put their "
        "skills to work."
    ),
    "body": [
        text(
            "At the centre are people who already bring their know-how to one of the Future "
            "Locations. They talk about what it is like to work and to live there.",
            "With a few clicks you can find out which Future Location suits you best: by "
            "industry, working environment and the ideal surroundings to live in. The "
            "recommendation can be the start of a contact with a company or a research "
            "institute on site.",
        ),
        quote(
            "There have never been so many open positions in Saxony-Anhalt, and filling them "
            "has never taken longer. Skilled workers are at the top of companies’ worries.",
            "Thomas Einsfelder",
            "Managing Director of the Investment and Marketing Corporation Saxony-Anhalt (IMG)",
        ),
    ],
}

CAMPAIGN = {
    "title": "The skilled-worker campaign",
    "slug": "campaign",
    "slogan": "HERE is where what you have meets what we offer.",
    "lead": (
        "All twelve Future Locations and the IMG launch the joint skilled-worker campaign "
        "“HIER kommt deins zum anderen.”"
    ),
    "body": [
        text(
            "In several workshops, marketing specialists of the Future Locations and the IMG "
            "developed the campaign, which is to attract talent to the Future Locations online "
            "and offline in the coming years.",
            "The Ministry of Economic Affairs awarded the twelve Future Locations their title, "
            "comparable to a seal of quality. More are to join in the coming years.",
        ),
        quote(
            "The companies we have attracted and look after tell us so, just like our partners "
            "in regional economic development, the chambers and the associations.",
            "Thomas Einsfelder",
            "Managing Director of the Investment and Marketing Corporation Saxony-Anhalt",
        ),
        SOCIAL_LINKS,
    ],
}


def build_english(site):
    """The English pages of the site, if the demo has any for it."""
    if site.hostname == "zukunftsorte.localhost":
        _zukunftsorte(site)


def _zukunftsorte(site):
    """The English home and campaign page of Zukunftsorte; kept when present."""
    home = translate(site.root_page, "en", **HOME)
    german_campaign = Page.objects.child_of(site.root_page).filter(slug="kampagne").first()
    if german_campaign is not None:
        translate(german_campaign, "en", **CAMPAIGN)
    return home
