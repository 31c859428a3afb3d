"""The site survives PostgreSQL going away and comes back by itself.

Stops and starts a real server, so it needs one it may stop: DATABASE_URL
pointing at PostgreSQL and STELLWERK_PG_DATA naming the data directory of a
cluster made with .ci/postgres (as .ci/run does). Without them it skips
locally and fails in CI.
"""

import json
import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import OperationalError, connection, connections

from tests.support import skip_unless_available

pytestmark = pytest.mark.postgres

PG_SCRIPT = Path(__file__).resolve().parents[3] / ".ci" / "postgres"
HOST = "mitte.localhost"
EMPLOYER = "Bezirksamt Mitte von Berlin"


@pytest.fixture
def pg_data():
    data = os.environ.get("STELLWERK_PG_DATA", "")
    skip_unless_available(
        connection.vendor == "postgresql" and bool(data),
        "braucht PostgreSQL per DATABASE_URL und STELLWERK_PG_DATA (siehe .ci/run)",
    )
    return data


def pg(command, data):
    subprocess.run([str(PG_SCRIPT), command, data], check=True, timeout=90)


def fetch(live_server, path):
    """GET as a visitor of Mitte; Python does not resolve *.localhost, so send Host."""
    url = f"http://127.0.0.1:{live_server.thread.port}{path}"
    request = urllib.request.Request(url, headers={"Host": HOST})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def wait_for_database(timeout=30):
    deadline = time.monotonic() + timeout
    while True:
        try:
            connection.ensure_connection()
            return
        except OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_outage_gives_503_and_the_site_recovers_on_its_own(pg_data, live_server, fresh_demo):
    status, _, body = fetch(live_server, "/")
    assert status == 200
    assert EMPLOYER in body  # and the branding is now cached for the error page
    status, _, body = fetch(live_server, "/healthz")
    assert status == 200
    assert json.loads(body)["status"] == "ok"

    pg("stop", pg_data)
    try:
        # The home page the page cache holds is still served; another page is not.
        assert fetch(live_server, "/")[0] == 200
        status, headers, body = fetch(live_server, "/imagefilm/")
        assert status == 503
        assert headers["Retry-After"]
        assert "Gleich sind wir wieder da" in body
        assert EMPLOYER in body
        status, _, body = fetch(live_server, "/healthz")
        assert status == 503
        assert json.loads(body)["status"] == "unavailable"
    finally:
        # Whatever failed above, the rest of the suite needs its server back.
        pg("start", pg_data)
        # This thread's connection died with the server; drop it so the
        # teardown (flush) opens a fresh one.
        connections.close_all()
        wait_for_database()

    # Nothing restarted but PostgreSQL: the live server reconnects by itself.
    status, _, body = fetch(live_server, "/imagefilm/")
    assert status == 200
    assert EMPLOYER in body
