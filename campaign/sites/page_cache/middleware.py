"""Serve and store anonymous visitors' pages; see the package's docstring.

Sits after LocaleMiddleware (the language is part of the key) and before the
CSRF, auth and message middleware, so a CSRF cookie or a message set by them
is seen here and keeps the response out of the cache.
"""

import hashlib
import time
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse, QueryDict
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from campaign.sites.page_cache import (
    EVERY_SITE,
    EVERYTHING,
    canonical_query,
    generation_key,
    page_cache,
)

# What a page cache may keep: pages, feeds, sitemaps, the API, robots.txt, calendars.
STORED_TYPES = {
    "text/html",
    "text/plain",
    "text/calendar",
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/ld+json",
}
PRIVATE_DIRECTIVES = ("private", "no-cache", "no-store")
# Django's cookie message storage (FallbackStorage tries it first).
MESSAGES_COOKIE = "messages"
STATUS_HEADER = "X-Page-Cache"
HOST = "host"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = getattr(settings, "PAGE_CACHE", True)
        self.check_parameters = getattr(settings, "PAGE_CACHE_CHECK_PARAMETERS", False)
        self.entry_seconds = getattr(settings, "PAGE_CACHE_SECONDS", 3600)
        self.shared_seconds = getattr(settings, "PAGE_CACHE_SHARED_SECONDS", 60)
        self.staff_prefixes = None

    def __call__(self, request):
        if not self.cacheable_request(request):
            response = self.get_response(request)
            return self.private(response)

        host = request.get_host().lower()
        base = "|".join(
            [host, request.path, get_language() or "", timezone.localdate().isoformat()]
        )
        parameters_key = "parameters:" + _digest(base)
        current, learned = self.generations(split_domain_port(host)[0], parameters_key)
        declared = learned["names"] if _valid(learned, current) else None

        if declared is not None:
            entry = page_cache().get(_entry_key(base, canonical_query(request.GET, declared)))
            if _valid(entry, current):
                return self.serve(request, entry, "hit")
            _keep_only(request, declared)

        if self.check_parameters:
            request.GET = _ReadTracking.of(request.GET)
        response = self.get_response(request)
        names = getattr(request, "page_cache_parameters", set())
        if not self.storable(request, response):
            return self.private(response)
        if self.check_parameters:
            undeclared = request.GET.read - names
            if undeclared:
                raise ImproperlyConfigured(
                    f"{request.path} liest ?{', '.join(sorted(undeclared))} ohne "
                    "page_cache.reads(): der Cache hielte eine Seite für alle Werte."
                )
        depends_on = [EVERYTHING, HOST]
        if getattr(request, "page_cache_every_site", False):
            depends_on.append(EVERY_SITE)
        generations = {name: current[name] for name in depends_on}
        if declared is None or set(declared) != names:
            learned = {"names": sorted(names), "generations": generations}
            page_cache().set(parameters_key, learned, self.entry_seconds)
        if any(request.GET.getlist(name) for name in request.GET if name not in names):
            # Rendered before the cache knew what the view reads: the page may
            # carry the other parameters in its links, so it is not kept.
            return self.shareable(request, response, "miss")
        entry = {
            "status": response.status_code,
            "headers": list(response.items()),
            "content": response.content,
            "etag": '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"',
            "modified": int(time.time()),
            "generations": generations,
        }
        page_cache().set(
            _entry_key(base, canonical_query(request.GET, names)), entry, self.entry_seconds
        )
        return self.serve(request, entry, "miss")

    def cacheable_request(self, request):
        if not self.enabled or request.method not in ("GET", "HEAD"):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE in request.COOKIES:
            return False
        if self.staff_prefixes is None:
            self.staff_prefixes = (reverse("wagtailadmin_home"), "/django-admin/")
        return not request.path.startswith(self.staff_prefixes)

    def generations(self, hostname, parameters_key):
        """The current generations (of everything, this host, every site), and what the
        cache learned about this address."""
        keys = {
            EVERYTHING: generation_key(EVERYTHING),
            HOST: generation_key(hostname),
            EVERY_SITE: generation_key(EVERY_SITE),
        }
        found = page_cache().get_many([*keys.values(), parameters_key])
        current = {}
        for name, key in keys.items():
            if key not in found:
                # Never set, or evicted: a new generation, so no old entry counts.
                page_cache().add(key, uuid.uuid4().hex, None)
                found[key] = page_cache().get(key)
            current[name] = found[key]
        return current, found.get(parameters_key)

    def storable(self, request, response):
        if request.method != "GET" or response.status_code != 200 or response.streaming:
            return False
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(directive in cache_control for directive in PRIVATE_DIRECTIVES):
            return False
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        return content_type in STORED_TYPES

    def serve(self, request, entry, status):
        response = HttpResponse(entry["content"], status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = http_date(entry["modified"])
        response = self.shareable(request, response, status)
        return get_conditional_response(
            request, etag=entry["etag"], last_modified=entry["modified"], response=response
        )

    def shareable(self, request, response, status):
        """Browsers ask again every time (a 304 is cheap); shared caches keep it a
        little, never past midnight, when the day's lists change."""
        now = timezone.localtime()
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
        until_midnight = int((timezone.make_aware(midnight) - now).total_seconds())
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=max(0, min(self.shared_seconds, until_midnight)),
        )
        response[STATUS_HEADER] = status
        return response

    def private(self, response):
        """What this cache does not keep, no other cache keeps either."""
        if "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        return response


class _ReadTracking(QueryDict):
    """request.GET that notes which parameters the view asked for (tests only)."""

    read = None  # while QueryDict fills itself, nothing is noted

    def __init__(self, query_string=None, mutable=False, encoding=None):
        super().__init__(query_string, mutable=mutable, encoding=encoding)
        self.read = set()

    @classmethod
    def of(cls, query_dict):
        return cls(query_dict.urlencode(), encoding=query_dict.encoding)

    def _note(self, key):
        if self.read is not None:
            self.read.add(key)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def getlist(self, key, default=None):
        self._note(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)


def _valid(record, current):
    """A learned address or a stored page, as long as nothing it depends on was purged."""
    return bool(record) and all(
        current.get(name) == generation for name, generation in record["generations"].items()
    )


def _keep_only(request, names):
    """Take the parameters the view does not read off the request."""
    kept = QueryDict(mutable=True)
    for name in names:
        if name in request.GET:
            kept.setlist(name, request.GET.getlist(name))
    kept._mutable = False
    request.GET = kept
    request.META["QUERY_STRING"] = kept.urlencode()


def _entry_key(base, query):
    return "page:" + _digest(f"{base}?{query}")


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()
