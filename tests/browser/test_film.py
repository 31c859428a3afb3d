"""Films in a real browser: the #WirmachenMitte demo film plays with subtitles
and a short cut, and a YouTube video waits behind its two-click consent.

No test here reaches the internet: every request to another host is answered
or refused by the browser itself (page.route), so a test learns which request
was made without waiting for a network that is not there.
"""

import re
import shutil
from urllib.parse import urlsplit

from campaign.factories import StandardPageFactory
from campaign.models import HomePage
from media_library import demo
from media_library.models import Film, VersionKind
from tests.browser.axe import axe_violations
from tests.support import skip_unless_available

HOST = "mitte.localhost"
YOUTUBE_ID = "aqz-KE-bpKQ"
VIDEO_TITLE = "Ein Tag im Bürgeramt Mitte"
PLAYER_HOST = "www.youtube-nocookie.com"
# What the stand-in for YouTube's player answers: enough for a frame to load.
PLAYER_STUB = "<!DOCTYPE html><html lang='de'><title>Player</title><p>Player</p></html>"

PLAY_MUTED = """async (video) => {
    video.muted = true;  // browsers play muted media without a user gesture
    await video.play();
    return video.paused;
}"""
TEXT_TRACKS = """(video) => [...video.textTracks].map((track) => ({
    language: track.language, kind: track.kind, label: track.label, mode: track.mode,
}))"""
SHOW_TRACK = """(video, language) => {
    for (const track of video.textTracks) {
        track.mode = track.language === language ? "showing" : "disabled";
    }
    return [...video.textTracks].map((track) => `${track.language}:${track.mode}`);
}"""
CUES_LOADED = """([video, language]) => {
    const track = [...video.textTracks].find((candidate) => candidate.language === language);
    return track && track.cues && track.cues.length > 0;
}"""
CUE_TEXTS = """(video, language) => {
    const track = [...video.textTracks].find((candidate) => candidate.language === language);
    return [...track.cues].map((cue) => cue.text);
}"""


def _assert_clean(browser_log, origin):
    assert not browser_log.console_errors, browser_log.console_errors
    assert not browser_log.csp_violations, browser_log.csp_violations
    assert browser_log.foreign_requests(origin) == []


# The demo film ---------------------------------------------------------------


def test_the_demo_film_plays_with_subtitles_and_a_short_cut(page, browser_log, live_demo):
    skip_unless_available(shutil.which("ffmpeg"), "ffmpeg fehlt: apt-get install ffmpeg")
    film = Film.objects.get(title=demo.TITLE)
    long_cut = film.versions.get(kind=VersionKind.LONG)
    short_cut = film.versions.get(kind=VersionKind.SHORT)

    page.goto(live_demo.url(HOST))
    video = page.locator("section.film video")
    assert video.count() == 1
    assert video.evaluate("(video) => video.currentSrc").endswith(long_cut.file.url)
    assert axe_violations(page) == []

    # It plays (muted, so without a user gesture) and time runs.
    assert video.evaluate(PLAY_MUTED) is False
    page.wait_for_function("(video) => video.currentTime > 0.3", arg=video.element_handle())
    assert video.evaluate("(video) => video.currentTime") > 0.3
    assert video.evaluate("(video) => video.paused") is False

    # German captions and English subtitles are offered; either can be shown.
    tracks = video.evaluate(TEXT_TRACKS)
    assert [(track["language"], track["kind"]) for track in tracks] == [
        ("de", "captions"),
        ("en", "subtitles"),
    ]
    assert all(track["label"] for track in tracks)
    assert video.evaluate(SHOW_TRACK, "en") == ["de:disabled", "en:showing"]
    page.wait_for_function(CUES_LOADED, arg=[video.element_handle(), "en"])
    assert video.evaluate(CUE_TEXTS, "en")[0] == "We make Mitte."
    assert video.evaluate(SHOW_TRACK, "de") == ["de:showing", "en:disabled"]
    page.wait_for_function(CUES_LOADED, arg=[video.element_handle(), "de"])
    assert video.evaluate(CUE_TEXTS, "de")[0] == "Wir machen Mitte."
    _assert_clean(browser_log, live_demo.origin(HOST))

    # The short cut is a link away (?fassung=kurzfassung), no JavaScript needed.
    versions = page.get_by_role("navigation", name=re.compile("^Fassungen von"))
    versions.get_by_role("link", name=re.compile("^Kurzfassung")).click()
    page.wait_for_url(re.compile(r"\?fassung=kurzfassung#film-\d+$"))
    video = page.locator("section.film video")
    assert video.locator("source").get_attribute("src") == short_cut.file.url
    assert video.evaluate("(video) => video.currentSrc").endswith(short_cut.file.url)
    page.wait_for_function("(video) => video.readyState >= 1", arg=video.element_handle())
    assert abs(video.evaluate("(video) => video.duration") - demo.SHORT_SECONDS) < 0.5
    current = versions.locator('a[aria-current="true"]')
    assert current.inner_text().startswith("Kurzfassung")
    assert axe_violations(page) == []
    _assert_clean(browser_log, live_demo.origin(HOST))


