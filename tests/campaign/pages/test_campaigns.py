"""campaign/pages/models/campaigns.py and testimonials: a campaign page tells its story."""

import pytest
from wagtail.models import Page

from campaign.factories import (
    CampaignPageFactory,
    EmployerSettingsFactory,
    EventIndexPageFactory,
    EventPageFactory,
    PhotoCalendarPageFactory,
    PressIndexPageFactory,
    PressReleasePageFactory,
    SiteFactory,
)

# Imported under another name: pytest would take a name starting with Test for a test class.
from campaign.factories import TestimonialFactory as VoiceFactory
from campaign.models import CampaignPage, PressIndexPage, SocialAccount
from careers.factories import JobFieldIndexPageFactory
from media_library.factories import ImageFactory
from tests.support import count_queries, get_with_query_budget

pytestmark = pytest.mark.django_db

HOST = "kampagne.localhost"


@pytest.fixture
def site():
    site = SiteFactory(hostname=HOST, site_name="Bezirksamt Beispiel")
    settings = EmployerSettingsFactory(site=site, organisation_name="Bezirksamt Beispiel")
    SocialAccount.objects.create(
        settings=settings, platform="instagram", handle="@beispiel", url="https://example.org/"
    )
    return site


def _campaign(site, testimonials, **kwargs):
    job_fields = JobFieldIndexPageFactory(parent=site.root_page)
    body = [
        ("text", "<p>Wir suchen Menschen, die mit anpacken.</p>"),
        ("testimonials", {"heading": "Hier arbeiten", "testimonials": testimonials}),
        (
            "key_figures",
            {"heading": "In Zahlen", "figures": [{"value": "80+", "label": "Berufsfelder"}]},
        ),
        (
            "funding",
            {
                "programme": "Gender-Budgeting-Wettbewerb",
                "funder": "Senatsverwaltung für Gleichstellung",
                "link": "",
            },
        ),
        ("social_links", None),
        (
            "call_to_action",
            {
                "heading": "Welches Berufsfeld passt?",
                "text": "",
                "page": job_fields,
                "link_text": "Zu den Berufsfeldern",
            },
        ),
    ]
    page = CampaignPageFactory(parent=site.root_page, slug="wir", body=body, **kwargs)
    page.save_revision().publish()
    return page


def test_campaign_page_tells_the_whole_story(client, site):
    photo = ImageFactory(credit="Foto: Anna Beispiel")
    voice = VoiceFactory(
        site=site, name="Aylin K.", role="Sachbearbeiterin", place="Bürgeramt", photo=photo
    )
    _campaign(site, [voice], slogan="#WirmachenMitte", title="Wir machen Mitte")

    response = client.get("/wir/", HTTP_HOST=HOST)
    text = response.text

    assert response.status_code == 200
    assert text.count("<h1") == 1
    assert "#WirmachenMitte" in text
    assert "Aylin K." in text
    assert "Sachbearbeiterin – Bürgeramt" in text
    assert "Foto: Anna Beispiel" in text  # the photo's credit goes with it
    assert "Berufsfelder</dt>" in text
    assert "Gefördert mit Mitteln aus dem Gender-Budgeting-Wettbewerb" in text
    assert "Instagram: @beispiel" in text
    assert 'href="/berufsfelder/"' in text


def test_more_testimonials_cost_no_more_queries(client, site):
    few = [VoiceFactory(site=site, photo=ImageFactory()) for _ in range(2)]
    page = _campaign(site, few)
    client.get("/wir/", HTTP_HOST=HOST)  # renditions are made on the first view
    with_two = count_queries(client, "/wir/", host=HOST)
    page.body[1].value["testimonials"] = [
        VoiceFactory(site=site, photo=ImageFactory()) for _ in range(8)
    ]
    page.save_revision().publish()
    client.get("/wir/", HTTP_HOST=HOST)

    response = get_with_query_budget(client, "/wir/", host=HOST, max_queries=with_two)

    assert response.text.count('class="testimonial"') == 8


def test_a_deleted_testimonial_leaves_no_gap_or_error(client, site):
    gone = VoiceFactory(site=site, name="Gelöscht")
    stays = VoiceFactory(site=site, name="Bleibt")
    _campaign(site, [gone, stays])
    gone.delete()

    response = client.get("/wir/", HTTP_HOST=HOST)

    assert response.status_code == 200
    assert "Bleibt" in response.text
    assert "Gelöscht" not in response.text


def test_demo_publishes_the_seed_campaigns(client, demo_sites):
    mitte = CampaignPage.objects.get(slug="imagefilm")
    future = CampaignPage.objects.get(slug="kampagne")

    film = client.get("/imagefilm/", HTTP_HOST="mitte.localhost").text
    places = client.get("/kampagne/", HTTP_HOST="zukunftsorte.localhost").text

    assert mitte.slogan == "#WirmachenMitte"
    assert "Gender-Budgeting-Wettbewerb" in film
    assert "Stephan von Dassel" in film
    assert "Zu den Berufsfeldern" in film  # careers' demo adds the call to action
    # Seed 000, the film's own press release, is listed with the campaign.
    assert 'href="/presse/imagefilm-online/">#WirmachenMitte – Imagefilm' in film
    assert future.slogan == "HIER kommt deins zum anderen."
    assert places.count('class="testimonial"') == 2
    assert "(Beispiel)" in places  # seed 001 names no one: the voices say they are examples
    campaigns = Page.objects.type(CampaignPage).live()
    assert campaigns.filter(locale__language_code="de").count() == 2
    assert list(campaigns.filter(locale__language_code="en").values_list("slug", flat=True)) == [
        "campaign"  # Zukunftsorte's, in English
    ]


def _parts(site, campaign, numbers):
    """Press releases, events and photo calendars that belong to `campaign`."""
    press = PressIndexPageFactory(parent=site.root_page, slug=f"presse-{numbers[0]}")
    events = EventIndexPageFactory(parent=site.root_page, slug=f"termine-{numbers[0]}")
    for number in numbers:
        for page in (
            PressReleasePageFactory(parent=press, title=f"Mitteilung {number}", campaign=campaign),
            EventPageFactory(parent=events, title=f"Termin {number}", campaign=campaign),
            PhotoCalendarPageFactory(
                parent=site.root_page, title=f"Kalender {number}", campaign=campaign, motifs=0
            ),
        ):
            page.save_revision().publish()


def test_a_campaign_lists_its_press_releases_events_and_calendars(client, site):
    campaign = _campaign(site, [])
    other = CampaignPageFactory(parent=site.root_page, slug="andere")
    _parts(site, campaign, [0])
    PressReleasePageFactory(
        parent=PressIndexPage.objects.child_of(site.root_page).get(),
        title="Fremde Mitteilung",
        campaign=other,
    ).save_revision().publish()

    html = client.get("/wir/", HTTP_HOST=HOST).text

    section = html[html.index("Mehr zur Kampagne") :]
    for title in ("Mitteilung 0", "Termin 0", "Kalender 0"):
        assert title in section
    assert "Fremde Mitteilung" not in html


def test_more_campaign_parts_cost_no_more_queries(client, site):
    campaign = _campaign(site, [])
    _parts(site, campaign, [0])
    client.get("/wir/", HTTP_HOST=HOST)
    with_one = count_queries(client, "/wir/", host=HOST)
    _parts(site, campaign, [1, 2, 3])

    response = get_with_query_budget(client, "/wir/", host=HOST, max_queries=with_one)

    assert "Kalender 3" in response.text
