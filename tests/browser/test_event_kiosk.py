"""At the event, on a tablet: the kiosk link opens the visitors' side, a visitor
chooses a posting and applies in a few taps (a mistake first, shown and kept),
the team counts a conversation with the keyboard, and at home the applicant adds
a PDF by the mailed link. Every page passes axe at tablet size."""

import re

from django.core import mail

from campaign.models import EventKiosk, KioskTally
from careers.kiosk import services
from careers.models import Application
from tests.browser.axe import axe_violations
from tests.careers.applications.conftest import make_pdf

HOST = "duesseldorf.localhost"
TABLET = {"width": 820, "height": 1180}


def test_a_visitor_applies_at_the_kiosk_and_the_team_counts(page, browser_log, live_demo):
    kiosk = EventKiosk.objects.select_related("event").get(
        event__path__startswith=live_demo.site(HOST).root_page.path
    )
    page.set_viewport_size(TABLET)
    page.goto(live_demo.url(HOST, f"/kiosk/{services.kiosk_token(kiosk)}/"))
    assert axe_violations(page) == []

    choice = page.locator(".kiosk__choice").first
    title = choice.inner_text().split("\n")[0]
    assert choice.bounding_box()["height"] >= 48  # a target for a finger
    choice.click()
    page.get_by_label("Vorname").fill("Ada")
    page.get_by_label("Nachname").fill("Muster")
    page.get_by_label("E-Mail-Adresse").fill("ada@")
    page.get_by_role("button", name="Bewerbung absenden").click()
    assert "Bitte prüfen Sie Ihre Angaben" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Vorname").input_value() == "Ada"
    assert axe_violations(page) == []

    page.get_by_label("E-Mail-Adresse").fill("ada@example.org")
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen", exact=False).check()
    page.get_by_role("button", name="Bewerbung absenden").click()
    assert "Ihre Bewerbung ist eingegangen" in page.get_by_role("status").inner_text()
    assert axe_violations(page) == []
    application = Application.objects.get(email="ada@example.org")
    assert application.posting.title in title
    assert application.event_id == kiosk.event_id
    documents_link = re.search(r"/bewerbung/unterlagen/\S+/", mail.outbox[-1].body).group()

    page.get_by_role("link", name="Nächste Person: neue Bewerbung").click()
    page.get_by_role("link", name="Für das Team am Stand: Gespräche zählen").click()
    assert axe_violations(page) == []
    department = kiosk.event.departments.first()
    button = page.get_by_role("button", name=f"Gespräch: {department.name}")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text() == "Gezählt."
    assert KioskTally.objects.get(event=kiosk.event, department=department).count == 1

    # At home, by the mailed link: the documents join the same application.
    page.goto(live_demo.url(HOST, documents_link))
    assert axe_violations(page) == []
    page.get_by_label("Unterlagen (PDF)").set_input_files(
        files=[{"name": "Lebenslauf.pdf", "mimeType": "application/pdf", "buffer": make_pdf()}]
    )
    page.get_by_role("button", name="Unterlagen hochladen").click()
    assert "Ihre Unterlagen sind eingegangen" in page.get_by_role("status").inner_text()
    assert axe_violations(page) == []
    assert application.documents.count() == 1
    assert browser_log.csp_violations == []
    assert browser_log.foreign_requests(live_demo.origin(HOST)) == []
