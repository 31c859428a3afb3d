"""The English matcher of Zukunftsorte: its page and its questions, translated
from the German demo (careers/demo/zukunftsorte.py)."""

from wagtail.models import Locale

from campaign.sites.page_languages import translate
from careers.models import Dimension, MatcherPage

MATCHER = {
    "title": "Which Future Location suits me?",
    "slug": "find-your-place",
    "lead": (
        "Find out in a few clicks which Future Location suits you best: by industry, working "
        "environment and the ideal surroundings to live in. The recommendation can be the start "
        "of a contact with a company or a research institute on site."
    ),
}

# slug -> (name, question, {value slug: (name, reason)})
DIMENSIONS = {
    "branche": (
        "Industry",
        "Which industry would you like to work in?",
        {
            "chemie": ("Chemistry", ""),
            "life-sciences": ("Life sciences", ""),
            "maschinenbau": ("Mechanical engineering", ""),
            "logistik": ("Logistics", ""),
            "it": ("IT", ""),
            "energie": ("Renewable energy", "the renewable energy industry"),
            "tourismus": ("Tourism", ""),
            "verwaltung": ("Public administration", "public administration"),
        },
    ),
    "arbeitsumfeld": (
        "Working environment",
        "What kind of environment would you like to work in?",
        {
            "forschung": ("Research", "work in research"),
            "industrie": ("Industry", "work in industry"),
            "start-up": ("Start-up", "a start-up environment"),
            "verwaltung": ("Administration", "work in administration"),
            "handwerk": ("Crafts and trades", "work in crafts and trades"),
        },
    ),
    "lebensumfeld": (
        "Living",
        "How would you like to live?",
        {
            "grossstadt": ("City", "city life"),
            "kleinstadt": ("Small town", "small-town life"),
            "land": ("Countryside", "country life"),
            "kultur": ("Culture", "culture on your doorstep"),
            "kinderbetreuung": ("Childcare", "good childcare"),
            "pendeln": ("Good commuter links", "good commuter links"),
        },
    ),
}


def build_english(site):
    """English questions and matcher page below the English home, when the
    campaign builder made one; kept when present."""
    locale = Locale.objects.filter(language_code="en").first()
    matcher = MatcherPage.objects.child_of(site.root_page).first()
    if locale is None or matcher is None or not site.root_page.has_translation(locale):
        return
    for dimension in Dimension.objects.filter(site=site, locale=site.root_page.locale):
        _translate_dimension(dimension, locale)
    translate(matcher, "en", **MATCHER)


def _translate_dimension(dimension, locale):
    if dimension.has_translation(locale) or dimension.slug not in DIMENSIONS:
        return
    name, question, values = DIMENSIONS[dimension.slug]
    english = dimension.copy_for_translation(locale)
    english.name, english.question = name, question
    english.save()
    for value in english.values.all():
        value.name, value.reason = values.get(value.slug, (value.name, value.reason))
        value.save()
