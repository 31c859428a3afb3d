import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Site

from campaign.demo import build_all


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Branding is cached per host name; every test builds its sites afresh.
    cache.clear()
    yield
    cache.clear()


def _build_demo():
    return build_all(port=80, log=lambda message: None)


@pytest.fixture(scope="module")
def _module_demo(django_db_setup, django_db_blocker):
    """The demo, built once per test module inside a transaction that is rolled
    back after the module: building it takes seconds, and dozens of tests read it.

    Each test's own transaction nests inside as a savepoint (as with Django's
    setUpTestData), so what a test changes is undone before the next one.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield [site.pk for site in _build_demo()]
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo_sites(_module_demo, db):
    """The four demo employers and the directory site, as `make run` loads them."""
    by_pk = Site.objects.in_bulk(_module_demo)
    return [by_pk[pk] for pk in _module_demo]


@pytest.fixture
def fresh_demo(db):
    """The demo built within the test itself, for tests on a transactional
    database (live server), which empties the database after each test."""
    return _build_demo()
