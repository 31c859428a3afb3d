"""How often one visitor may send a form: a named limit per IP address.

Every public form (feedback on barriers, registration, login help, job
applications, job alerts) declares one `RateLimit` and asks it before
handling a POST; past the limit the view answers 429 with a German message
and keeps what was typed, and RetryAfterMiddleware adds how long to wait.
Counts live in the cache, which production shares between all workers
(REDIS_URL). While that cache is unreachable the limits let everyone through
(fail open): a form that refuses every visitor, an applicant among them, harms
more than a few more posts, which the honeypots and the captcha still sift.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

# The wait a 429 names when the code that refused named none.
DEFAULT_RETRY_AFTER = 60


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

    def _key(self, request, scope=None):
        return f"rate-limit:{self.name}:{scope or client_address(request)}"

    def exceeded(self, request, scope=None):
        """Whether this visitor (or `scope`, e.g. one kiosk, in place of the
        visitor's address) has used up the limit within the window; if so,
        the seconds until the window ends go to the request's `retry_after`."""
        key = self._key(request, scope)
        values = cache.get_many([key, f"{key}:ends"])
        if (values.get(key) or 0) < self.limit:
            return False
        ends = values.get(f"{key}:ends")
        request.retry_after = max(1, math.ceil(ends - time.time())) if ends else self.window
        return True

    def count(self, request, scope=None):
        """Count one attempt (a valid one or a bot's) against the visitor's (or scope's) limit."""
        key = self._key(request, scope)
        # add() starts the window; incr() keeps its expiry.
        if cache.add(key, 1, self.window):
            cache.set(f"{key}:ends", time.time() + self.window, self.window)
            return
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, self.window)
            cache.set(f"{key}:ends", time.time() + self.window, self.window)


class RetryAfterMiddleware:
    """Every 429 the site sends says in Retry-After how many seconds to wait:
    what the refusing code put in `request.retry_after`, else a minute."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 429 and not response.has_header("Retry-After"):
            seconds = getattr(request, "retry_after", None) or DEFAULT_RETRY_AFTER
            response["Retry-After"] = str(seconds)
        return response
