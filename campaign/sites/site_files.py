"""Small per-site files: robots.txt and the theme stylesheet."""

from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from campaign.sites import branding


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def theme_css(request):
    """The employer's colours as KERN custom properties (no inline style needed)."""
    look = branding.for_request(request)
    response = HttpResponse(look.css, content_type="text/css; charset=utf-8")
    # The URL carries the version, so a changed colour is a new URL.
    if request.GET.get("v") == look.version:
        patch_cache_control(response, public=True, max_age=31_536_000, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=300)
    return response
