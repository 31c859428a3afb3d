"""The members' acceptance walk (issues 7 and 18): a visitor reads the public
part of the notebooks release, registers right below it with the keyboard
alone (reading and solving the sum from its label), confirms by the mailed
link, logs in and lands back on the full text with the member part.

The live server runs in this process, so its locmem mails land in
django.core.mail.outbox.
"""

import re

from django.core import mail

from tests.browser.axe import axe_violations
from tests.campaign.members.solving import solve

HOST = "mitte.localhost"
RELEASE = "/presse/homeoffice/"
PASSWORD = "Sommer-am-Alex-2024"


def _console_errors(browser_log):
    # The browser logs a form's 422 as a failed resource: that one is meant.
    return [error for error in browser_log.console_errors if "422" not in error]


def _tab_to(page, element_id, limit=60):
    """Press Tab until the element has the focus, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} ist mit Tab nicht erreichbar")


def test_a_visitor_registers_confirms_logs_in_and_reads_the_member_release(
    page, browser_log, live_demo
):
    page.goto(live_demo.url(HOST, RELEASE))
    main = page.get_by_role("main")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "500 neue Notebooks für die Beschäftigten"
    )
    assert "nur wenige Handgriffe" in main.inner_text()
    assert "nur für registrierte Mitglieder sichtbar" in main.inner_text()
    assert "3.222" not in main.inner_text()
    assert page.get_by_role("heading", name="Neu registrieren").is_visible()
    assert axe_violations(page) == []

    # Sent empty from the teaser: the registration's own page says what each
    # field needs, keeps the way back, and stays accessible.
    _tab_to(page, "id_email", limit=120)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/konto/registrieren/$"))
    alert = page.get_by_role("alert")
    assert "Bitte geben Sie Ihre E-Mail-Adresse an." in alert.inner_text()
    assert "Bitte geben Sie das Ergebnis der Rechenaufgabe ein." in alert.inner_text()
    assert page.locator('input[name="next"]').get_attribute("value") == RELEASE
    assert axe_violations(page) == []
    assert _console_errors(browser_log) == []

    # The summary's link leads to the field; then Tab through the form.
    alert.get_by_role("link", name=re.compile("E-Mail-Adresse")).focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "id_email"
    page.keyboard.type("ada@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "id_captcha_answer"
    question = page.locator("label[for=id_captcha_answer]").inner_text()
    page.keyboard.type(solve(question))
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/konto/registrieren/gesendet/"))
    assert "E-Mail mit einem Link" in page.get_by_role("status").inner_text()
    (message,) = mail.outbox
    link = re.search(r"http://\S+/konto/bestaetigen/\S+", message.body).group(0)

    page.goto(link)
    assert axe_violations(page) == []
    page.get_by_role("button", name="Adresse bestätigen").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/konto/anmelden/\?next="))
    assert "Ihre E-Mail-Adresse ist bestätigt" in page.get_by_role("main").inner_text()
    page.get_by_label("E-Mail-Adresse").fill("ada@example.org")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()

    page.wait_for_url(live_demo.url(HOST, RELEASE))
    assert "3.222" in page.get_by_role("main").inner_text()
    assert "nur für registrierte Mitglieder sichtbar" not in page.get_by_role("main").inner_text()
    assert page.get_by_role("link", name="Mein Konto").is_visible()
    assert axe_violations(page) == []
    assert _console_errors(browser_log) == []
    assert browser_log.csp_violations == []
    assert browser_log.foreign_requests(live_demo.origin(HOST)) == []
