"""Public views of the media library: the per-site credits page."""

from django.http import Http404
from django.shortcuts import render
from wagtail.models import Site

from media_library.credits import images_used_on_site


def image_credits(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    images = images_used_on_site(site, renditions=["fill-240x160"])
    return render(request, "media_library/credits.html", {"images": images})
