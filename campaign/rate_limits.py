"""How often one visitor may send a form: a named limit per IP address.

Every public form (feedback on barriers, registration, login help, job
applications, job alerts) declares one `RateLimit` and asks it before
handling a POST; past the limit the view answers 429 with a German message
and keeps what was typed. Counts live in the cache, so with REDIS_URL all
workers share them; the local-memory cache counts per process, which still
bounds a single visitor.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The visitor's IP address: from CLIENT_IP_HEADER behind a proxy, else REMOTE_ADDR."""
    header = settings.CLIENT_IP_HEADER
    if header:
        value = request.headers.get(header, "").strip()
        if value:
            return value
    return request.META.get("REMOTE_ADDR", "")


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` attempts of one visitor within `window` seconds."""

    name: str
    limit: int
    window: int

    def _key(self, request):
        return f"rate-limit:{self.name}:{client_address(request)}"

    def exceeded(self, request):
        """Whether this visitor has used up the limit within the window."""
        return (cache.get(self._key(request)) or 0) >= self.limit

    def count(self, request):
        """Count one attempt (a valid one or a bot's) against the visitor's limit."""
        key = self._key(request)
        # add() starts the window; incr() keeps its expiry.
        if not cache.add(key, 1, self.window):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.set(key, 1, self.window)
