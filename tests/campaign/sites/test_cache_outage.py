"""The site survives its Redis going away and is ready again when it is back.

A real redis-server of the test's own (the `shared_cache` fixture, production's
cache configuration) and the site on Django's live server: while Redis is
down, pages still answer in the employer's look (never a 500), /readyz names
the cache, /healthz (liveness) stays 200; started again, /readyz is 200.
"""

import json
import urllib.error
import urllib.request

import pytest

from campaign.sites import page_cache

pytestmark = pytest.mark.django_db(transaction=True)

HOST = "mitte.localhost"
EMPLOYER = "Bezirksamt Mitte von Berlin"
PAGES = ["/", "/imagefilm/", "/konto/registrieren/", "/konto/anmelden/"]


def fetch(live_server, path, header=None):
    """GET as a visitor of Mitte; Python does not resolve *.localhost, so send Host.
    With `header`, that response header's value comes third."""
    url = f"http://127.0.0.1:{live_server.thread.port}{path}"
    request = urllib.request.Request(url, headers={"Host": HOST})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            result = response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        result = error.code, error.read().decode(), error.headers
    return (*result[:2], result[2].get(header)) if header else result[:2]


def test_pages_stay_up_without_redis_and_readiness_follows_it(
    shared_cache, live_server, fresh_demo, settings
):
    # Each worker trusts the generations it read for a second; here not at all.
    settings.PAGE_CACHE_LOCAL_SECONDS = 0
    for path in PAGES:
        status, body = fetch(live_server, path)
        assert (status, path) == (200, path)
        assert EMPLOYER in body
    assert json.loads(fetch(live_server, "/readyz")[1])["status"] == "ok"

    fetch(live_server, "/")
    assert fetch(live_server, "/", "X-Page-Cache")[2] == "hit"

    shared_cache.stop()

    # No stored page while no purge could reach the workers: rendered afresh.
    assert fetch(live_server, "/", "X-Page-Cache")[2] is None
    for path in PAGES:
        status, body = fetch(live_server, path)
        assert (status, path) == (200, path)
        assert EMPLOYER in body  # the branding comes from the database meanwhile
    status, body = fetch(live_server, "/gibt-es-nicht/")
    assert status == 404
    assert "Diese Seite gibt es nicht" in body
    assert EMPLOYER in body
    status, body = fetch(live_server, "/readyz")
    assert status == 503
    assert json.loads(body)["failing"] == ["cache"]
    status, body = fetch(live_server, "/healthz")
    assert status == 200
    assert json.loads(body)["status"] == "ok"

    shared_cache.start()

    status, body = fetch(live_server, "/readyz")
    assert status == 200
    assert json.loads(body)["cache"] == "ok"
    status, body = fetch(live_server, "/")
    assert status == 200
    assert EMPLOYER in body
    page_cache.store.unreachable_until = 0  # rather than wait for the next try
    fetch(live_server, "/")
    assert fetch(live_server, "/", "X-Page-Cache")[2] == "hit"
