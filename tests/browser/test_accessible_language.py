"""Leichte Sprache and Gebärdensprache in a real browser: reached from the
header with the keyboard, read in large type, four DGS films with downloads."""

import re
import shutil

from tests.browser.axe import axe_violations
from tests.support import skip_unless_available

HOST = "mitte.localhost"
MAX_TABS = 10

FOCUSED_HREF = "() => document.activeElement.getAttribute('href')"
TYPOGRAPHY = """(element) => {
    const style = getComputedStyle(element);
    const probe = document.createElement("span");
    probe.textContent = "0";
    element.appendChild(probe);
    const ch = probe.getBoundingClientRect().width;
    probe.remove();
    return {
        fontSize: parseFloat(style.fontSize),
        lineHeight: parseFloat(style.lineHeight),
        textAlign: style.textAlign,
        hyphens: style.hyphens,
        widthInCh: element.getBoundingClientRect().width / ch,
    };
}"""


def _assert_clean(browser_log, origin):
    assert not browser_log.console_errors, browser_log.console_errors
    assert not browser_log.csp_violations, browser_log.csp_violations
    assert browser_log.foreign_requests(origin) == []


def test_the_header_leads_to_leichte_sprache_by_keyboard(page, browser_log, live_demo):
    page.goto(live_demo.url(HOST))
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_HREF) == "/leichte-sprache/":
            break
    else:
        raise AssertionError(f"Link „Leichte Sprache“ nach {MAX_TABS} Tabs nicht erreicht")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url == live_demo.url(HOST, "/leichte-sprache/")
    assert page.locator("h1").inner_text().strip() == "Leichte Sprache"
    assert page.locator("h2.easy-language__heading").count() == 4
    assert axe_violations(page) == []

    text = page.locator(".easy-language__text p").first
    typography = text.evaluate(TYPOGRAPHY)
    assert typography["fontSize"] >= 20
    assert typography["lineHeight"] >= 1.5 * typography["fontSize"]
    assert typography["textAlign"] in {"left", "start"}
    assert typography["hyphens"] == "manual"
    assert typography["widthInCh"] <= 52  # short lines
    _assert_clean(browser_log, live_demo.origin(HOST))


def test_the_sign_language_page_offers_four_films_to_play_and_download(
    page, browser_log, live_demo
):
    skip_unless_available(shutil.which("ffmpeg"), "ffmpeg fehlt: apt-get install ffmpeg")
    page.goto(live_demo.url(HOST))
    page.get_by_role("link", name="Deutsche Gebärdensprache").click()
    page.wait_for_url(live_demo.url(HOST, "/gebaerdensprache/"))

    sections = page.locator("section.sign-language__section")
    assert sections.count() == 4
    videos = page.locator("section.film video")
    assert videos.count() == 4
    for index in range(4):
        video = videos.nth(index)
        page.wait_for_function("(video) => video.readyState >= 1", arg=video.element_handle())
        assert 3 <= video.evaluate("(video) => video.duration") <= 5
        assert video.evaluate("(video) => video.textTracks[0].language") == "de"
    downloads = page.locator("ul.film__downloads li")
    assert downloads.count() == 4
    for index in range(4):
        item = downloads.nth(index)
        assert item.locator("a[download]").count() == 1
        assert re.search(r"\(MP4, [\d,]+ (KB|Byte), 4 Sek\.\)", item.inner_text())
    assert page.get_by_role("img", name="Deutsche Gebärdensprache").count() >= 5
    assert axe_violations(page) == []
    _assert_clean(browser_log, live_demo.origin(HOST))
