"""Main navigation and breadcrumb, both read from the site's page tree."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def _root_in_language_of(root, page):
    """The site root's version in the language of the page shown: an English page
    gets the English menu (one query, and none for pages in the site's language)."""
    if not isinstance(page, Page) or root is None or page.locale_id == root.locale_id:
        return root
    return (
        Page.objects.filter(translation_key=root.translation_key, locale_id=page.locale_id).first()
        or root
    )


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Menu pages below the site root, in the page's language, each marked when
    the visitor is inside it."""
    request = context.get("request")
    page = context.get("page")
    root = _root_in_language_of(_site_root(request), page)
    items = []
    if root is not None:
        for item in root.get_children().live().public().in_menu():
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
