"""A visitor subscribes to a job alert from a Mitte job field page with the
keyboard alone, sent empty first (errors shown), then confirms by the link in
the mail (locmem outbox, shared with the live server in this process)."""

import re

from django.core import mail

from careers.models import JobAlert
from tests.browser.axe import axe_violations

HOST = "mitte.localhost"


def _activate(locator, key="Enter"):
    locator.focus()
    locator.press(key)


def test_visitor_subscribes_from_a_job_field_and_confirms_by_mail(page, browser_log, live_demo):
    page.goto(live_demo.url(HOST, "/berufsfelder/allgemeine-verwaltung/"))
    _activate(page.get_by_role("link", name="Neue Stellen in diesem Berufsfeld per E-Mail"))
    page.wait_for_url(re.compile(r"/stellenalarm/\?berufsfeld=\d+$"))
    assert page.get_by_label("Allgemeine Verwaltung").is_checked()
    assert axe_violations(page) == []

    _activate(page.get_by_role("button", name="Stellenalarm abonnieren"))
    page.wait_for_load_state()
    alert = page.get_by_role("alert")
    assert "Bitte geben Sie Ihre E-Mail-Adresse an." in alert.inner_text()
    assert page.get_by_label("Allgemeine Verwaltung").is_checked()  # kept
    assert axe_violations(page) == []
    assert [error for error in browser_log.console_errors if "422" not in error] == []
    browser_log.clear()

    _activate(alert.get_by_role("link", name=re.compile("Ihre E-Mail-Adresse")))
    page.keyboard.type("ada@example.org")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/stellenalarm/gesendet/$"))
    assert "Wir haben Ihnen eine E-Mail geschickt." in page.get_by_role("status").inner_text()
    assert axe_violations(page) == []

    (message,) = mail.outbox
    link = re.search(r"http://\S+/stellenalarm/bestaetigen/\S+/", message.body).group(0)
    page.goto(link)
    assert axe_violations(page) == []
    _activate(page.get_by_role("button", name="Stellenalarm starten"))
    page.wait_for_load_state()
    assert "Vielen Dank, Sie haben den Stellenalarm bestätigt." in (
        page.get_by_role("status").inner_text()
    )
    assert axe_violations(page) == []
    assert JobAlert.objects.get().confirmed_at is not None
    assert browser_log.console_errors == []
    assert browser_log.csp_violations == []
    assert browser_log.foreign_requests(live_demo.origin(HOST)) == []
