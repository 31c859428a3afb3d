"""Slow clients cannot stall the site behind the proxy of deploy/nginx.conf.

gunicorn (deploy/gunicorn.conf.py, here with two sync workers) reads each
request straight from the socket: four clients sending a byte a second hold
both workers, and everyone else waits until gunicorn's timeout. Behind nginx,
configured as deploy/nginx.conf ships, the same clients wait at nginx and a
normal request gets its answer at once. Real processes on loopback ports.
Also: the proxy's body limit fits the app's uploads, and says no in German.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support import skip_unless_available

BASE_DIR = Path(__file__).resolve().parents[3]
DEPLOY = BASE_DIR / "deploy"
HOST = "localhost"
SLOW_CLIENTS = 4
ANSWER_WITHIN = 2.0


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{process.args[0]} endete mit {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"Port {port} antwortet nicht")


def stop(process):
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    """The app under gunicorn with the shipped configuration and two sync workers."""
    folder = tmp_path_factory.mktemp("gunicorn")
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign.project.settings.test",
        "STELLWERK_VAR_DIR": str(folder),
        "WEB_CONCURRENCY": "2",
    }
    environment.pop("DATABASE_URL", None)  # /healthz needs a database, not the test's
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "campaign.project.wsgi",
            "--config",
            str(DEPLOY / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--no-control-socket",
        ],
        cwd=BASE_DIR,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=(folder / "gunicorn.log").open("w"),
    )
    wait_for_port(port, process)
    # Both workers have loaded Django once the first answers arrive.
    for _ in range(4):
        get(port, timeout=30)
    yield port
    stop(process)


def nginx_config(folder, port, app_port):
    """deploy/nginx.conf on loopback ports, without TLS, in an nginx.conf of its own."""
    site = (DEPLOY / "nginx.conf").read_text()
    site = site.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};")
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{free_port()};")
    site = re.sub(r"^\s*(listen \[::\].*|ssl_.*)$", "", site, flags=re.MULTILINE)
    site = site.replace("root /srv/stellwerk/var;", f"root {folder};")
    (folder / "site.conf").write_text(site)
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, nginx's workers would run as "nobody", who may not enter the test's folder.
    user = "user root;" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"""{user}
daemon off;
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
{temp}
    include {folder / "site.conf"};
}}
"""
    )
    return folder / "nginx.conf"


@pytest.fixture(scope="module")
def nginx(tmp_path_factory, gunicorn):
    executable = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    skip_unless_available(executable, "nginx fehlt: apt-get install nginx")
    folder = tmp_path_factory.mktemp("nginx")
    port = free_port()
    config = nginx_config(folder, port, gunicorn)
    process = subprocess.Popen(
        [executable, "-p", str(folder), "-c", str(config), "-e", str(folder / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    wait_for_port(port, process)
    yield port
    stop(process)


def get(port, timeout=ANSWER_WITHIN):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": HOST})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status


class SlowClients:
    """Clients that send a request a byte a second: half of them the headers,
    half a form's body (its headers at once)."""

    def __init__(self, port):
        self.port = port
        self.stopped = threading.Event()
        self.threads = [
            threading.Thread(target=self.send, args=(number,), daemon=True)
            for number in range(SLOW_CLIENTS)
        ]

    def request(self, number):
        if number % 2:
            body = "nachricht=" + "x" * 100
            headers = (
                f"POST /healthz HTTP/1.1\r\nHost: {HOST}\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                # With a CSRF cookie, Django reads the form to compare the token.
                f"Cookie: csrftoken={'k' * 32}\r\n"
                f"Content-Length: {len(body)}\r\n\r\n"
            )
            return headers.encode(), body.encode()
        return b"", f"GET /healthz HTTP/1.1\r\nHost: {HOST}\r\nX-Langsam: ja\r\n\r\n".encode()

    def send(self, number):
        at_once, slowly = self.request(number)
        with socket.create_connection(("127.0.0.1", self.port)) as client:
            client.sendall(at_once)
            for byte in slowly:
                client.sendall(bytes([byte]))
                if self.stopped.wait(1):
                    return

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        time.sleep(1)  # each has begun its request
        return self

    def __exit__(self, *exc_info):
        self.stopped.set()
        for thread in self.threads:
            thread.join(5)


def answer_time(port):
    started = time.monotonic()
    try:
        assert get(port) == 200
    except OSError:  # timed out: no worker free
        return None
    return time.monotonic() - started


def answer_times_among_slow_clients(port, attempts):
    with SlowClients(port):
        times = []
        for _ in range(attempts):
            times.append(answer_time(port))
            time.sleep(0.5)
    return times


def test_behind_nginx_slow_clients_leave_the_site_answering(nginx):
    times = answer_times_among_slow_clients(nginx, attempts=4)

    assert None not in times, times
    assert max(times) < ANSWER_WITHIN


def test_without_the_proxy_slow_clients_hold_every_worker(gunicorn):
    """Why the proxy is required: gunicorn alone makes everyone else wait."""
    times = answer_times_among_slow_clients(gunicorn, attempts=1)

    assert None in times, times


# What the proxy lets through


def max_body_bytes(config):
    size = re.search(r"^    client_max_body_size (\d+)m;", config, flags=re.MULTILINE)
    return int(size.group(1)) * 1024 * 1024


def test_the_proxy_lets_through_the_largest_upload_the_app_takes(settings):
    from careers.applications.forms import MAX_DOCUMENTS
    from careers.models.applications import MAX_DOCUMENT_BYTES

    largest = max(
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE,
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE,
        MAX_DOCUMENTS * MAX_DOCUMENT_BYTES,
    )
    allowed = max_body_bytes((DEPLOY / "nginx.conf").read_text())

    # Room for the form's other fields, not for a second application.
    assert largest < allowed < largest * 1.5


def test_a_body_too_large_gets_a_german_answer_from_the_proxy(nginx):
    too_large = max_body_bytes((DEPLOY / "nginx.conf").read_text()) + 1
    with socket.create_connection(("127.0.0.1", nginx), timeout=5) as client:
        client.sendall(
            f"POST /bewerben/ HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n"
            f"Content-Length: {too_large}\r\n"
            "Content-Type: multipart/form-data; boundary=x\r\n\r\n".encode()
        )
        answer = b""
        # Until the whole answer is in: nginx keeps the socket a while for the body.
        while not re.search(rb"\r\n\r\n.*</html>", answer, flags=re.DOTALL):
            answer += client.recv(65536) or pytest.fail(answer.decode())

    head, _, body = answer.decode().partition("\r\n\r\n")
    assert head.startswith("HTTP/1.1 413")
    assert "text/html; charset=utf-8" in head, body
    assert "Die Datei ist zu groß" in body
