import pytest
from django.core.cache import cache

from campaign.demo import build_all


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Branding is cached per host name; every test builds its sites afresh.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_sites(db):
    """The four demo employers and the directory site, as `make run` loads them."""
    return build_all(port=80, log=lambda message: None)
