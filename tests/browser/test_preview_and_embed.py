"""Before and after the film goes online, in a real browser.

Mitte's press office creates a preview link for a draft in the admin; a
browser without a login opens it and sees the draft under the preview bar,
with zero axe violations. Then the film's player page, framed by the district's
main site (served here by the browser's route, nothing leaves the machine),
plays in the frame, passes axe and loads nothing from elsewhere.
"""

import contextlib
import re
import shutil
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from campaign.models import EmployerSettings, PreviewLink, StandardPage
from campaign.sites.roles import PRESS_OFFICE, group_name
from media_library import demo
from media_library.models import Film
from tests.browser.admin_login import enter_password
from tests.browser.axe import axe_violations
from tests.support import free_port, skip_unless_available

MITTE = "mitte.localhost"
USERNAME, PASSWORD = "presse-mitte-vorschau", "Vorschau-2026!"


@contextlib.contextmanager
def main_site_framing(player):
    """The district's main site: a page framing `player`, served on a loopback
    port of its own (Chromium keeps a public or routed page from framing a local
    address). Yields its origin."""
    body = (
        '<!DOCTYPE html><html lang="de"><title>Bezirksamt Mitte</title>'
        f'<main><iframe src="{player}" title="Imagefilm" width="640" height="360">'
        "</iframe></main></html>"
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://bezirk.localhost:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_press_office_shares_a_draft_and_the_film_plays_on_the_main_site(
    page, browser, browser_log, live_demo
):
    skip_unless_available(shutil.which("ffmpeg"), "ffmpeg fehlt: apt-get install ffmpeg")
    mitte = live_demo.site(MITTE)
    user = get_user_model().objects.create_user(USERNAME, "presse@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name(mitte, PRESS_OFFICE)))
    draft = mitte.root_page.add_child(
        instance=StandardPage(title="Imagefilm vorab", slug="imagefilm-vorab", live=False)
    )
    draft.lead = "Für die Personalversammlung."
    draft.save_revision()

    # The press office creates the link in the admin.
    enter_password(page, live_demo.url(MITTE, "/admin/"), USERNAME, PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto(live_demo.url(MITTE, f"/admin/vorschau-links/new/?page={draft.pk}"))
    expect(page.get_by_text("Imagefilm vorab").first).to_be_visible()
    last_day = timezone.localdate() + timedelta(days=3)
    page.get_by_label(re.compile("Gültig bis einschließlich")).fill(last_day.isoformat())
    page.get_by_role("textbox", name=re.compile("Wofür")).fill("Personalversammlung")
    page.get_by_role("button", name="Vorschau-Link erstellen").click()
    expect(page.get_by_text("Vorschau-Link angelegt")).to_be_visible()
    link = PreviewLink.objects.get(page=draft)
    # The list offers the whole address to copy, on Mitte's own host.
    expect(page.locator(f'a[href="{live_demo.url(MITTE, link.get_path())}"]')).to_have_count(1)

    # Someone without a login opens it.
    visitor = browser.new_context(locale="de-DE")
    tab = visitor.new_page()
    tab.on("request", browser_log.on_request)
    browser_log.clear()
    response = tab.goto(live_demo.url(MITTE, link.get_path()))
    assert "no-store" in response.headers["cache-control"]
    expect(tab.get_by_text("Vorschau – noch nicht veröffentlicht")).to_be_visible()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Imagefilm vorab")
    assert axe_violations(tab) == []
    assert browser_log.foreign_requests(live_demo.origin(MITTE)) == []
    link.refresh_from_db()
    assert link.times_opened == 1

    # The film on the district's main site, framed from there.
    film = Film.objects.get(title=demo.TITLE)
    player = live_demo.url(MITTE, f"/filme/{film.pk}/player/")
    with main_site_framing(player) as main_site:
        employer = EmployerSettings.for_site(mitte)
        employer.film_embedding_origins = main_site
        employer.save()  # purges the site, and what its workers remember of the settings
        tab.goto(f"{main_site}/ba-mitte/")
        frame = tab.frame_locator("iframe")
        expect(frame.locator("video")).to_be_visible()
        expect(frame.locator("video track")).to_have_count(2)
        # The short cut, by its link inside the frame.
        frame.get_by_role("link", name=re.compile(r"^Kurzfassung \(")).click()
        expect(frame.locator("video source")).to_have_attribute("src", re.compile("kurzfassung"))

    browser_log.clear()
    tab.goto(player)
    assert axe_violations(tab) == []
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.tagName") in {"VIDEO", "A", "SUMMARY"}
    assert browser_log.foreign_requests(live_demo.origin(MITTE)) == []
    visitor.close()
