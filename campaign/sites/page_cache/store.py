"""Where stored pages live: the shared cache ("pages", Redis in production) and,
in front of it, a small copy in each worker's memory.

A worker serving a spike from its own memory answers nearly as fast as a
static file; asking Redis twice per request would cost more than the page.
The generations a worker holds are at most `PAGE_CACHE_LOCAL_SECONDS` old (one
second): a purge by another worker or machine is seen within that, a purge by
this worker at once.
"""

import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches

CACHE_ALIAS = "pages"
# While Redis is away, pages render fresh and ask it again only this often.
RETRY_UNREACHABLE_SECONDS = 5.0
# A few values per site and language (menu, footer, choices): room for many sites.
REMEMBERED_ENTRIES = 2000


class Store:
    def __init__(self):
        self.lock = threading.Lock()
        self.generations = {}  # key -> (value, when read)
        self.entries = OrderedDict()  # key -> value, least recently used first
        self.remembered = OrderedDict()  # key -> (generations, value), see remember()
        self.unreachable_until = 0.0

    @property
    def shared(self):
        return caches[CACHE_ALIAS]

    def current_generations(self, keys):
        """key -> generation, from memory while fresh, else in one round trip; None
        while the shared cache cannot be reached (then asked again after a while)."""
        now = time.monotonic()
        if now < self.unreachable_until:
            return None
        fresh_for = getattr(settings, "PAGE_CACHE_LOCAL_SECONDS", 1.0)
        known = self.generations
        stale = [key for key in keys if key not in known or now - known[key][1] > fresh_for]
        if stale:
            # A copy: django-redis answers a failed call with one shared dict.
            found = dict(self.shared.get_many(stale))
            for key in stale:
                if key not in found:
                    # Never set, or evicted: a new generation, so no old entry counts.
                    new = uuid.uuid4().hex
                    found[key] = new if self.shared.add(key, new, None) else self.shared.get(key)
                if found[key] is None:
                    self.unreachable_until = now + RETRY_UNREACHABLE_SECONDS
                    return None
                known[key] = (found[key], now)
        return {key: known[key][0] for key in keys}

    def set_generations(self, values):
        self.shared.set_many(values, None)
        now = time.monotonic()
        self.generations.update((key, (value, now)) for key, value in values.items())

    def get(self, key):
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
                return value
        value = self.shared.get(key)
        if value is not None:
            self._keep(key, value)
        return value

    def set(self, key, value, timeout):
        self.shared.set(key, value, timeout)
        self._keep(key, value)

    def _keep(self, key, value):
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > getattr(settings, "PAGE_CACHE_LOCAL_ENTRIES", 300):
                self.entries.popitem(last=False)

    def remember(self, key, generations, compute):
        """`compute()` once per generations, kept in this worker's memory only: the
        values are model instances, cheaper to keep than to pickle."""
        with self.lock:
            known = self.remembered.get(key)
            if known is not None and known[0] == generations:
                self.remembered.move_to_end(key)
                return known[1]
        value = compute()
        with self.lock:
            self.remembered[key] = (generations, value)
            self.remembered.move_to_end(key)
            while len(self.remembered) > REMEMBERED_ENTRIES:
                self.remembered.popitem(last=False)
        return value

    def clear(self):
        """Forget everything, here and in the shared cache (tests, operators)."""
        with self.lock:
            self.entries.clear()
            self.remembered.clear()
            self.generations.clear()
            self.unreachable_until = 0.0
        self.shared.clear()


store = Store()
