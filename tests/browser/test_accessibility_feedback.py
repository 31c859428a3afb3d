"""A visitor reports a barrier from the Mitte demo, with the keyboard alone.

From a page to the statement (footer link), on to the form (#rueckmeldung),
a form sent empty first says what is missing (and stays accessible while it
does), then the message goes out and the page thanks for it.
"""

import re

from django.core import mail

from campaign.models import AccessibilityFeedback
from tests.browser.axe import axe_violations

HOST = "mitte.localhost"


def _activate(locator, key="Enter"):
    locator.focus()
    locator.press(key)


def test_visitor_reports_a_barrier_with_the_keyboard(page, browser_log, live_demo):
    page.goto(live_demo.url(HOST, "/presse/"))
    footer = page.get_by_role("navigation", name="Rechtliches")
    _activate(footer.get_by_role("link", name="Erklärung zur Barrierefreiheit"))
    page.wait_for_url(re.compile(r"/barrierefreiheit/$"))
    assert axe_violations(page) == []

    _activate(page.get_by_role("link", name=re.compile("Barriere melden")))
    page.wait_for_url(re.compile(r"#rueckmeldung$"))
    # The page the visitor came from is filled in already.
    assert page.get_by_label("Um welche Seite geht es?").input_value() == "/presse/"

    _activate(page.get_by_role("button", name="Rückmeldung senden"))
    page.wait_for_load_state()
    alert = page.get_by_role("alert")
    assert "Bitte beschreiben Sie, was nicht barrierefrei ist." in alert.inner_text()
    assert axe_violations(page) == []
    # The browser logs the form's 422 as a failed resource: that one is meant.
    assert [error for error in browser_log.console_errors if "422" not in error] == []
    browser_log.clear()

    # The summary's link leads to the field.
    _activate(alert.get_by_role("link", name=re.compile("Ihre Rückmeldung")))
    page.keyboard.type("Die Tabelle der Pressetermine hat keine Spaltenüberschriften.")
    page.keyboard.press("Tab")  # to the page, kept as it was
    page.keyboard.press("Tab")
    page.keyboard.type("Ada Muster")
    page.keyboard.press("Tab")
    page.keyboard.type("ada@example.org")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/barrierefreiheit/danke/#rueckmeldung$"))
    assert "Vielen Dank für Ihre Rückmeldung." in page.get_by_role("status").inner_text()
    assert axe_violations(page) == []
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.page_path == "/presse/"
    assert feedback.name == "Ada Muster"
    assert feedback.message.startswith("Die Tabelle der Pressetermine")
    (message,) = mail.outbox
    assert message.to == ["presse@ba-mitte.berlin.de"]
    assert browser_log.console_errors == []
    assert browser_log.csp_violations == []
