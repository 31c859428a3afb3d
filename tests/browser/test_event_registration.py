"""A visitor books a conversation at the Düsseldorf Job-Speed-Dating, with the keyboard.

From the events index to the event, the department, a time; a form sent
empty first says what is missing (and stays accessible while it does); the
mailed link confirms the booking, whose confirmation arrives with its .ics,
and it can be cancelled again.
"""

import re

from django.core import mail

from campaign.models import Booking, BookingStatus
from tests.browser.axe import axe_violations

HOST = "duesseldorf.localhost"
DEPARTMENT = "Amt für Informations- und Kommunikationstechnik"


def _activate(locator, key="Enter"):
    locator.focus()
    locator.press(key)


def test_visitor_books_a_conversation_and_cancels_it(page, browser_log, live_demo):
    page.goto(live_demo.url(HOST, "/veranstaltungen/"))
    assert axe_violations(page) == []
    _activate(page.get_by_role("link", name=re.compile("die nächste Runde")))
    page.wait_for_url(re.compile(r"/job-speed-dating-naechstes/$"))
    assert axe_violations(page) == []

    _activate(page.get_by_role("link", name="Gesprächstermin buchen"))
    page.wait_for_url(re.compile(r"/anmeldung/$"))
    _activate(page.get_by_role("link", name=DEPARTMENT))
    page.wait_for_url(re.compile(r"\?bereich=\d+$"))

    _activate(page.get_by_role("button", name="Verbindlich buchen"))
    page.wait_for_load_state()
    alert = page.get_by_role("alert")
    assert "Bitte wählen Sie eine Uhrzeit." in alert.inner_text()
    assert "Bitte geben Sie Ihren Namen an." in alert.inner_text()
    assert axe_violations(page) == []
    # The browser logs the form's 422 as a failed resource: that one is meant.
    assert [error for error in browser_log.console_errors if "422" not in error] == []
    browser_log.clear()

    first_slot = page.get_by_role("radio").first
    first_slot.focus()
    page.keyboard.press("Space")
    assert first_slot.is_checked()
    page.get_by_label("Ihr Name").fill("Ada Muster")
    page.get_by_label("Ihre E-Mail-Adresse").fill("ada@example.org")
    _activate(page.get_by_role("checkbox"), key="Space")
    _activate(page.get_by_role("button", name="Verbindlich buchen"))

    page.wait_for_url(re.compile(r"/anmeldung/gesendet/$"))
    assert (
        page.get_by_role("status")
        .inner_text()
        .startswith("Bitte bestätigen Sie Ihre Anmeldung über den Link in der E-Mail.")
    )
    assert axe_violations(page) == []
    booking = Booking.objects.get(email="ada@example.org")
    assert booking.status == BookingStatus.UNCONFIRMED
    (request_mail,) = mail.outbox
    assert request_mail.to == ["ada@example.org"]
    link = re.search(r"https?://[^/\s]+(/\S+/anmeldung/bestaetigen/\S+/)", request_mail.body)[1]

    page.goto(live_demo.url(HOST, link))
    assert DEPARTMENT in page.get_by_role("main").inner_text()
    assert axe_violations(page) == []
    _activate(page.get_by_role("button", name="Anmeldung bestätigen"))
    page.wait_for_url(re.compile(r"/anmeldung/[0-9a-f-]{36}/$"))
    assert page.get_by_role("status").inner_text().startswith("Ihr Termin ist gebucht.")
    assert DEPARTMENT in page.get_by_role("main").inner_text()
    assert axe_violations(page) == []
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    message = mail.outbox[1]
    assert message.to == ["ada@example.org"]
    assert page.url.split(":", 1)[1].split("/", 3)[3] in message.body  # the link back

    _activate(page.get_by_role("button", name="Termin stornieren"))
    page.wait_for_load_state()
    assert "Ihr Termin ist storniert." in page.get_by_role("status").inner_text()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert browser_log.console_errors == []
    assert browser_log.csp_violations == []
