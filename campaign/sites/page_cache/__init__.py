"""Anonymous visitors' pages from a cache, purged when what they show changes.

A campaign lives on spikes: the film goes live on the home page, a release is
picked up by local news. Visitors without a session (no login, no member, no
message waiting) get every public page, feed, sitemap, search and API answer
from the `pages` cache (Redis when REDIS_URL is set), keyed by host, path,
language, day and the query parameters the view reads:

- A view says which parameters it reads with `reads(request, *names)`; the
  cache learns that per address. Others (utm_…, fbclid, anything typed) are
  taken off the request before the view runs, so they neither change the page
  nor multiply entries. The test settings check that no view reads more than
  it declared (PAGE_CACHE_CHECK_PARAMETERS).
- Nothing that carries a cookie, a CSRF token, a message or `Cache-Control:
  private/no-cache` is stored, nor any status but 200 (middleware.py).
- Each entry remembers the generation of its site and of everything
  (`purge_sites`, `purge_everything`); a purge gives a new generation, so the
  old entries are never served again. What purges what is written once, in
  purge.py. The day is part of the key, so a posting past its deadline leaves
  every list at midnight with no editor action.
- What every page of a site shows alike (its menu, footer links, the search's
  choices) is computed once per worker and generation with `remember()`, so
  the same purges keep it correct, for signed-in visitors too.
- Browsers and shared caches get ETag, Last-Modified and 304 answers, and an
  s-maxage of at most PAGE_CACHE_SHARED_SECONDS, never past midnight. The
  caching proxies in front (PROXY_PURGE_URLS) are banned with every purge here
  (proxy.py).
"""

import functools
import hashlib
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.http import urlencode
from wagtail.models import Site

from campaign.sites.page_cache import proxy
from campaign.sites.page_cache.store import CACHE_ALIAS, store  # noqa: F401  (the API)

EVERYTHING = "*"
# Bumped with any site: what lists every employer (a directory site) depends on it.
EVERY_SITE = "sites"


def reads(request, *names):
    """Declare the query parameters this response depends on (see the docstring)."""
    declared = getattr(request, "page_cache_parameters", None)
    if declared is None:
        declared = request.page_cache_parameters = set()
    declared.update(names)


def reading(*names):
    """A view decorator: `reads()` for a view outside the page tree."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            reads(request, *names)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def lists_every_site(request):
    """Declare that this response shows what every employer's site holds."""
    request.page_cache_every_site = True


@functools.cache
def code_version():
    """A digest of the code, templates, translations and static manifest: a new
    release renders pages anew (their links name new static files) without a
    purge by hand, and every app server of one release agrees on it."""
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    folders = [root / "campaign", root / "careers", root / "media_library", root / "templates"]
    files = [
        path
        for folder in folders
        for pattern in ("*.py", "*.html", "*.mo")
        for path in folder.rglob(pattern)
    ]
    manifest = Path(settings.STATIC_ROOT or root) / "staticfiles.json"
    for path in sorted([*files, manifest]):
        if path.is_file():
            digest.update(
                str(path.relative_to(root) if path.is_relative_to(root) else path.name).encode()
            )
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def remember(site, name, compute):
    """`compute()`, kept in this worker's memory until the next purge of `site`
    (or of every site); computed every time while the shared cache is away.
    Only for what depends on the site's content alone, never on the visitor
    or the day: `name` says what it is, and its language if it has one."""
    keys = [generation_key(EVERYTHING), generation_key(site.hostname), generation_key(EVERY_SITE)]
    current = store.current_generations(keys)
    if current is None:
        return compute()
    return store.remember((site.pk, name), tuple(current[key] for key in keys), compute)


def generation_key(name):
    return f"generation:{name}"


def purge_hosts(hosts):
    """New generations for these host names, and for what lists every site; the
    proxies in front ban the same (proxy.py)."""
    names = {*hosts, EVERY_SITE} if hosts else set()
    store.set_generations({generation_key(name): uuid.uuid4().hex for name in names})
    proxy.ban({proxy.EVERY_HOST if host == EVERYTHING else host for host in hosts})


def purge_everything():
    """Every site's pages anew (after changes past the models' signals: imports)."""
    purge_hosts({EVERYTHING})


def purge_sites(site_ids):
    """Purge these sites (by id; EVERYTHING among them purges all)."""
    if EVERYTHING in site_ids:
        return purge_everything()
    hosts = {
        urlsplit(root.root_url).hostname
        for root in Site.get_site_root_paths()
        if root.site_id in site_ids
    }
    purge_hosts(hosts or {EVERYTHING})


def canonical_query(query_dict, names):
    """The declared parameters of a query, sorted, without empty values."""
    pairs = []
    for name in sorted(names):
        values = sorted(value for value in query_dict.getlist(name) if value != "")
        pairs.extend((name, value) for value in values)
    return urlencode(pairs)
