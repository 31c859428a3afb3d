"""Reflow (WCAG 2.1 1.4.10): at 320 CSS pixels no page scrolls sideways.

One page of every page type in the demo, the longest-titled of its kind
(long German compounds are what breaks a narrow layout), and the forms that
are no pages. Long words must wrap, buttons shrink, grids give way.
"""

from django.db.models.functions import Length

from careers.models import JobPostingPage

NARROW = {"width": 320, "height": 800}
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")]
        .filter((element) => element.getBoundingClientRect().right > width + 1)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return {overflow: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5)};
}"""
FORMS = [
    ("mitte.localhost", "/suche/?q=Verwaltung"),
    ("mitte.localhost", "/stellenalarm/"),
    ("mitte.localhost", "/konto/registrieren/"),
    ("mitte.localhost", "/konto/anmelden/"),
]


def _one_page_per_type(live_demo):
    """(hostname, path) of the longest-titled live page of each page type."""
    longest = {}
    for site in live_demo.sites:
        pages = site.root_page.get_descendants(inclusive=True).live().public()
        for page in pages.annotate(title_length=Length("title")).order_by("-title_length"):
            longest.setdefault(page.content_type_id, (site.hostname, page.get_url_parts()[2]))
    return list(longest.values())


def test_every_page_type_reflows_at_320_pixels(browser, live_demo):
    posting = JobPostingPage.objects.live().open().order_by(Length("title").desc()).first()
    apply_form = (posting.get_site().hostname, posting.get_url_parts()[2] + "bewerben/")
    visits = [*_one_page_per_type(live_demo), *FORMS, apply_form]
    assert len(visits) > 20, visits  # every page type of the demo, not a few
    context = browser.new_context(viewport=NARROW, locale="de-DE")
    page = context.new_page()
    problems = []

    for hostname, path in visits:
        page.goto(live_demo.url(hostname, path))
        result = page.evaluate(OVERFLOW)
        if result["overflow"] > 0:
            problems.append(f"{hostname}{path}: {result['overflow']} px breiter: {result['wide']}")

    context.close()
    assert problems == []