# A YouTube video behind two clicks ------------------------------------------


def _page_with_youtube_video():
    page = StandardPageFactory(
        parent=HomePage.objects.get(slug="mitte"),
        title="Videos aus dem Bezirksamt",
        slug="videos",
        body=[
            (
                "external_video",
                {
                    "url": f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
                    "title": VIDEO_TITLE,
                    "transcript": "Eine Mitarbeiterin zeigt, wie ein Tag im Bürgeramt abläuft.",
                },
            )
        ],
    )
    page.save_revision().publish()
    return page


def _keep_the_browser_offline(tab, origin):
    """Refuse every request off the site; answer the player's with a stub and
    return the list of player requests seen."""
    expected = urlsplit(origin)
    player_requests = []

    def refuse_foreign(route):
        parts = urlsplit(route.request.url)
        if (parts.hostname, parts.port) == (expected.hostname, expected.port):
            route.continue_()
        else:
            route.abort()

    def answer_player(route):
        player_requests.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=PLAYER_STUB)

    # Playwright asks the route registered last first.
    tab.route("**/*", refuse_foreign)
    tab.route(f"https://{PLAYER_HOST}/**", answer_player)
    return player_requests


def test_a_youtube_video_loads_nothing_before_the_click(page, browser_log, live_demo):
    _page_with_youtube_video()
    origin = live_demo.origin(HOST)
    url = live_demo.url(HOST, "/videos/")
    player_requests = _keep_the_browser_offline(page, origin)

    page.goto(url)
    section = page.get_by_role("region", name=VIDEO_TITLE)
    button = section.get_by_role("button", name="Video laden und abspielen")
    assert button.is_visible()
    assert "Dieses Video wird erst geladen, wenn Sie es starten." in section.inner_text()
    assert section.get_by_role("link", name="Datenschutzerklärung von YouTube").count() == 1
    assert section.locator("iframe").count() == 0
    assert player_requests == []
    _assert_clean(browser_log, origin)
    assert axe_violations(page) == []

    with page.expect_request(lambda request: urlsplit(request.url).hostname == PLAYER_HOST) as sent:
        button.click()
    sent.value.response()  # answered by the stub: the route has seen it
    frame = section.locator("iframe")
    frame.wait_for()
    src = frame.get_attribute("src")
    assert urlsplit(src).hostname == PLAYER_HOST
    assert src.startswith(f"https://{PLAYER_HOST}/embed/{YOUTUBE_ID}?")
    assert frame.get_attribute("title") == VIDEO_TITLE
    page.wait_for_function("() => document.activeElement.tagName === 'IFRAME'")
    assert button.count() == 0
    # The request went out only now, to the privacy host, allowed by the CSP.
    assert [urlsplit(request).hostname for request in player_requests] == [PLAYER_HOST]
    assert {urlsplit(request).hostname for request in browser_log.foreign_requests(origin)} == {
        PLAYER_HOST
    }
    assert not browser_log.csp_violations, browser_log.csp_violations


def test_without_javascript_the_link_leads_to_youtube(browser, live_demo):
    _page_with_youtube_video()
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    try:
        tab = context.new_page()
        requests = []
        tab.on("request", lambda request: requests.append(request.url))
        tab.goto(live_demo.url(HOST, "/videos/"))
        section = tab.get_by_role("region", name=VIDEO_TITLE)

        assert section.get_by_role("button").count() == 0  # hidden: not in the a11y tree
        assert section.locator("button").is_hidden()
        link = section.get_by_role("link", name=f"„{VIDEO_TITLE}“ auf YouTube ansehen")
        assert link.get_attribute("href") == f"https://www.youtube.com/watch?v={YOUTUBE_ID}"
        assert section.locator("iframe").count() == 0
        assert all(urlsplit(url).hostname == HOST for url in requests), requests
    finally:
        context.close()
