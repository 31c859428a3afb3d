"""Serve and store anonymous visitors' pages; see the package's docstring.

Sits right after WhiteNoise, so a stored page costs little more than a static
file: the CSP, session, language, CSRF, auth and message middleware run only
when a page is rendered, and their headers are stored with it. A session or
CSRF cookie or a message they set is seen here and keeps the response out.
"""

import contextlib
import hashlib
import re
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError
from django.http import HttpResponse, QueryDict
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.text import compress_string

from campaign.sites.page_cache import (
    EVERY_SITE,
    EVERYTHING,
    canonical_query,
    code_version,
    generation_key,
    remembered_site,
)
from campaign.sites.page_cache.store import store

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
# Marks what lists every site, for the proxy in front: its bans of any host take
# these along (deploy/varnish/stellwerk.vcl), as purge_hosts() does EVERY_SITE.
EVERY_SITE_HEADER = "X-Page-Cache-Every-Site"
HOST = "host"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# As GZipMiddleware: shorter answers would only grow.
SHORTEST_COMPRESSED = 200


class SiteMiddleware:
    """Sets the request's Wagtail site from this worker's memory (Wagtail keeps
    it on the request as `_wagtail_site`), after the page cache: a stored page
    needs none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without the database the view meets the outage itself (its 503,
        # /readyz naming it).
        with contextlib.suppress(DatabaseError):
            request._wagtail_site = remembered_site(request)
        return self.get_response(request)


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
            [code_version(), host, request.path, _language(request), _Day.current().date]
        )
        parameters_key = "parameters:" + _digest(base)
        current = self.generations(split_domain_port(host)[0])
        if current is None:
            # The shared cache is unreachable: no purge would reach this worker.
            return self.private(self.get_response(request))
        declared = None
        if not request.GET:
            entry = store.get(_entry_key(base, ""))
            if _valid(entry, current):
                return self.serve(request, entry, "hit")
        else:
            learned = store.get(parameters_key)
            if _valid(learned, current):
                declared = learned["names"]
                entry = store.get(_entry_key(base, canonical_query(request.GET, declared)))
                if _valid(entry, current):
                    return self.serve(request, entry, "hit")
                _keep_only(request, declared)

        if self.check_parameters:
            request.GET = _ReadTracking.of(request.GET)
        response = self.get_response(request)
        if getattr(request, "page_cache_every_site", False):
            response[EVERY_SITE_HEADER] = "1"
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
            store.set(parameters_key, learned, self.entry_seconds)
        if any(request.GET.getlist(name) for name in request.GET if name not in names):
            # Rendered before the cache knew what the view reads: the page may
            # carry the other parameters in its links, so it is not kept.
            return self.shareable(request, response, "miss")
        entry = {
            "status": response.status_code,
            "headers": list(response.items()),
            "content": response.content,
            # Compressed once here, not by GZipMiddleware on every hit.
            "gzip": (
                compress_string(response.content)
                if len(response.content) >= SHORTEST_COMPRESSED
                else None
            ),
            "etag": '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"',
            "modified": int(time.time()),
            "generations": generations,
        }
        store.set(_entry_key(base, canonical_query(request.GET, names)), entry, self.entry_seconds)
        return self.serve(request, entry, "miss")

    def cacheable_request(self, request):
        if not self.enabled or request.method not in ("GET", "HEAD"):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE in request.COOKIES:
            return False
        if self.staff_prefixes is None:
            self.staff_prefixes = (reverse("wagtailadmin_home"), "/django-admin/")
        return not request.path.startswith(self.staff_prefixes)

    def generations(self, hostname):
        """The current generations of everything, this host and every site (None
        while the shared cache is unreachable)."""
        keys = {
            EVERYTHING: generation_key(EVERYTHING),
            HOST: generation_key(hostname),
            EVERY_SITE: generation_key(EVERY_SITE),
        }
        values = store.current_generations(list(keys.values()))
        if values is None:
            return None
        return {name: values[key] for name, key in keys.items()}

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
        accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
        compressed = entry.get("gzip") and ACCEPTS_GZIP.search(accepted)
        response = HttpResponse(
            entry["gzip"] if compressed else entry["content"], status=entry["status"]
        )
        for header, value in entry["headers"]:
            if header.lower() != "content-length":
                response[header] = value
        response["Content-Length"] = str(len(response.content))
        etag = entry["etag"]
        if compressed:
            # Another representation of the same page: a weak ETag, as GZipMiddleware gives.
            response["Content-Encoding"] = "gzip"
            etag = "W/" + etag
        patch_vary_headers(response, ["Accept-Encoding"])
        response["ETag"] = etag
        response["Last-Modified"] = http_date(entry["modified"])
        response = self.shareable(request, response, status)
        if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
            return get_conditional_response(
                request, etag=etag, last_modified=entry["modified"], response=response
            )
        return response

    def shareable(self, request, response, status):
        """Browsers ask again every time (a 304 is cheap); shared caches keep it a
        little, never past midnight, when the day's lists change."""
        until_midnight = int(_Day.current().midnight - timezone.now().timestamp())
        shared = max(0, min(self.shared_seconds, until_midnight))
        response["Cache-Control"] = f"public, max-age=0, s-maxage={shared}"
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
    for name, values in request.GET.lists():  # in the visitor's order: links keep it
        if name in names:
            kept.setlist(name, values)
    kept._mutable = False
    request.GET = kept
    request.META["QUERY_STRING"] = kept.urlencode()


def _language(request):
    """The language LocaleMiddleware will activate (this middleware runs before it,
    so that a stored page skips the rest): a prefix's, else as Django decides."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
    from_path = translation.get_language_from_path(request.path_info)
    if from_path:
        return from_path
    if i18n_patterns_used and not prefixed_default_language:
        return settings.LANGUAGE_CODE
    return translation.get_language_from_request(request, check_path=i18n_patterns_used)


class _Day:
    """Today's date and the next local midnight, worked out once a day, not per request."""

    date = ""
    start = midnight = 0.0

    @classmethod
    def current(cls):
        # Both bounds: a clock set back (or a test's) must not keep a later day.
        if not cls.start <= timezone.now().timestamp() < cls.midnight:
            today = timezone.localdate()
            cls.date = today.isoformat()
            cls.start = _local_midnight(today)
            cls.midnight = _local_midnight(today + timedelta(days=1))
        return cls


def _local_midnight(day):
    return timezone.make_aware(datetime.combine(day, datetime.min.time())).timestamp()


def _entry_key(base, query):
    return "page:" + _digest(f"{base}?{query}")


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()
