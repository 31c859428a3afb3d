"""An applicant applies online for a Düsseldorf posting with the keyboard; HR of another
site and anonymous guesses see nothing of it."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from campaign.sites.roles import HR, group_name
from careers.models import Application, JobPostingPage
from tests.browser.admin_login import enter_password
from tests.browser.axe import axe_violations
from tests.careers.applications.conftest import make_pdf
from tests.support import current_code

HOST, OTHER_HOST = "duesseldorf.localhost", "mitte.localhost"
USERNAME, PASSWORD = "personal-mitte", "Bewerbung-2026!"


def _activate(locator, key="Enter"):
    locator.focus()
    locator.press(key)


def _type_into(page, label, text):
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(text)


def test_applying_online_with_the_keyboard(page, browser, browser_log, live_demo, tmp_path):
    site = live_demo.site(HOST)
    posting = JobPostingPage.objects.descendant_of(site.root_page).live().open().first()
    path = posting.get_url_parts()[2]
    fake = tmp_path / "Zeugnis.pdf"
    fake.write_bytes(b"PK\x03\x04 eine Word-Datei, umbenannt" * 20)
    real = tmp_path / "Lebenslauf.pdf"
    real.write_bytes(make_pdf())

    page.goto(live_demo.url(HOST, path))
    _activate(page.get_by_role("link", name="Jetzt online bewerben"))
    page.wait_for_url(re.compile(r"/bewerben/$"))
    assert axe_violations(page) == []

    _type_into(page, "Vorname", "Ada")
    _type_into(page, "Nachname", "Muster")
    _type_into(page, "E-Mail-Adresse", "ada@example.org")
    page.get_by_label("Unterlagen (PDF)").set_input_files(fake)
    _activate(page.get_by_label(re.compile("^Ich habe die Datenschutzhinweise")), " ")
    _activate(page.get_by_role("button", name="Bewerbung absenden"))
    page.wait_for_load_state()

    alert = page.get_by_role("alert")
    assert "„Zeugnis.pdf“ ist keine PDF-Datei" in alert.inner_text()
    assert "erneut aus" in alert.inner_text()
    assert page.get_by_label("Vorname", exact=True).input_value() == "Ada"
    assert page.get_by_label("E-Mail-Adresse").input_value() == "ada@example.org"
    expect(page.get_by_label(re.compile("^Ich habe die Datenschutzhinweise"))).to_be_checked()
    assert axe_violations(page) == []
    assert [error for error in browser_log.console_errors if "422" not in error] == []
    browser_log.clear()

    page.get_by_label("Unterlagen (PDF)").set_input_files(real)
    _activate(page.get_by_role("button", name="Bewerbung absenden"))
    page.wait_for_url(re.compile(r"/bewerben/danke/$"))
    application = Application.objects.get()
    status = page.get_by_role("status").inner_text()
    assert application.receipt_number in status
    assert axe_violations(page) == []
    assert browser_log.console_errors == []
    assert browser_log.csp_violations == []
    assert browser_log.foreign_requests(live_demo.origin(HOST)) == []

    document = application.documents.get()
    download = live_demo.url("localhost", f"/admin/bewerbungen/unterlage/{document.pk}/")
    # Guessed by someone without a login: nothing, not under /media/ either.
    anonymous = browser.new_context()
    guesser = anonymous.new_page()
    for guess in (f"/media/{document.pk}", f"/media/applications/{document.pk.hex}"):
        assert guesser.goto(live_demo.url(HOST, guess)).status == 404
    refused = guesser.goto(download)
    assert refused.status == 404  # not even a redirect to the login says it exists
    assert b"%PDF" not in refused.body()
    anonymous.close()

    # HR of another employer: logged in, and still nothing.
    user = get_user_model().objects.create_user(USERNAME, "personal@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name(live_demo.site(OTHER_HOST), HR)))
    device = TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
    enter_password(page, live_demo.url("localhost", "/admin/login/"), USERNAME, PASSWORD)
    # HR may see applicants' data: the second factor comes before any admin page.
    expect(page).to_have_url(re.compile(r"/admin/zweiter-faktor/"))
    page.get_by_role("textbox", name="Code").fill(current_code(device))
    page.get_by_role("button", name="Bestätigen").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto(live_demo.url("localhost", "/admin/bewerbungen/"))
    assert application.receipt_number not in page.content()
    assert page.goto(download).status == 404
