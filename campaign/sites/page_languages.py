"""Pages in more than one language: Wagtail's translations, as visitors meet them.

A translation is a page of its own in another locale, linked to the original
by Wagtail's translation key (editors make one with "Übersetzen", from
wagtail.contrib.simple_translation). German pages live at the root of a site,
English ones under /en/ (campaign/project/urls.py). This module gives the templates a
page's live translations, for the language switcher and the hreflang links,
and keeps a page from being shown in a language it is not written in.
"""

from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import redirect
from django.utils import translation
from wagtail.models import Locale, Page


@dataclass(frozen=True)
class Alternate:
    """One language version of a page."""

    language_code: str
    name: str  # in its own language: "Deutsch", "English"
    url: str  # absolute, as hreflang wants it
    path: str
    current: bool


def language_of(page, request=None):
    """The language of the site tree the page is in, from Wagtail's cached
    site root paths (no query)."""
    root_paths = page._get_relevant_site_root_paths(request)
    return root_paths[0].language_code if root_paths else settings.LANGUAGE_CODE


def alternates(page, request):
    """The page's live, public versions in every content language, current one
    included; empty when there is only the one. Read once per request."""
    cache = request.__dict__.setdefault("_stellwerk_alternates", {})
    if page.pk not in cache and not _site_has_languages(page, request):
        cache[page.pk] = []
    if page.pk not in cache:
        versions = (
            Page.objects.filter(translation_key=page.translation_key)
            .live()
            .public()
            .select_related("locale")
            .order_by("locale__language_code")
        )
        found = []
        for version in versions:
            parts = version.get_url_parts(request)
            if not parts or parts[1] is None:
                continue
            code = version.locale.language_code
            found.append(
                Alternate(
                    language_code=code,
                    name=translation.get_language_info(code)["name_local"],
                    url=parts[1] + parts[2],
                    path=parts[2],
                    current=version.pk == page.pk,
                )
            )
        cache[page.pk] = found if len(found) > 1 else []
    return cache[page.pk]


def _site_has_languages(page, request):
    """Whether the page's site has a home in more than one language: without,
    no page of it can have a version a visitor could reach (no query)."""
    relevant = page._get_relevant_site_root_paths(request)
    if not relevant:
        return False
    site_id = relevant[0].site_id
    languages = {
        root.language_code for root in page._get_site_root_paths(request) if root.site_id == site_id
    }
    return len(languages) > 1


def serve_in_own_language(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook: Wagtail routes /en/… through the German tree
    when a page has no English version; send the visitor to the page in the
    language it is written in instead of showing German text as English."""
    if language_of(page, request) != translation.get_language():
        return redirect(page.get_url(request))
    return None


def translate(page, language_code, **fields):
    """A translation of `page` with the given fields, published (demo and
    tests: editors use the admin's "Übersetzen"). The parent must already have
    one, as in the admin."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy.specific
