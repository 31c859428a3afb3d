"""The several-machines proof (issue 17): the cluster of `make cluster`
(deploy/cluster.py) started once for this module, its parts stopped, killed
and started again as machines fail.

Real processes on loopback only: PostgreSQL, Redis, moto's S3 server, an SMTP
sink, two gunicorns (A and B) with production settings, the task worker and
varnishd with the shipped VCL. Editors act through instance A's admin over
HTTP, visitors come through the proxy or straight to instance B. Without
varnishd, redis-server or PostgreSQL's binaries it skips locally and fails
in CI. The tests run in file order: killing A comes last.
"""

import http.client
import io
import re
import shutil
import tempfile
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path

import pytest

from deploy.cluster import Cluster, varnishd
from tests.support import skip_unless_available

HOST = "mitte.localhost"
EMPLOYER = "Bezirksamt Mitte von Berlin"
FRESH_WITHIN = 2.0
EDITOR, PASSWORD = "pressestelle-cluster", "Cluster-Probe-2026-Mitte"


def _postgres_binaries():
    return shutil.which("pg_ctl") or any(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))


@pytest.fixture(scope="module")
def cluster():
    skip_unless_available(varnishd(), "varnishd fehlt: apt-get install varnish")
    skip_unless_available(shutil.which("redis-server"), "redis-server fehlt")
    skip_unless_available(_postgres_binaries(), "PostgreSQL fehlt: apt-get install postgresql")
    folder = Path(tempfile.mkdtemp(prefix="stellwerk-cluster-"))
    try:
        with Cluster(folder, workers_per_instance=1, log=lambda line: None) as running:
            running.manage("shell", "-c", _MAKE_EDITOR)
            yield running
    finally:
        shutil.rmtree(folder, ignore_errors=True)


_MAKE_EDITOR = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site
from campaign.sites.roles import PRESS_OFFICE, group_name
user = get_user_model().objects.create_user("{EDITOR}", "presse@example.org", "{PASSWORD}")
site = Site.objects.get(hostname="{HOST}")
user.groups.add(Group.objects.get(name=group_name(site, PRESS_OFFICE)))
"""


def request(port, path, *, method="GET", headers=None, body=None, host=HOST, timeout=30):
    """One request on loopback as a visitor of `host` behind TLS (the proxy's
    X-Forwarded-Proto); the response with its text read."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.request(
        method,
        path,
        body=body,
        headers={"Host": host, "X-Forwarded-Proto": "https", **(headers or {})},
    )
    response = connection.getresponse()
    response.body = response.read()
    response.text = response.body.decode(errors="replace")
    connection.close()
    return response


def page(port, path="/", **kwargs):
    response = request(port, path, **kwargs)
    assert response.status == 200, f"{path}: {response.status}"
    return response


