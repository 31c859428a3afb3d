"""The caching proxy of deploy/varnish/stellwerk.vcl in front of two app servers,
purged by the page cache's own rules (campaign/sites/page_cache/proxy.py).

Real processes on loopback (deploy/cluster.py's): varnishd with the shipped VCL (only
its backends' ports changed), two gunicorns with production settings on the test's
PostgreSQL and Redis. What the test process publishes reaches the proxy as the
app servers' own saves would: through purge_hosts() and a BAN after the commit.
Without varnishd or PostgreSQL the tests skip locally and fail in CI.
"""

import contextlib
import http.client
import os
import re
import socket
import time
import uuid

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from wagtail.models import Site

from campaign.members import accounts
from campaign.sites import page_cache
from campaign.sites.page_cache import proxy
from deploy.cluster import AppServer, Proxy, varnishd
from tests.support import skip_unless_available, wait_until_healthy

HOST = "mitte.localhost"
DIRECTORY = "localhost"
STATIC_FILE = "/static/css/stellwerk.css"
# What nginx in front says for a visitor over HTTPS (deploy/nginx.conf).
FROM_TLS_TERMINATOR = {"X-Forwarded-Proto": "https"}
FRESH_WITHIN = 2.0
# Not in the VCL's ACLs, yet on this machine: all of 127.0.0.0/8 is loopback.
OUTSIDER = "127.0.0.2"


@pytest.fixture(autouse=True)
def _tools():
    # Before the demo is built: skipping costs nothing then.
    skip_unless_available(
        connection.vendor == "postgresql", "braucht PostgreSQL per DATABASE_URL (siehe .ci/run)"
    )
    skip_unless_available(varnishd(), "varnishd fehlt: apt-get install varnish")


