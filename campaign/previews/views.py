"""/vorschau/<token>/: the latest draft of a page for whoever holds the link."""

from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.crypto import constant_time_compare
from django.views.decorators.clickjacking import xframe_options_deny
from wagtail.models import Site

from campaign.previews.models import PREVIEW_LINK, PreviewLink
from campaign.sites.signed_links import InvalidLink

# Sent with every answer here, the refusals too: the address is a secret.
ROBOTS = "noindex, nofollow, noarchive"


def _secret(response):
    """Kept by no cache (the page cache, a proxy, the browser's history cache),
    indexed by no search engine, and its address never sent on as a referrer."""
    patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)
    response["X-Robots-Tag"] = ROBOTS
    response["Referrer-Policy"] = "no-referrer"
    return response


def _refuse(request, status):
    response = TemplateResponse(
        request, "campaign/previews/unavailable.html", {"expired": status == 410}, status=status
    )
    return _secret(response)


def _link_for(token):
    try:
        pk, key = PREVIEW_LINK.read(token)
    except InvalidLink:
        return None
    if not isinstance(pk, int) or not isinstance(key, str):
        return None
    link = PreviewLink.objects.select_related("page").filter(pk=pk).first()
    if link is None or not constant_time_compare(link.key, key):
        return None
    return link


def preview(request, token):
    link = _link_for(token)
    # On its own site's host only: another employer's address shows nothing of it.
    if link is None or link.page.get_site() != Site.find_for_request(request):
        return _refuse(request, 404)
    if link.is_expired():
        return _refuse(request, 410)
    page = link.page.get_latest_revision_as_object()
    link.count_opening()
    request.is_preview = True
    request.preview_mode = page.default_preview_mode
    request.preview_link = link
    response = page.serve_preview(request, page.default_preview_mode)
    if hasattr(response, "render"):
        response.render()
    return _secret(response)


preview = xframe_options_deny(preview)