class _Form(HTMLParser):
    """What a browser would send back of the form with `action` unchanged."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields = action, False, []
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("action", "") == self.action
        elif tag == "option" and self.select is not None and "selected" in attrs:
            self.select[1] = attrs.get("value") or ""
        elif not self.inside or "__prefix__" in attrs.get("name", "__prefix__"):
            return  # no field, or a formset's template for forms added in the browser
        elif tag == "input":
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            if kind not in {"submit", "button", "file"}:
                self.fields.append([attrs["name"], attrs.get("value") or ""])
        elif tag == "select":
            self.select = [attrs["name"], ""]
            self.fields.append(self.select)
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
            self.fields.append(self.textarea)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            # As in a browser: the newline right after <textarea> is not content.
            self.textarea[1] = self.textarea[1].removeprefix("\n")
            self.textarea = None
        elif tag == "form":
            self.inside = False


class Editor:
    """An editor of Mitte's press office in a browser pointed at one instance:
    cookies kept by hand, since production's are Secure and __Host- and the
    loopback is plain HTTP."""

    def __init__(self, port):
        self.port, self.cookies = port, {}

    def send(self, path, *, method="GET", body=None, content_type=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        headers["Referer"] = headers["Origin"] = f"https://{HOST}"
        if content_type:
            headers["Content-Type"] = content_type
        response = request(self.port, path, method=method, headers=headers, body=body)
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response

    def form(self, path):
        page_ = self.send(path)
        assert page_.status == 200, f"{path}: {page_.status}"
        parser = _Form(path)
        parser.feed(page_.text)
        assert parser.fields, f"kein Formular auf {path}"
        return dict(parser.fields)

    def post(self, path, fields, files=None):
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
            for name, value in fields.items()
        ]
        for name, (filename, content) in (files or {}).items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: image/png\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.send(
            path,
            method="POST",
            body=body,
            content_type=f"multipart/form-data; boundary={boundary}",
        )

    def log_in(self):
        fields = self.form("/admin/login/")
        response = self.post("/admin/login/", {**fields, "username": EDITOR, "password": PASSWORD})
        assert response.status == 302, response.text[:500]
        return self


@pytest.fixture(scope="module")
def editor_on_a(cluster):
    return Editor(cluster.instances[0].port).log_in()


def _settings_path(editor):
    listing = editor.send("/admin/settings/campaign/employersettings/")
    match = re.search(r"/admin/settings/campaign/employersettings/(\d+)/", listing.text)
    if listing.status == 302:
        match = re.search(r"employersettings/(\d+)/", listing.getheader("Location"))
    assert match, listing.status
    return f"/admin/settings/campaign/employersettings/{match.group(1)}/"


def change_employer_settings(editor, **changes):
    path = _settings_path(editor)
    fields = editor.form(path)
    response = editor.post(path, {**fields, **changes})
    assert response.status == 302, re.findall(
        r'class="error-message"[^<]*<[^>]*>([^<]*)', response.text
    )


def until(condition, within, message):
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.1)


def test_a_change_published_through_a_is_served_through_the_proxy_and_b_within_two_seconds(
    cluster, editor_on_a
):
    proxy, b = cluster.proxy.port, cluster.instances[1].port
    page(proxy)
    assert page(proxy).getheader("X-Cache") == "hit"
    page(b)
    tagline = f"Karriere mit Haltung {uuid.uuid4().hex[:6]}"

    change_employer_settings(editor_on_a, tagline=tagline)
    saved = time.monotonic()

    until(lambda: tagline in page(proxy).text, FRESH_WITHIN, "der Proxy zeigte die alte Seite")
    until(
        lambda: tagline in page(b).text,
        FRESH_WITHIN - (time.monotonic() - saved),
        "B zeigte die alte Seite",
    )


def _png():
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (120, 60), "#004b87").save(picture, "PNG")
    return picture.getvalue()


def test_an_image_uploaded_through_a_renders_through_b(cluster, editor_on_a):
    fields = editor_on_a.form("/admin/images/add/")
    title = f"Logo {uuid.uuid4().hex[:6]}"
    uploaded = editor_on_a.post(
        "/admin/images/add/",
        {**fields, "title": title, "description": "Logo des Bezirksamts"},
        files={"file": ("logo-neu.png", _png())},
    )
    assert uploaded.status == 302, uploaded.text[:2000]
    listing = editor_on_a.send(f"/admin/images/?q={title.split()[1]}")
    image_id = re.search(r"/admin/images/(\d+)/", listing.text).group(1)
    change_employer_settings(editor_on_a, logo=image_id)

    b = cluster.instances[1].port
    until(lambda: "logo-neu" in page(b).text, FRESH_WITHIN, "B zeigt das neue Logo nicht")
    source = re.search(r'src="([^"]*logo-neu[^"]*)"', page(b).text).group(1)
    # Rendered on B from the original A put in the bucket, served from the bucket.
    assert source.startswith(cluster.s3.url), source
    port, path = source.removeprefix("http://127.0.0.1:").split("/", 1)
    image = request(int(port), f"/{path}", host="127.0.0.1")
    assert image.status == 200
    assert image.getheader("Content-Type", "").startswith("image/")


def _queue_confirmation_mail(cluster, address):
    cluster.manage(
        "shell",
        "-c",
        "from wagtail.models import Site; from careers.alerts.subscriptions import subscribe; "
        f"subscribe(Site.objects.get(hostname='{HOST}'), '{address}', query='Verwaltung')",
    )


def _mailed(cluster, address):
    return any(address in message for message in cluster.mail.messages())


def test_with_redis_stopped_pages_are_still_served_and_mails_sent(cluster):
    proxy, b = cluster.proxy.port, cluster.instances[1].port
    cluster.redis.stop()
    try:
        # Rendered afresh (no proxy, no page cache): from the database alone.
        assert EMPLOYER in page(b, "/berufsfelder/").text
        assert EMPLOYER in page(proxy, f"/?ohne-redis={uuid.uuid4().hex}").text
        address = f"ohne-redis-{uuid.uuid4().hex[:6]}@example.org"
        _queue_confirmation_mail(cluster, address)
        until(lambda: _mailed(cluster, address), 30, "keine Mail, solange Redis fehlt")
    finally:
        cluster.redis.start()


def test_postgresql_restarted_gives_a_branded_503_and_recovers_without_a_restart(cluster):
    proxy = cluster.proxy.port
    uncached = "/stellenangebote/?seite=1"
    assert EMPLOYER in page(proxy, "/imagefilm/").text  # its branding now cached
    statuses = []

    cluster.postgres.stop()
    try:
        outage = request(proxy, f"{uncached}&waehrend={uuid.uuid4().hex}")
        statuses.append(outage.status)
        assert outage.status == 503
        assert EMPLOYER in outage.text
        assert "Gleich sind wir wieder da" in outage.text
    finally:
        cluster.postgres.start()

    def answers():
        statuses.append(request(proxy, f"{uncached}&danach={uuid.uuid4().hex}").status)
        return statuses[-1] == 200

    until(answers, 30, f"keine Erholung: {statuses}")
    assert 500 not in statuses
    # The worker outlived the outage: a mail queued now is sent.
    address = f"nach-ausfall-{uuid.uuid4().hex[:6]}@example.org"
    _queue_confirmation_mail(cluster, address)
    until(lambda: _mailed(cluster, address), 30, "der Worker sendet nach dem Ausfall nicht")
    assert cluster.worker.poll() is None


def test_killing_a_loses_no_request_the_proxy_could_retry(cluster):
    proxy = cluster.proxy.port
    cluster.instances[0].kill()

    # Before the probes notice: every other request first meets the dead one.
    statuses = [request(proxy, f"/?nach-dem-ausfall={n}").status for n in range(10)]
    statuses += [request(proxy, "/healthz").status for _ in range(4)]
    time.sleep(3)  # the probes now know
    statuses += [request(proxy, f"/berufsfelder/?danach={n}").status for n in range(4)]

    assert statuses == [200] * 18
