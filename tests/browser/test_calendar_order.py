"""A visitor orders JobCenter Essen's printed calendar, with the keyboard.

From the calendar page to the order form; sent empty, it says what is
missing (and stays accessible while it does); filled in with the sum solved,
the mailed link confirms the order, which then counts against the edition.
"""

import re

from django.core import mail

from campaign.calendar_orders.orders import copies_left
from campaign.models import CalendarOrder, OrderStatus
from tests.browser.axe import axe_violations
from tests.campaign.members.solving import solve

HOST = "jobcenter-essen.localhost"


def _activate(locator, key="Enter"):
    locator.focus()
    locator.press(key)


def test_visitor_orders_the_printed_calendar(page, browser_log, live_demo):
    page.goto(live_demo.url(HOST, "/kalender-was-geht/"))
    _activate(page.get_by_role("link", name="Gedruckten Kalender kostenfrei bestellen"))
    page.wait_for_url(re.compile(r"/bestellen/$"))
    assert axe_violations(page) == []

    _activate(page.get_by_role("button", name="Kostenfrei bestellen"))
    page.wait_for_load_state()
    alert = page.get_by_role("alert").inner_text()
    assert "Bitte geben Sie Ihren Namen an." in alert
    assert "Bitte geben Sie die Postleitzahl an." in alert
    assert axe_violations(page) == []
    # The browser logs the form's 422 as a failed resource: that one is meant.
    assert [error for error in browser_log.console_errors if "422" not in error] == []
    browser_log.clear()

    page.get_by_label("Name", exact=True).fill("Erika Muster")
    page.get_by_label("Straße und Hausnummer").fill("Ruhrallee 175")
    page.get_by_label("PLZ").fill("45136")
    page.get_by_label("Ort").fill("Essen")
    page.get_by_label("E-Mail-Adresse").fill("erika@example.org")
    page.get_by_label("Anzahl").fill("2")
    captcha = page.get_by_label(re.compile("Rechenaufgabe"))
    captcha.fill(solve(page.get_by_text(re.compile(r"Rechenaufgabe: ")).first.inner_text()))
    _activate(page.get_by_role("button", name="Kostenfrei bestellen"))

    page.wait_for_url(re.compile(r"/bestellen/gesendet/$"))
    assert (
        page.get_by_role("status").inner_text().startswith("Bitte bestätigen Sie Ihre Bestellung")
    )
    assert axe_violations(page) == []
    order = CalendarOrder.objects.get(email="erika@example.org")
    assert order.status == OrderStatus.UNCONFIRMED
    (request_mail,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/\S+/bestellen/bestaetigen/\S+/)", request_mail.body)[1]
    left = copies_left(order.calendar)

    page.goto(live_demo.url(HOST, link))
    assert "Ruhrallee 175" in page.get_by_role("main").inner_text()
    assert axe_violations(page) == []
    _activate(page.get_by_role("button", name="Bestellung bestätigen"))
    page.wait_for_load_state()
    assert "Wir schicken Ihnen 2 Exemplare" in page.get_by_role("status").inner_text()
    order.refresh_from_db()
    assert order.status == OrderStatus.CONFIRMED
    assert copies_left(order.calendar) == left - 2
    assert browser_log.console_errors == []
