"""A real gunicorn (sync worker, production settings, PostgreSQL) killed in the middle
of an applicant's upload leaves no document in plain text and no file without its row.

Needs PostgreSQL (DATABASE_URL): the server process must see what the test
committed. Without it the test skips locally and fails in CI.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.utils import timezone
from wagtail.models import Site

from careers.applications import retention, storage
from careers.applications.retention import ORPHAN_GRACE
from careers.models import ApplicationDocument, JobPostingPage
from tests.careers.applications.conftest import HOST, apply_url, make_large_pdf, make_pdf
from tests.support import skip_unless_available, wait_until_healthy

REPOSITORY = Path(__file__).resolve().parents[3]
CSRF_TOKEN = "t" * 32  # an unmasked secret is a valid form token for the same cookie


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _workers(master):
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    return [int(pid) for pid in children]


@pytest.fixture(autouse=True)
def _tools():
    # Before the demo is built: skipping costs nothing then.
    skip_unless_available(
        connection.vendor == "postgresql", "braucht PostgreSQL per DATABASE_URL (siehe .ci/run)"
    )
    skip_unless_available(
        shutil.which("gunicorn", path=Path(sys.executable).parent), "braucht gunicorn"
    )


@pytest.fixture
def gunicorn(fresh_demo, tmp_path, redis_server):
    folders = {name: tmp_path / name for name in ("applications", "spool")}
    for folder in folders.values():
        folder.mkdir()
    port = _free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.production_like_settings",
        "DATABASE_URL": _database_url(),
        "CONN_MAX_AGE": "0",
        "SECRET_KEY": "gunicorn-test-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": ".localhost,127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "APPLICATION_FILES_KEY": settings.APPLICATION_FILES_KEY,
        "APPLICATION_FILES_ROOT": str(folders["applications"]),
        # Where Django would spool large uploads (tempfile.gettempdir()): watched below.
        "TMPDIR": str(folders["spool"]),
        "REDIS_URL": redis_server.url,  # production requires the shared cache
    }
    command = [sys.executable, "-m", "gunicorn", "campaign.project.wsgi"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--worker-class", "sync"]
    command += ["--no-control-socket", "--timeout", "30"]
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        command, cwd=REPOSITORY, env=environment, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        wait_until_healthy(port, server)
        yield port, server, folders
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _form_body(posting, documents):
    data = {
        "csrfmiddlewaretoken": CSRF_TOKEN,
        "first_name": "Ada",
        "last_name": "Muster",
        "email": "ada@example.org",
        "privacy_consent": "on",
        "documents": documents,
    }
    return encode_multipart(BOUNDARY, data)


def _headers(posting, length):
    return (
        f"POST {apply_url(posting)} HTTP/1.1\r\n"
        f"Host: {HOST}\r\n"
        f"Content-Type: {MULTIPART_CONTENT}\r\n"
        f"Content-Length: {length}\r\n"
        f"Cookie: __Host-csrftoken={CSRF_TOKEN}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()


def _status_of(sock):
    """The status and whole answer; the server closes the connection after it."""
    answer = b""
    while chunk := sock.recv(65536):
        answer += chunk
    return int(answer.split(b" ", 2)[1]), answer


def _uploads_in(folder):
    return sorted(path.name for path in Path(folder).glob("*.upload*"))


def test_a_worker_killed_mid_upload_leaves_nothing_readable_behind(gunicorn, settings):
    port, server, folders = gunicorn
    settings.APPLICATION_FILES_ROOT = folders["applications"]
    system_temp_before = _uploads_in(tempfile.gettempdir())
    site = Site.objects.get(hostname=HOST)
    posting = JobPostingPage.objects.descendant_of(site.root_page).live().open().first()

    # One application that arrives whole: its file and row stay.
    body = _form_body(posting, [SimpleUploadedFile("cv.pdf", make_pdf())])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(_headers(posting, len(body)) + body)
        status, answer = _status_of(sock)
    assert status == 303, answer[:500]
    (kept,) = ApplicationDocument.objects.all()

    # A large one sent slowly; the worker is killed while it reads.
    large = make_large_pdf(megabytes=4)
    body = _form_body(posting, [SimpleUploadedFile("zeugnisse.pdf", large)])
    worker = _workers(server)[0]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(_headers(posting, len(body)))
        for start in range(0, 3 * 1024 * 1024, 256 * 1024):
            sock.sendall(body[start : start + 256 * 1024])
            time.sleep(0.05)
        time.sleep(0.5)
        # Past Django's 2.5 MB threshold: this is when it would have spooled to disk.
        assert list(folders["spool"].iterdir()) == []
        os.kill(worker, signal.SIGKILL)
        with contextlib.suppress(OSError):
            sock.sendall(body[3 * 1024 * 1024 :])
    wait_until_healthy(port, server)
    assert _workers(server) != [worker]

    # A body announced far larger than the form allows is refused before it is sent.
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(_headers(posting, 200 * 1024 * 1024) + body[: 64 * 1024])
        status, answer = _status_of(sock)
    assert status == 413
    assert "Zu große Sendung" in answer.decode("utf-8", "replace")

    assert list(folders["spool"].iterdir()) == []
    assert _uploads_in(tempfile.gettempdir()) == system_temp_before
    # What the daily run sweeps, once the grace for applications in flight is over.
    retention.delete_orphaned_files(now=timezone.now() + ORPHAN_GRACE * 2)
    left = sorted(path.name for path in folders["applications"].iterdir())
    assert left == [kept.pk.hex]
    assert storage.read(kept.pk)[:5] == b"%PDF-"
