"""The caching proxies in front (deploy/varnish/stellwerk.vcl) forget what the
page cache forgets: `purge_hosts()` hands its host names to `ban()`.

Each proxy in PROXY_PURGE_URLS gets a BAN request per host name (X-Ban-Host;
"*" for every host), which drops that host's pages and media and every page
that lists every site. Wagtail's frontend_cache purges single URLs; a purge
here is host-wide, by the same rules as the app's own cache.

- After the commit: a proxy that fetched a page at once would get the old rows.
- Twice: at once, and again once every worker has seen the new generation
  (each trusts what it read for PAGE_CACHE_LOCAL_SECONDS), since a worker that
  had not yet could hand the proxy an old page to keep for s-maxage.
- From a thread of this process: an editor's save never waits for a proxy; one
  that is down or slow costs a warning in the log, never the save. A process
  that ends (a periodic job) sends what is still due before it exits.
"""

import atexit
import http.client
import logging
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)

BAN_HOST_HEADER = "X-Ban-Host"
EVERY_HOST = "*"
TIMEOUT_SECONDS = 2.0
# Bans asked for within this moment go out together (a purge comes in twos).
GATHER_SECONDS = 0.05
# After the workers' generations (PAGE_CACHE_LOCAL_SECONDS) are surely fresh.
AGAIN_MARGIN_SECONDS = 0.5


def ban(hosts):
    """Ban these host names (EVERY_HOST: all) in every proxy, after the commit."""
    if hosts and settings.PROXY_PURGE_URLS:
        hosts = frozenset(hosts)
        transaction.on_commit(lambda: _banner.schedule(hosts))


def send_bans(hosts):
    """One BAN per proxy and host, now; False if a proxy refused or was not reached."""
    everything_sent = True
    for url in settings.PROXY_PURGE_URLS:
        address = urlsplit(url)
        for host in sorted(hosts):
            try:
                connection = http.client.HTTPConnection(
                    address.hostname, address.port or 80, timeout=TIMEOUT_SECONDS
                )
                connection.request("BAN", address.path or "/", headers={BAN_HOST_HEADER: host})
                status = connection.getresponse().status
                connection.close()
            except (OSError, http.client.HTTPException) as error:
                status = error
            if status != 200:
                everything_sent = False
                logger.warning(
                    "Proxy %s hat %s nicht verworfen (%s): er zeigt die Seiten bis zu "
                    "STELLWERK_SHARED_CACHE_SECONDS lang weiter.",
                    url,
                    host,
                    status,
                )
    return everything_sent


class _Banner:
    """Sends the bans due, in a thread of its own (started in each worker as needed)."""

    def __init__(self):
        self.condition = threading.Condition()
        self.due = []  # (when, hosts)
        self.thread = None

    def schedule(self, hosts):
        now = time.monotonic()
        again = getattr(settings, "PAGE_CACHE_LOCAL_SECONDS", 1.0) + AGAIN_MARGIN_SECONDS
        with self.condition:
            self.due += [(now + GATHER_SECONDS, hosts), (now + again, hosts)]
            # None in a fresh process, and dead in a forked one (gunicorn's workers).
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self.run, name="proxy-bans", daemon=True)
                self.thread.start()
            self.condition.notify()

    def run(self):
        while True:
            with self.condition:
                while not (ready := self.take(time.monotonic())):
                    next_due = min((when for when, _ in self.due), default=None)
                    self.condition.wait(None if next_due is None else next_due - time.monotonic())
            send_bans(ready)

    def take(self, now):
        """The hosts of every ban due by `now`, taken off the list."""
        ready = frozenset().union(*(hosts for when, hosts in self.due if when <= now))
        self.due = [(when, hosts) for when, hosts in self.due if when > now]
        return ready

    def flush(self):
        """At exit: what is still due, each host once, at the latest time it was due."""
        with self.condition:
            if not self.due:
                return
            latest = max(when for when, _ in self.due)
            ready = self.take(latest)
        time.sleep(max(0.0, latest - time.monotonic()))
        send_bans(ready)


_banner = _Banner()
atexit.register(_banner.flush)
