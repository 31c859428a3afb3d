"""Main navigation and breadcrumb, both read from the site's page tree."""

from django import template
from wagtail.models import Page, Site

from campaign.sites import page_cache

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def _menu_pages(site, locale_id):
    """The live, public menu pages below the site's home in a language: the
    English version of the home gives the English menu. Kept until the site's
    next purge, since every page of the site shows the same menu."""

    def menu():
        root = site.root_page
        if locale_id is not None and locale_id != root.locale_id:
            translated = Page.objects.filter(
                translation_key=root.translation_key, locale_id=locale_id
            )
            root = translated.first() or root
        return list(root.get_children().live().public().in_menu())

    return page_cache.remember(site, f"menu:{locale_id}", menu)


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Menu pages in the language of the page shown, each marked when the visitor
    is inside it."""
    request = context.get("request")
    page = context.get("page")
    site = Site.find_for_request(request) if request else None
    items = []
    if site is not None:
        locale_id = page.locale_id if isinstance(page, Page) else None
        for item in _menu_pages(site, locale_id):
            current = isinstance(page, Page) and page.path.startswith(item.path)
            items.append((item, current))
    return {"items": items, "request": request}


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context):
    """From the site's home down to the page shown; nothing on the home page itself."""
    request = context.get("request")
    page = context.get("page")
    root = _site_root(request)
    trail = []
    if isinstance(page, Page) and root is not None and page.depth > root.depth:
        trail = list(page.get_ancestors(inclusive=True).filter(depth__gte=root.depth))
    return {"trail": trail, "request": request}
