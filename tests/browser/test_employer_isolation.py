"""Mitte's press office looks for JobCenter Essen's draft in the admin, in a real
browser, and finds nothing: not in the page chooser of its settings, not in the
admin's search; the settings open for Mitte only, without a switcher to Essen."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from campaign.models import StandardPage
from campaign.sites.roles import PRESS_OFFICE, group_name
from tests.browser.admin_login import enter_password, open_chooser

MITTE, ESSEN = "mitte.localhost", "jobcenter-essen.localhost"
USERNAME, PASSWORD = "presse-mitte", "Kampagne-2026!"
DRAFT = "Neue Kampagne Essen (vertraulich)"
SCREENSHOTS = settings.BASE_DIR / "var" / "screenshots"


def _log_in(page, url):
    enter_password(page, url, USERNAME, PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_press_office_finds_nothing_of_another_employer(page, live_demo):
    mitte, essen = live_demo.site(MITTE), live_demo.site(ESSEN)
    essen.root_page.add_child(instance=StandardPage(title=DRAFT, slug="vertraulich", live=False))
    user = get_user_model().objects.create_user(USERNAME, "presse@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name(mitte, PRESS_OFFICE)))

    _log_in(page, live_demo.url(MITTE, "/admin/"))

    # The employer's settings open for Mitte, with no way over to Essen.
    page.goto(live_demo.url(MITTE, "/admin/settings/campaign/employersettings/"))
    expect(page).to_have_url(re.compile(rf"/employersettings/{mitte.pk}/$"))
    expect(page.get_by_role("combobox", name=re.compile("Website"))).to_have_count(0)
    response = page.goto(
        live_demo.url(MITTE, f"/admin/settings/campaign/employersettings/{essen.pk}/")
    )
    assert response.status == 404

    # The imprint's page chooser: every employer has an „Impressum“; the search
    # finds Mitte's alone.
    page.goto(live_demo.url(MITTE, f"/admin/settings/campaign/employersettings/{mitte.pk}/"))
    page.get_by_role("tab", name="Pflichtseiten").click()
    page.get_by_role("button", name="Aktionen").first.click()
    chooser = open_chooser(page, "Andere Seite auswählen", "Suchbegriff")
    chooser.get_by_role("textbox", name="Suchbegriff").fill("Impressum")
    expect(chooser.get_by_text(re.compile(r"1 Ergebnis"))).to_be_visible()
    expect(chooser.locator("tbody tr")).to_have_count(1)
    expect(chooser.get_by_text(essen.root_page.title)).to_have_count(0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "isolation-page-chooser.png")

    # Nor does the admin's search.
    page.goto(live_demo.url(MITTE, "/admin/pages/search/?q=Kampagne+Essen"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text(DRAFT)).to_have_count(0)
