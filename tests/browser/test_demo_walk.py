"""A visitor's walk through the whole demo, in a real browser.

Every live page of every demo site, each site's search and a page that does
not exist: each must answer, be accessible (axe-core, landmarks, one h1,
German), run without console errors or CSP violations and load nothing from
another host. Failures are collected over the whole walk, so one run lists
everything that is wrong, not just the first page.
"""

from django.conf import settings

from campaign.models import EmployerSettings
from tests.browser.axe import axe_violations

SCREENSHOTS = settings.BASE_DIR / "var" / "screenshots"
SEARCH_PATH = "/suche/?q=Mitarbeiter"
MISSING_PATH = "/diese-seite-gibt-es-nicht/"
# axe no longer checks plain duplicate ids (WCAG 2.2 dropped 4.1.1), but a
# skip link or a label pointing at the wrong one is still a barrier.
DUPLICATE_IDS = """() => {
    const ids = [...document.querySelectorAll("[id]")].map((element) => element.id);
    return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}"""
LANDMARKS = {"banner": "Kopfbereich", "main": "Hauptinhalt", "contentinfo": "Fußbereich"}


def _visits(live_demo):
    """(site, url, expected status) for everything a visitor can reach."""
    for site in live_demo.sites:
        origin = live_demo.origin(site.hostname)
        for page in site.root_page.get_descendants(inclusive=True).live().order_by("path"):
            _site_id, root_url, path = page.get_url_parts()
            assert root_url == origin, f"{page.title}: Wagtail schreibt {root_url}, nicht {origin}"
            yield site, f"{origin}{path}", 200
        yield site, f"{origin}{SEARCH_PATH}", 200
        yield site, f"{origin}{MISSING_PATH}", 404


def _problems(page, response, expected_status, browser_log, origin):
    problems = []
    if response is None or response.status != expected_status:
        status = response.status if response else "keine Antwort"
        problems.append(f"HTTP {status}, erwartet {expected_status}")
    lang = page.evaluate("() => document.documentElement.lang")
    if lang != "de":
        problems.append(f'<html lang="{lang}">, erwartet "de"')
    headings = page.locator("h1").all_inner_texts()
    if len(headings) != 1:
        problems.append(f"{len(headings)} h1 statt genau einer: {headings}")
    for role, name in LANDMARKS.items():
        count = page.get_by_role(role).count()
        if count != 1:
            problems.append(f"Landmarke {role} ({name}) {count}-mal statt einmal")
    if page.get_by_role("navigation").count() == 0:
        problems.append("keine Navigation (Landmarke navigation)")
    duplicate_ids = page.evaluate(DUPLICATE_IDS)
    if duplicate_ids:
        problems.append(f"doppelte ids: {duplicate_ids}")
    problems += [f"axe: {violation}" for violation in axe_violations(page)]
    # The browser logs the 404 of the page itself as a failed resource: expected.
    console_errors = [
        error
        for error in browser_log.console_errors
        if not (expected_status == 404 and "status of 404" in error and page.url in error)
    ]
    problems += [f"Konsole: {error}" for error in console_errors]
    problems += [f"CSP: {violation}" for violation in browser_log.csp_violations]
    problems += [f"fremder Host: {url}" for url in browser_log.foreign_requests(origin)]
    return problems


def test_every_demo_page_is_accessible_and_stays_on_its_site(page, browser_log, live_demo):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    failures = []
    visited = 0
    for site, url, expected_status in _visits(live_demo):
        browser_log.clear()
        response = page.goto(url)
        visited += 1
        for problem in _problems(
            page, response, expected_status, browser_log, live_demo.origin(site.hostname)
        ):
            failures.append(f"{url}: {problem}")
        if url == live_demo.url(site.hostname):
            page.screenshot(path=SCREENSHOTS / f"{site.hostname}.png", full_page=True)

    # Four employers with home, content and legal pages, plus the directory.
    assert visited >= 5 * 6, f"nur {visited} Seiten besucht"
    assert not failures, f"{len(failures)} Probleme auf {visited} Seiten:\n" + "\n".join(failures)


def _rgb(hex_colour):
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def test_theme_css_dresses_each_site_in_its_employers_colours(page, live_demo):
    seen = {}
    for hostname in ("mitte.localhost", "duesseldorf.localhost"):
        employer = EmployerSettings.for_site(live_demo.site(hostname))
        page.goto(live_demo.url(hostname))
        navigation = page.locator(".site-nav")
        search_button = page.get_by_role("button", name="Suchen")
        seen[hostname] = navigation.evaluate("el => getComputedStyle(el).backgroundColor")

        assert seen[hostname] == _rgb(employer.primary_colour), hostname
        assert search_button.evaluate("el => getComputedStyle(el).backgroundColor") == _rgb(
            employer.primary_colour
        ), f"{hostname}: Schaltfläche nicht in der Hauptfarbe"

    assert seen["mitte.localhost"] == "rgb(29, 79, 145)"  # #1d4f91 of the Mitte demo
    assert seen["mitte.localhost"] != seen["duesseldorf.localhost"]
