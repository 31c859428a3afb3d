"""The app's bans of the caching proxy (campaign/sites/page_cache/proxy.py) when
no proxy answers; tests/campaign/sites/test_caching_proxy.py has them with a
real varnishd."""

import logging
import time

from wagtail.models import Site

from campaign.sites.page_cache import proxy
from tests.support import free_port

HOST = "mitte.localhost"


def test_an_editors_save_succeeds_and_warns_while_the_proxy_is_down(
    demo_sites, settings, caplog, django_capture_on_commit_callbacks
):
    settings.PROXY_PURGE_URLS = [f"http://127.0.0.1:{free_port()}"]  # nothing listens
    home = Site.objects.get(hostname=HOST).root_page.specific
    home.title = "Karriere in Mitte, neu"

    with caplog.at_level(logging.WARNING, logger=proxy.__name__):
        with django_capture_on_commit_callbacks(execute=True):
            home.save_revision().publish()
        deadline = time.monotonic() + 5
        while not caplog.records and time.monotonic() < deadline:
            time.sleep(0.05)

    assert home.live
    assert any(HOST in record.getMessage() for record in caplog.records), caplog.text
