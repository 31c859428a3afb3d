import shutil

import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Site

from campaign.project.settings import object_storage as object_storage_settings
from campaign.project.settings.base import redis_cache
from campaign.sites import page_cache
from tests.demo_snapshot import DemoSnapshots
from tests.support import (
    ObjectStorage,
    RedisServer,
    S3Server,
    login_with_second_factor,
    skip_unless_available,
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Branding is cached per host name, pages per address; every test builds its sites afresh.
    cache.clear()
    page_cache.store.clear()
    yield
    cache.clear()
    page_cache.store.clear()


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's superuser client, past the admin's second factor."""
    login_with_second_factor(client, admin_user)
    return client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as the migrations made it, copied as the base the
    demo snapshot returns to (see tests.demo_snapshot)."""
    with django_db_blocker.unblock():
        return DemoSnapshots()


@pytest.fixture(scope="session")
def demo_snapshots(django_db_setup):
    return django_db_setup


@pytest.fixture(scope="module")
def _module_demo(demo_snapshots, django_db_blocker):
    """The demo, put in place once per test module inside a transaction that
    is rolled back after the module, and dozens of tests read it.

    Each test's own transaction nests inside as a savepoint (as with Django's
    setUpTestData), so what a test changes is undone before the next one.
    """
    with django_db_blocker.unblock():
        demo_snapshots.build()
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield demo_snapshots.restore_demo()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo_sites(_module_demo, db):
    """The four demo employers and the directory site, as `make run` loads them."""
    by_pk = Site.objects.in_bulk(_module_demo)
    return [by_pk[pk] for pk in _module_demo]


@pytest.fixture
def fresh_demo(demo_snapshots, transactional_db):
    """The demo put in place within the test itself, for tests on a
    transactional database (live server), which is emptied after each test."""
    site_pks = demo_snapshots.restore_demo()
    by_pk = Site.objects.in_bulk(site_pks)
    return [by_pk[pk] for pk in site_pks]


@pytest.fixture
def redis_server(tmp_path):
    """A running redis-server of the test's own; stopped after the test."""
    executable = shutil.which("redis-server")
    skip_unless_available(executable, "braucht redis-server (Debian-Paket redis-server)")
    server = RedisServer(executable, tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def shared_cache(redis_server, settings):
    """The cache as production configures it (REDIS_URL), on the test's own Redis."""
    settings.CACHES = {
        "default": redis_cache(redis_server.url),
        "pages": redis_cache(redis_server.url, prefix="stellwerk-pages"),
    }
    return redis_server


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 server, started once for the session (each test its own buckets)."""
    server = S3Server()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def object_storage(s3_server, settings):
    """Uploads in S3 as a deployment configures it (S3_* variables, see
    campaign/project/settings/object_storage.py), in two fresh buckets. Changing
    STORAGES makes Django drop the storages it made, so nothing local lingers."""
    storage = ObjectStorage(s3_server)
    settings.STORAGES = {**settings.STORAGES, **object_storage_settings.storages(storage.environ)}
    return storage
