"""A skilled worker finds a Zukunftsort with the keyboard alone (seed 001).

The questionnaire is a plain GET form: ticking boxes with the space bar and
sending with Enter gives a shareable address with the ranked places and
their reasons; from a result the place's profile and its contacts.
"""

import re

from tests.browser.axe import axe_violations

HOST = "zukunftsorte.localhost"
MAX_TABS = 80
ACTIVE_IS = "element => element === document.activeElement"


def _tab_to(page, locator):
    """Press Tab until `locator` has the focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if locator.evaluate(ACTIVE_IS):
            return
    raise AssertionError(f"{locator} ist mit der Tabulatortaste nicht erreichbar")


def test_questionnaire_with_the_keyboard_gives_ranked_places_with_reasons(
    page, browser_log, live_demo
):
    page.goto(live_demo.url(HOST, "/ort-finden/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Welcher Zukunftsort passt zu mir?"
    assert "Sie haben noch nichts gewählt" in page.get_by_role("status").inner_text()
    assert axe_violations(page) == []

    branche = page.get_by_role("group", name="In welcher Branche möchten Sie arbeiten?")
    leben = page.get_by_role("group", name="Wie möchten Sie leben?")
    for box in (
        branche.get_by_role("checkbox", name="Life Sciences"),
        leben.get_by_role("checkbox", name="Großstadt"),
        leben.get_by_role("checkbox", name="Lebensumfeld ist mir besonders wichtig"),
    ):
        _tab_to(page, box)
        page.keyboard.press("Space")
        assert box.is_checked()
    _tab_to(page, page.get_by_role("button", name="Passende Orte zeigen"))
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"branche=life-sciences.*lebensumfeld=grossstadt.*wichtig="))
    status = page.get_by_role("status").inner_text()
    assert re.search(r"\d+ Orte passen zu Ihren Angaben", status), status
    results = page.locator(".careers-match")
    first = results.first
    assert first.locator("h3").inner_text() in {
        "Weinberg Campus Halle",
        "Wissenschaftshafen Magdeburg",
    }
    assert "Platz 1 · 100 % Übereinstimmung" in first.inner_text()
    reasons = first.locator(".careers-match__reasons").inner_text()
    assert reasons == "passt, weil: Leben in der Stadt, Branche Life Sciences"
    scores = [
        int(s) for s in re.findall(r"(\d+) % Übereinstimmung", " ".join(results.all_inner_texts()))
    ]
    assert scores == sorted(scores, reverse=True)
    assert branche.get_by_role("checkbox", name="Life Sciences").is_checked()  # kept
    assert axe_violations(page) == []

    # The address is the answer: shared, it shows the same ranking.
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)
    assert (
        other.locator(".careers-match h3").all_inner_texts()
        == results.locator("h3").all_inner_texts()
    )
    other.close()

    # From the result to the place: profile, contacts, map position as text.
    title = first.locator("h3").inner_text()
    _tab_to(page, first.get_by_role("link", name=title, exact=True))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zukunftsorte/"))
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert page.get_by_role("heading", name="Kontakte vor Ort").is_visible()
    assert page.get_by_text(re.compile(r"\d+,\d{4}° N, \d+,\d{4}° O")).is_visible()
    osm = page.get_by_role("link", name=re.compile("Auf OpenStreetMap ansehen"))
    assert osm.get_attribute("href").startswith("https://www.openstreetmap.org/?mlat=")
    assert axe_violations(page) == []
    assert browser_log.console_errors == []
    assert browser_log.csp_violations == []
    assert browser_log.foreign_requests(live_demo.origin(HOST)) == []


def test_an_unknown_answer_in_the_address_is_explained(page, live_demo):
    response = page.goto(live_demo.url(HOST, "/ort-finden/?branche=raumfahrt"))

    assert response.status == 400
    assert "„raumfahrt“ gibt es bei dieser Frage nicht" in page.get_by_role("alert").inner_text()
    assert axe_violations(page) == []