def _database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def app_servers(fresh_demo, shared_cache, tmp_path):
    """Two app servers on the test's database and Redis (shared_cache: this
    process's page cache too, so its purges reach theirs)."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.production_like_settings",
        "DATABASE_URL": _database_url(),
        "CONN_MAX_AGE": "0",
        # The test's, so that sessions it makes are theirs too.
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": ".localhost,localhost,127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",  # as wait_until_healthy asks plainly
        "APPLICATION_FILES_KEY": settings.APPLICATION_FILES_KEY,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "RESTRICTED_MEDIA_ROOT": str(settings.RESTRICTED_MEDIA_ROOT),
        "SERVE_IMAGES": "1",
        "REDIS_URL": shared_cache.url,
    }
    servers = []
    try:
        # One after the other: a port counts as free until its server has bound it.
        for _ in range(2):
            servers.append(AppServer(tmp_path, environment))
            wait_until_healthy(servers[-1].port, servers[-1].process, timeout=60)
        yield servers
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def varnish(app_servers, tmp_path, settings):
    """varnishd with the shipped VCL in front of both app servers; the app bans in it."""
    proxy = Proxy(tmp_path, [server.port for server in app_servers])
    try:
        proxy.wait_until_healthy()
        settings.PROXY_PURGE_URLS = [proxy.url]
        yield proxy.port
    finally:
        proxy.stop()


def _request(port, path, *, method="GET", host=HOST, headers=None, source="127.0.0.1"):
    connection_ = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0)
    )
    connection_.request(
        method, path, headers={"Host": host, **FROM_TLS_TERMINATOR, **(headers or {})}
    )
    response = connection_.getresponse()
    response.text = response.read().decode(errors="replace")
    connection_.close()
    return response


def _status(port, path):
    with contextlib.suppress(OSError):
        return _request(port, path).status
    return None


def _page(port, path="/", **kwargs):
    response = _request(port, path, **kwargs)
    assert response.status == 200, f"{path}: {response.status}"
    return response


def _from_cache(response):
    return response.getheader("X-Cache") == "hit"


def test_an_anonymous_page_and_a_static_file_come_from_the_proxy_the_second_time(varnish):
    first = _page(varnish)
    second = _page(varnish)

    assert not _from_cache(first)
    assert _from_cache(second)
    assert second.text == first.text
    assert "s-maxage=" in second.getheader("Cache-Control")
    # Its bookkeeping stays inside.
    assert second.getheader("X-Stellwerk-Host") is None

    _page(varnish, STATIC_FILE)
    assert _from_cache(_page(varnish, STATIC_FILE))
    # A public image: the app serves it as "private" (its page cache keeps no
    # files), the proxy keeps it all the same.
    image = re.search(r'src="(/media/images/[^"]+)"', first.text).group(1)
    _page(varnish, image)
    assert _from_cache(_page(varnish, image))


def _home(hostname):
    return Site.objects.get(hostname=hostname).root_page.specific


def test_a_page_published_in_the_app_is_fresh_through_the_proxy_within_two_seconds(varnish):
    for hostname in (HOST, DIRECTORY):  # the directory lists every employer
        _page(varnish, host=hostname)
        assert _from_cache(_page(varnish, host=hostname))
    home = _home(HOST)
    title = f"Karriere in Mitte {uuid.uuid4().hex[:6]}"
    home.title = title

    home.save_revision().publish()
    published = time.monotonic()

    while title not in (page := _page(varnish)).text:
        assert time.monotonic() - published < FRESH_WITHIN, "die alte Seite kam weiter"
        time.sleep(0.1)
    assert not _from_cache(_page(varnish, host=DIRECTORY))
    # A page another app server rendered while the purge spread is banned again.
    time.sleep(getattr(settings, "PAGE_CACHE_LOCAL_SECONDS", 1.0) + 1)
    assert title in _page(varnish).text
    assert page.status == 200


def _signed_in(user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


@pytest.fixture
def member_cookie(varnish):
    member = accounts.register(
        "leserin@example.org", "Sommer-am-Alex-2024", Site.objects.get(hostname=HOST)
    )
    accounts.activate(member)
    # Production's name (__Host-); the proxy knows Django's plain names as well.
    return {"Cookie": f"theme=hell; __Host-sessionid={_signed_in(member)}"}


def test_a_signed_in_members_pages_never_come_from_nor_go_into_the_proxy(varnish, member_cookie):
    _page(varnish)
    assert _from_cache(_page(varnish))

    mine = _page(varnish, headers=member_cookie)
    assert not _from_cache(mine)
    assert "Abmelden" in mine.text

    # A page first asked for by the member: not kept for the next visitor.
    path = _home(HOST).get_children().live().public().first().url
    assert "Abmelden" in _page(varnish, path, headers=member_cookie).text
    anonymous = _page(varnish, path)
    assert not _from_cache(anonymous)
    assert "Abmelden" not in anonymous.text


@pytest.mark.parametrize(
    "headers",
    [
        {"Cookie": "__Host-csrftoken=" + "k" * 32},
        {"Cookie": "sessionid=abc; other=1"},
        {"Cookie": "messages=xyz"},
        {"Authorization": "Basic dGVzdDp0ZXN0"},
    ],
    ids=["csrf", "session", "messages", "authorization"],
)
def test_requests_with_a_session_csrf_or_authorization_pass_the_cache(varnish, headers):
    _page(varnish)
    assert _from_cache(_page(varnish))

    assert not _from_cache(_request(varnish, "/", headers=headers))


def test_a_body_above_the_apps_upload_limit_gets_413_from_the_proxy(varnish):
    too_large = 32 * 1024 * 1024 + 1
    with socket.create_connection(("127.0.0.1", varnish), timeout=10) as client:
        client.sendall(
            f"POST /bewerben/ HTTP/1.1\r\nHost: {HOST}\r\nX-Forwarded-Proto: https\r\n"
            f"Content-Length: {too_large}\r\n"
            "Content-Type: multipart/form-data; boundary=x\r\n\r\n".encode()
        )
        answer = b""
        while b"</html>" not in answer:
            answer += client.recv(65536) or pytest.fail(answer.decode())

    head, _, body = answer.decode().partition("\r\n\r\n")
    assert head.startswith("HTTP/1.1 413")
    assert "Die Datei ist zu groß" in body


def test_a_ban_from_outside_the_acl_is_refused(varnish):
    _page(varnish)
    assert _from_cache(_page(varnish))

    refused = _request(
        varnish, "/", method="BAN", headers={proxy.BAN_HOST_HEADER: HOST}, source=OUTSIDER
    )

    assert refused.status == 403
    assert _from_cache(_page(varnish))
    # The app's own ban, from loopback, is taken.
    assert proxy.send_bans({HOST})
    assert not _from_cache(_page(varnish))


def test_a_get_survives_one_of_two_app_servers_killed(varnish, app_servers):
    app_servers[0].kill()

    # Before the probes notice: every other request first meets the dead one.
    statuses = [_request(varnish, f"/?nach-dem-ausfall={n}").status for n in range(10)]
    statuses += [_request(varnish, "/healthz").status for _ in range(4)]

    assert statuses == [200] * 14


def test_purging_everything_bans_every_host_but_keeps_the_static_files(varnish):
    for path, hostname in (("/", HOST), ("/", DIRECTORY), (STATIC_FILE, HOST)):
        _page(varnish, path, host=hostname)
        assert _from_cache(_page(varnish, path, host=hostname))

    page_cache.purge_everything()  # as after an import

    deadline = time.monotonic() + FRESH_WITHIN
    while _from_cache(_page(varnish, host=HOST)):
        assert time.monotonic() < deadline, "die alte Seite kam weiter"
        time.sleep(0.1)
    assert not _from_cache(_page(varnish, host=DIRECTORY))
    assert _from_cache(_page(varnish, STATIC_FILE))
