"""HR of Düsseldorf filters the applications by one of their postings through the
posting chooser, in a real browser, and meets no title of another employer's
posting on the way."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from campaign.sites.roles import HR, group_name
from careers.applications import services
from careers.models import JobPostingPage
from tests.browser.admin_login import enter_password, open_chooser
from tests.careers.applications.conftest import make_pdf
from tests.support import current_code

HOST, OTHER_HOST = "duesseldorf.localhost", "mitte.localhost"
USERNAME, PASSWORD = "personal-duesseldorf", "Bewerbung-2026!"
APPLICANT = {
    "salutation": "frau",
    "first_name": "Ada",
    "last_name": "Muster",
    "email": "ada@example.org",
    "phone": "0211 123456",
    "street": "Musterweg 1",
    "postal_code": "40213",
    "city": "Düsseldorf",
    "message": "Ich bewerbe mich mit Freude.",
    "privacy_consent": "on",
}


def _postings(site):
    return JobPostingPage.objects.descendant_of(site.root_page).live().open().order_by("title")


def test_hr_filters_by_their_posting_and_sees_no_other_employers_title(
    page, browser_log, live_demo
):
    site = live_demo.site(HOST)
    chosen, other = _postings(site)[:2]
    own_titles = {posting.title for posting in _postings(site)}
    foreign_titles = {p.title for p in _postings(live_demo.site(OTHER_HOST))} - own_titles
    assert foreign_titles
    pdf = [("Lebenslauf.pdf", make_pdf())]
    wanted = services.submit(chosen, APPLICANT, pdf)
    unwanted = services.submit(other, {**APPLICANT, "first_name": "Bea"}, pdf)
    user = get_user_model().objects.create_user(USERNAME, "personal@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name(site, HR)))
    device = TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
    enter_password(page, live_demo.url("localhost", "/admin/login/"), USERNAME, PASSWORD)
    page.get_by_role("textbox", name="Code").fill(current_code(device))
    page.get_by_role("button", name="Bestätigen").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    seen = []

    page.goto(live_demo.url("localhost", "/admin/bewerbungen/"))
    expect(page.get_by_text(unwanted.receipt_number)).to_be_visible()
    seen.append(page.content())
    page.get_by_role("button", name="Filter anzeigen").click()
    page.get_by_role("button", name="Stellenangebot", exact=True).click()
    chooser = open_chooser(page, "Stellenangebot wählen", "Kennziffer")
    seen.append(chooser.inner_html())
    # The modal's only text box (its label's for= names the admin header's search,
    # which has the same id in Wagtail).
    chooser.get_by_role("textbox").fill(chosen.title)
    expect(chooser.get_by_role("link", name=chosen.title)).to_be_visible()
    seen.append(chooser.inner_html())
    chooser.get_by_role("link", name=chosen.title).click()

    expect(page.get_by_text(unwanted.receipt_number)).to_have_count(0)
    expect(page.get_by_text(wanted.receipt_number)).to_be_visible()
    seen.append(page.content())
    for html in seen:
        for title in foreign_titles:
            assert title not in html
    assert browser_log.console_errors == []
    assert browser_log.csp_violations == []
