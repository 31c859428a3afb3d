"""Another employer's editor meets Mitte's member-only release in a real
browser: the German refusal (403) is accessible, and its button logs out and
leads to the member login with its note."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from campaign.models import PressReleasePage
from campaign.sites.roles import PRESS_OFFICE, group_name
from tests.browser.axe import axe_violations

HOST = "mitte.localhost"
RELEASE = "/presse/homeoffice/"
PASSWORD = "Ruhrgebiet-am-Kanal-2024"


def test_an_editor_of_another_employer_gets_an_accessible_refusal(page, browser_log, live_demo):
    editor = get_user_model().objects.create_user("essen", "essen@example.org", PASSWORD)
    essen = live_demo.site("jobcenter-essen.localhost")
    editor.groups.add(Group.objects.get(name=group_name(essen, PRESS_OFFICE)))
    # Wholly private, as Wagtail's privacy "logged-in users" makes a page
    # (the demo's release is a teaser with a member part).
    PageViewRestriction.objects.create(
        page=PressReleasePage.objects.get(slug="homeoffice"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    page.goto(live_demo.url(HOST, "/admin/login/"))
    page.fill("#id_username", "essen")
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(re.compile(r"/admin/$"))
    browser_log.clear()

    response = page.goto(live_demo.url(HOST, RELEASE))

    assert response.status == 403
    main = page.get_by_role("main").inner_text()
    assert page.get_by_role("heading", level=1).inner_text() == "Nur für Mitglieder dieser Website"
    assert "nur für registrierte Mitglieder von „Bezirksamt Mitte von Berlin“ sichtbar" in main
    assert "Bis Weihnachten" not in main
    assert axe_violations(page) == []
    assert browser_log.csp_violations == []
    # The browser logs the 403 itself as a failed resource: that one is meant.
    assert [error for error in browser_log.console_errors if "403" not in error] == []

    page.get_by_role("button", name="Abmelden und mit einem Konto dieser Website anmelden").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/konto/anmelden/\?next=/presse/homeoffice/"))
    assert "nur für registrierte Mitglieder sichtbar" in page.get_by_role("main").inner_text()
