"""Playwright against pytest-django's live server, in Debian's Chromium.

Every test here is marked `browser`. Chromium comes from the distribution
(`apt-get install chromium`), never from `playwright install`; without it the
tests skip locally and fail in CI (STELLWERK_REQUIRE_ALL=1).

The `page` fixture records what a visitor's browser would complain about:
console errors, Content-Security-Policy violations and every request's
origin, so a test can insist that nothing was fetched from anywhere but the
site itself (no third-party requests, the privacy non-negotiable).
"""

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connections
from wagtail.models import Site

from tests.support import skip_unless_available

CHROMIUM = os.environ.get("STELLWERK_CHROMIUM", "/usr/bin/chromium")
# As root Chromium needs --no-sandbox; the rest keeps it from phoning home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
BROWSER_DIR = Path(__file__).resolve().parent
NETWORK_SCHEMES = {"http", "https", "ws", "wss", "ftp"}


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _chromium_available():
    return Path(CHROMIUM).is_file() or shutil.which(CHROMIUM) is not None


# Package scope: one Chromium for all browser tests, which pytest-django runs
# back to back (they need a transactional database), and gone before any
# other test runs, so no event loop and no async-unsafe switch outlive them.
@pytest.fixture(scope="package")
def playwright():
    skip_unless_available(_chromium_available(), "Chromium fehlt: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs its event loop from this thread, in a context
    # of its own: Django then refuses ORM calls (async-unsafe) and, looking
    # its connections up per context, would hand the tests fresh ones without
    # the test database's serialized state. The tests' ORM calls are plain
    # synchronous code, and they keep using the connections they had.
    wrappers = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as instance:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        for alias, wrapper in wrappers.items():
            connections[alias] = wrapper
        yield instance


@pytest.fixture(scope="package")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class BrowserLog:
    """What the browser reported since the last `clear()`."""

    console_errors: list = field(default_factory=list)
    csp_violations: list = field(default_factory=list)
    requests: list = field(default_factory=list)

    def clear(self):
        self.console_errors.clear()
        self.csp_violations.clear()
        self.requests.clear()

    def on_console(self, message):
        if message.type != "error":
            return
        text = message.text
        # Chromium reports CSP blocks as console errors: "Refused to load …",
        # "Executing inline script violates the following Content Security Policy …".
        if "Content Security Policy" in text:
            self.csp_violations.append(text)
        else:
            self.console_errors.append(f"{text} ({message.location.get('url', '?')})")

    def on_page_error(self, error):
        self.console_errors.append(f"Uncaught: {error}")

    def on_request(self, request):
        self.requests.append(request.url)

    def foreign_requests(self, origin):
        """Requests over the network to anywhere but `origin` (scheme://host:port)."""
        expected = urlsplit(origin)
        foreign = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme not in NETWORK_SCHEMES:
                continue  # data: and blob: URLs never leave the browser
            if (parts.hostname, parts.port) != (expected.hostname, expected.port):
                foreign.append(url)
        return foreign


@pytest.fixture
def browser_log():
    return BrowserLog()


@pytest.fixture
def page(browser, browser_log):
    """A fresh browser tab (own context: no cookies shared between tests), German."""
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.on("console", browser_log.on_console)
    tab.on("pageerror", browser_log.on_page_error)
    tab.on("request", browser_log.on_request)
    yield tab
    context.close()


@dataclass(frozen=True)
class LiveDemo:
    """The demo installation served by the live server, as a visitor reaches it."""

    port: int
    sites: list

    def site(self, hostname):
        return next(site for site in self.sites if site.hostname == hostname)

    def origin(self, hostname):
        return f"http://{hostname}:{self.port}"

    def url(self, hostname, path="/"):
        return f"{self.origin(hostname)}{path}"


@pytest.fixture
def live_demo(live_server, fresh_demo):
    """The demo sites on the live server's port, as `make run` has them on :8000.

    The live server needs a transactional database, which is emptied after
    each test, so each test puts the demo back in place (tests.demo_snapshot).

    The demo fixture builds the sites for port 80; saving each site with the
    live server's port makes every absolute URL Wagtail writes (the header's
    link to the home page, the sitemap) point at the server the browser talks
    to. Saving one by one, not with update(), lets Wagtail and the branding
    cache forget the old root URLs.
    """
    port = int(urlsplit(live_server.url).port)
    sites = []
    for site in Site.objects.order_by("pk"):
        site.port = port
        site.save()
        sites.append(site)
    return LiveDemo(port=port, sites=sites)
