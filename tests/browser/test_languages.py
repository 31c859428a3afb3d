"""A visitor switches the Zukunftsorte campaign to English and back, with the keyboard."""

from tests.browser.axe import assert_no_axe_violations

HOST = "zukunftsorte.localhost"


def _tab_to(page, name, limit=40):
    """Press Tab until the link called `name` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.innerText.trim()") == name:
            return
    raise AssertionError(f"no focusable {name!r} within {limit} tabs")


def test_campaign_switches_to_english_and_back(page, browser_log, live_demo):
    page.goto(live_demo.url(HOST, "/kampagne/"))
    assert page.locator("html").get_attribute("lang") == "de"

    _tab_to(page, "English")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/campaign/")

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "The skilled-worker campaign"
    assert page.get_by_role("link", name="Skip to content").count() == 1
    hreflang = page.locator('link[rel="alternate"][hreflang="de"]').get_attribute("href")
    assert hreflang == live_demo.url(HOST, "/kampagne/")
    assert_no_axe_violations(page)

    _tab_to(page, "Deutsch")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kampagne/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert browser_log.console_errors == []
    assert browser_log.csp_violations == []


def test_english_matcher_is_accessible_and_ranks_places(page, live_demo):
    page.goto(live_demo.url(HOST, "/en/find-your-place/"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert_no_axe_violations(page)

    page.get_by_label("Chemistry").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**branche=chemie**")

    assert page.locator("main").get_by_text("Industry Chemistry").count() > 0
    assert_no_axe_violations(page)
