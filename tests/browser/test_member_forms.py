"""The members' other form pages in a real browser: login, password reset,
the account page and its deletion, each empty and with its errors shown.
None may have an axe violation, and each error must be announced (role
alert) in German. Registration and the captcha have their own walk
(test_members.py).
"""

import re

from wagtail.models import Site

from campaign.members import accounts
from tests.browser.axe import axe_violations

HOST = "mitte.localhost"
EMAIL = "leser@example.org"
PASSWORD = "Lesesaal-am-Alex-2024"


def _send_empty(page, button):
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()
    return page.get_by_role("alert").inner_text()


def _check(page, browser_log, problems, label):
    problems += [f"{label}: {violation}" for violation in axe_violations(page)]
    problems += [f"{label}: CSP {violation}" for violation in browser_log.csp_violations]


def test_member_form_pages_are_accessible_empty_and_with_errors(page, browser_log, live_demo):
    member = accounts.register(EMAIL, PASSWORD, Site.objects.get(hostname=HOST))
    accounts.activate(member)
    problems = []

    page.goto(live_demo.url(HOST, "/konto/anmelden/"))
    _check(page, browser_log, problems, "Anmeldung")
    page.get_by_label("E-Mail-Adresse").fill(EMAIL)
    page.get_by_label("Passwort", exact=True).fill("falsch")
    assert "stimmen nicht" in _send_empty(page, "Anmelden")
    assert page.get_by_label("E-Mail-Adresse").input_value() == EMAIL
    _check(page, browser_log, problems, "Anmeldung mit Fehler")

    page.goto(live_demo.url(HOST, "/konto/passwort-vergessen/"))
    _check(page, browser_log, problems, "Passwort vergessen")
    assert "E-Mail-Adresse" in _send_empty(page, "Link anfordern")
    _check(page, browser_log, problems, "Passwort vergessen mit Fehler")

    page.goto(live_demo.url(HOST, "/konto/anmelden/"))
    page.get_by_label("E-Mail-Adresse").fill(EMAIL)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(re.compile(r"/konto/$"))
    _check(page, browser_log, problems, "Mein Konto")

    page.goto(live_demo.url(HOST, "/konto/loeschen/"))
    _check(page, browser_log, problems, "Konto löschen")
    assert "Passwort" in _send_empty(page, "Konto endgültig löschen")
    _check(page, browser_log, problems, "Konto löschen mit Fehler")

    assert problems == []
    member.refresh_from_db()  # still there: a failed deletion deletes nothing
    assert member.is_active
