"""The look of the site a request is for, cached per host name.

Every page needs the employer's name, logo and colours; reading them from the
cache saves queries on each request, and it lets the error pages (500, 503)
wear the employer's look while the database is away. Saving the settings or
the site drops the cached copy (signals.py), and so does publishing, moving or
deleting the site's page in Leichte Sprache or Gebärdensprache, which the
header links on every page.
"""

import hashlib
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils.functional import SimpleLazyObject

from campaign.sites.theming import theme_css

DEFAULT_PRIMARY = "#004b87"
DEFAULT_ACCENT = "#e30613"


@dataclass(frozen=True)
class Branding:
    name: str = "Stellwerk"
    tagline: str = ""
    primary: str = DEFAULT_PRIMARY
    accent: str = DEFAULT_ACCENT
    logo_url: str = ""
    logo_width: int = 0
    logo_height: int = 0
    home_url: str = "/"
    # The site's pages of § 4 BITV 2.0; empty when it has none (no header link).
    easy_language_url: str = ""
    sign_language_url: str = ""

    @property
    def css(self):
        return theme_css(self.primary, self.accent)

    @property
    def version(self):
        """Changes whenever the colours do, so browsers may cache theme.css for long."""
        return hashlib.sha256(self.css.encode()).hexdigest()[:12]


def cache_key(hostname):
    return f"stellwerk:branding:{hostname.lower()}"


def _load(request):
    from wagtail.models import Site

    from campaign.models import EasyLanguagePage, EmployerSettings, SignLanguagePage

    site = Site.find_for_request(request)
    if site is None:
        return Branding()
    employer = EmployerSettings.for_site(site)
    urls = _header_page_urls(site, request, EasyLanguagePage, SignLanguagePage)
    logo = {}
    if employer.pk and employer.logo_id:
        rendition = employer.logo.get_rendition("height-80|format-webp")
        logo = {
            "logo_url": rendition.url,
            "logo_width": rendition.width,
            "logo_height": rendition.height,
        }
    return Branding(
        name=employer.organisation_name or site.site_name or Branding.name,
        tagline=employer.tagline,
        primary=employer.primary_colour,
        accent=employer.accent_colour,
        # Relative to the request's own site, whatever port the Site record names.
        home_url=site.root_page.get_url(request=request) if site.root_page_id else "/",
        easy_language_url=urls.get(EasyLanguagePage, ""),
        sign_language_url=urls.get(SignLanguagePage, ""),
        **logo,
    )


def _header_page_urls(site, request, *page_types):
    """The URLs of the site's live, public pages of these types below its home,
    by type, in one go."""
    from wagtail.models import Page

    if not site.root_page_id:
        return {}
    pages = Page.objects.live().public().child_of(site.root_page).type(*page_types)
    return {page.specific_class: page.get_url(request=request) or "" for page in pages}


def for_request(request, *, allow_database=True):
    """The branding of the request's site; the default look if nothing is known."""
    if hasattr(request, "_stellwerk_branding"):
        return request._stellwerk_branding
    key = cache_key(request.get_host().split(":")[0])
    cached = cache.get(key)
    if cached is not None:
        branding = Branding(**cached)
    elif not allow_database:
        branding = Branding()
    else:
        try:
            branding = _load(request)
        except DatabaseError:
            branding = Branding()
        else:
            cache.set(key, asdict(branding), settings.STELLWERK_BRANDING_TTL)
    request._stellwerk_branding = branding
    return branding


def context_processor(request):
    return {"branding": SimpleLazyObject(lambda: for_request(request))}


def forget(hostname):
    cache.delete(cache_key(hostname))
