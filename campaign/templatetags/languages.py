"""The language switcher and the hreflang links of a page (campaign/sites/page_languages.py)."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, override
from wagtail.models import Page

from campaign.sites.page_languages import alternates

register = template.Library()


def _alternates(context):
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or request is None:
        return []
    return alternates(page, request)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the page's other languages; nothing where it has none."""
    return {"alternates": _alternates(context)}


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """`<link rel="alternate" hreflang>` for every version, German as x-default."""
    versions = _alternates(context)
    default = next((version for version in versions if version.language_code == "de"), None)
    return {"alternates": versions, "default": default}


@register.simple_tag(takes_context=True)
def home_url(context):
    """The site's home in the visitor's language: English pages lead to /en/.

    The branding (cached per host) knows the German home only; another active
    language (from the /en/ prefix) gets that home's prefixed address.
    """
    branding = context.get("branding")
    url = branding.home_url if branding else "/"
    language = get_language()
    if not language or language == settings.LANGUAGE_CODE:
        return url
    # The German address resolves only while German is active (it has no prefix).
    with override(settings.LANGUAGE_CODE):
        return translate_url(url, language)
