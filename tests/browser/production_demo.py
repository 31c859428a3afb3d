"""The demo as production serves it, for tests that weigh what a visitor's phone
receives: gunicorn with the production settings, static files collected with
WhiteNoise's compressing, hashing storage (brotli and gzip beside each file,
cached for a year), the page cache in Redis.

The demo lives in the test database, which gunicorn reads too: PostgreSQL
only (DATABASE_URL); without it the tests skip locally and fail in CI. Public
pages only: the admin's static files are left out of the collection, which
takes a fifth of the time then.

Import the fixtures into a test module: `from tests.browser.production_demo import …`.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.models.functions import Length
from wagtail.models import Site

from careers.models import JobPostingPage
from tests.browser.conftest import LiveDemo
from tests.support import free_port, skip_unless_available, wait_until_healthy

REPOSITORY = Path(__file__).resolve().parents[2]
# Static files of the admin and of the test tools, which no public page loads.
NOT_PUBLIC_STATIC = [
    *("wagtailadmin", "admin", "wagtailimages", "wagtaildocs", "wagtailsnippets"),
    *("wagtailembeds", "wagtailmedia", "otp_totp", "django_otp", "axe"),
]
# Pages that are no page types of their own but first views all the same.
FORMS = [
    ("mitte.localhost", "/suche/?q=Verwaltung"),
    ("mitte.localhost", "/stellenalarm/"),
    ("mitte.localhost", "/konto/registrieren/"),
]


def _production_environment(static_root):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign.project.settings.production",
        "SECRET_KEY": "production-demo-test-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": ".localhost,localhost,127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "APPLICATION_FILES_KEY": settings.APPLICATION_FILES_KEY,
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "RESTRICTED_MEDIA_ROOT": str(settings.RESTRICTED_MEDIA_ROOT),
        "SERVE_IMAGES": "1",
        "CONN_MAX_AGE": "0",
    }


def _database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory):
    """collectstatic with the production storage, as `make serve` runs it."""
    # Before anything is built: skipping costs nothing then.
    skip_unless_available(
        connection.vendor == "postgresql", "braucht PostgreSQL per DATABASE_URL (siehe .ci/run)"
    )
    static_root = tmp_path_factory.mktemp("static")
    environment = _production_environment(static_root) | {"REDIS_URL": "redis://127.0.0.1:1/0"}
    ignore = [argument for name in NOT_PUBLIC_STATIC for argument in ("-i", name)]
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0", *ignore],
        cwd=REPOSITORY,
        env=environment,
        check=True,
    )
    return static_root


@pytest.fixture
def production_demo(fresh_demo, collected_static, redis_server, tmp_path):
    """The demo sites under gunicorn with production settings, as LiveDemo."""
    port = free_port()
    sites = []
    for site in Site.objects.order_by("pk"):
        site.port = port  # absolute links point at this server, as in live_demo
        site.save()
        sites.append(site)
    environment = _production_environment(collected_static) | {
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_server.url,
    }
    command = [sys.executable, "-m", "gunicorn", "campaign.project.wsgi"]
    command += ["--config", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "2", "--no-control-socket"]
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        command, cwd=REPOSITORY, env=environment, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        wait_until_healthy(port, server, timeout=60)
        yield LiveDemo(port=port, sites=sites)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def one_page_per_type(sites):
    """(hostname, path) of one live page of each page type, the longest-titled
    of its kind, and the forms that are no pages."""
    longest = {}
    for site in sites:
        pages = site.root_page.get_descendants(inclusive=True).live().public()
        for page in pages.annotate(title_length=Length("title")).order_by("-title_length"):
            longest.setdefault(
                page.specific_class.__name__, (site.hostname, page.get_url_parts()[2])
            )
    posting = JobPostingPage.objects.live().open().order_by(Length("title").desc()).first()
    longest["Bewerbungsformular"] = (
        posting.get_site().hostname,
        posting.get_url_parts()[2] + "bewerben/",
    )
    for hostname, path in FORMS:
        longest[path] = (hostname, path)
    return longest
