"""Each site's sitemap: an index at /sitemap.xml pointing to one part per kind
of page (/sitemap-seiten.xml, /sitemap-stellen.xml, …), each part paginated by
Django (?p=2) so no answer grows with the number of pages.

A part lists the live, public pages of the request's site (view-restricted
pages and everything below them stay out), in every language the site has,
and reads only what it prints: each page's url_path and dates, no `.specific`.
A page with translations (wagtail-localize, same translation_key) names each
language's version, itself included, as hreflang alternates; one query per
part page finds them.

campaign lists its own pages in the part "seiten". Other apps add parts through
the Wagtail hook `register_sitemap_sections`, a function returning
{name: PageSection subclass}; a section names its page types in `page_types`,
and "seiten" leaves those out. careers adds the open postings this way
(careers/sitemaps.py), so campaign runs without it.
"""

from collections import defaultdict
from functools import cached_property
from urllib.parse import quote

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as django_views
from django.db.models import DateTimeField, Max, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from wagtail import hooks
from wagtail.models import Page, Site

HOOK = "register_sitemap_sections"
# Entries per part; the protocol allows 50,000, fewer keep each answer fast
# (2,000 render in about a third of a second).
ENTRIES_PER_PART = 2000
# The columns a part reads: where the page is and when it changed.
FIELDS = ("url_path", "last_published_at", "latest_revision_created_at", "translation_key")


class PageSection(Sitemap):
    """Live public pages of the request's site, as (url_path, lastmod) rows."""

    limit = ENTRIES_PER_PART
    # The page types ("app_label.ModelName") this section lists; "seiten" leaves them out.
    page_types = ()

    def __init__(self, request):
        self.request = request

    def pages(self):
        """The section's pages, before site, liveness and view restrictions."""
        return Page.objects.all()

    @cached_property
    def site(self):
        return (
            Site.find_for_request(self.request) or Site.objects.filter(is_default_site=True).first()
        )

    @cached_property
    def root_paths(self):
        """The site's homes, one per language, from Wagtail's cached list."""
        if self.site is None:
            return []
        return [root for root in Site.get_site_root_paths() if root.site_id == self.site.pk]

    @cached_property
    def visible(self):
        """Built once: `.public()` reads the view restrictions when called."""
        if not self.root_paths:
            return self.pages().none()
        in_site = Q()
        for root in self.root_paths:
            in_site |= Q(url_path__startswith=root.root_path)
        return self.pages().live().public().filter(in_site)

    def items(self):
        return self.visible.order_by("path").values_list(*FIELDS)

    def get_latest_lastmod(self):
        """For the index: one aggregate instead of reading every row."""
        return self.visible.aggregate(
            latest=Max(
                Coalesce(
                    "last_published_at", "latest_revision_created_at", output_field=DateTimeField()
                )
            )
        )["latest"]

    @cached_property
    def url_prefixes(self):
        """(root path, scheme/host/port + language prefix, language) per home of
        the site, the longest root first as Page.get_url_parts picks them."""
        prefixes = []
        for root in self.root_paths:
            with translation.override(root.language_code):
                prefixes.append(
                    (
                        root.root_path,
                        root.root_url + reverse("wagtail_serve", args=("",)),
                        root.language_code,
                    )
                )
        return prefixes

    def location(self, url_path):
        """The page's full URL, quoted as reverse("wagtail_serve") quotes it."""
        return self.located(url_path)[0]

    def located(self, url_path):
        """(full URL, language) of the page at `url_path`, or (None, None)."""
        for root_path, prefix, language in self.url_prefixes:
            if url_path.startswith(root_path):
                path = quote(url_path[len(root_path) :], safe=RFC3986_SUBDELIMS + "/~:@")
                return prefix + path, language
        return None, None

    def alternates(self, translation_keys):
        """{translation_key: [{lang_code, location}, …]} for the keys with
        versions in more than one of the site's languages."""
        if len(self.root_paths) < 2 or not translation_keys:
            return {}
        versions = defaultdict(list)
        rows = self.visible.filter(translation_key__in=translation_keys).order_by("path")
        for url_path, key in rows.values_list("url_path", "translation_key"):
            location, language = self.located(url_path)
            if location is not None:
                versions[key].append({"lang_code": language, "location": location})
        return {key: found for key, found in versions.items() if len(found) > 1}

    def get_urls(self, page=1, site=None, protocol=None):
        """The page's entries with absolute URLs of the Wagtail site (its own
        scheme, host and port, as Page.full_url writes them)."""
        urls = []
        rows = list(self.paginator.page(page).object_list)
        alternates = self.alternates({row[3] for row in rows})
        for url_path, published, revised, translation_key in rows:
            urls.append(
                {
                    "location": self.location(url_path),
                    "lastmod": published or revised,
                    "alternates": alternates.get(translation_key, []),
                }
            )
        dates = [url["lastmod"] for url in urls]
        if dates and None not in dates:
            self.latest_lastmod = max(dates)
        return urls


class CampaignPagesSection(PageSection):
    """Every page no other section claims."""

    def pages(self):
        claimed = [
            apps.get_model(name) for section in registered().values() for name in section.page_types
        ]
        if not claimed:
            return Page.objects.all()
        content_types = ContentType.objects.get_for_models(*claimed, for_concrete_models=False)
        return Page.objects.exclude(content_type__in=content_types.values())


def registered():
    """{name: section class} of the installed apps, campaign's own first."""
    sections = {"seiten": CampaignPagesSection}
    for hook in hooks.get_hooks(HOOK):
        sections.update(hook())
    return sections


def _sections(request):
    return {name: section(request) for name, section in registered().items()}


def index(request):
    return django_views.index(request, _sections(request), sitemap_url_name="sitemap_section")


def section(request, section):
    """One part, one page of it (?p=N); an unknown part or page is a 404."""
    return django_views.sitemap(request, _sections(request), section=section)
