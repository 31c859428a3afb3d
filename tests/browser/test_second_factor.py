"""A superuser's admin login with the second factor, in a real browser.

First login: password, then the setup page (QR code and the key as text);
the test reads the key from the page as a person typing it into an app
would, computes the app's code and reaches the dashboard past the backup
codes. Next login: one of those backup codes. The second factor's pages pass
axe, with an error shown too, and break no CSP rule.
"""

import re
from base64 import b32decode

from django.contrib.auth import get_user_model
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.browser.admin_login import enter_password
from tests.browser.axe import assert_no_axe_violations

HOST = "localhost"
USERNAME, PASSWORD = "admin-test", "Zweiter-Faktor-2026!"


def _password_step(page, url):
    enter_password(page, url, USERNAME, PASSWORD)


def test_a_superuser_sets_up_the_app_and_logs_in_with_codes(page, browser_log, live_demo):
    get_user_model().objects.create_superuser(USERNAME, "admin@example.org", PASSWORD)

    _password_step(page, live_demo.url(HOST, "/admin/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Zweiten Faktor einrichten")
    expect(page.get_by_role("img", name=re.compile("QR-Code"))).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("textbox", name="Code").fill("000000")
    page.get_by_role("button", name="Einrichten und anmelden").click()
    expect(page.get_by_role("alert")).to_contain_text("Dieser Code stimmt nicht.")
    assert_no_axe_violations(page)

    key = page.locator("#second-factor-secret").inner_text().replace(" ", "")
    page.wait_for_timeout(1100)  # django-otp's wait after one wrong code: a second
    code = f"{totp(b32decode(key)):06d}"
    page.get_by_role("textbox", name="Code").fill(code)
    page.get_by_role("button", name="Einrichten und anmelden").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ihre Notfallcodes")
    assert_no_axe_violations(page)
    backup_code = page.locator(".second-factor-codes code").first.inner_text()
    page.get_by_role("link", name="Weiter zur Verwaltung").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    # Next login: the code step, here with a backup code.
    page.get_by_role("button", name=re.compile("Kontoeinstellungen|Account|admin-test")).click()
    page.get_by_role("button", name="Abmelden").click()
    _password_step(page, live_demo.url(HOST, "/admin/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmeldung bestätigen")
    assert_no_axe_violations(page)
    page.get_by_role("textbox", name="Code").fill(backup_code)
    page.get_by_role("button", name="Bestätigen").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    assert browser_log.csp_violations == []
    assert browser_log.foreign_requests(live_demo.origin(HOST)) == []
