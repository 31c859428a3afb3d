"""The film player page and the oEmbed endpoint (see the package's docstring)."""

from urllib.parse import urlsplit

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from wagtail.models import Site

from campaign.film_embeds.films import LARGEST_SIZE, embed_code, embeddable_film, frame_size
from campaign.models import EmployerSettings
from campaign.sites import page_cache
from campaign.sites.embedding import embedding_origins
from media_library.blocks import VERSION_PARAMETER, FilmBlock

LONGEST_URL = 2000
OEMBED_PARAMETERS = ("url", "format", "maxwidth", "maxheight")


def player(request, film_id):
    site = Site.find_for_request(request)
    film = embeddable_film(film_id, site)
    if film is None:
        raise Http404
    page_cache.reads(request, VERSION_PARAMETER)
    block = FilmBlock()
    value = block.to_python({})
    value["film"] = film
    film_html = block.render(value, context={"request": request, "heading_level": 1})
    response = render(
        request, "campaign/film_embeds/player.html", {"film": film, "film_html": film_html}
    )
    origins = embedding_origins(EmployerSettings.for_request(request).film_embedding_origins)
    if origins:
        # Framed by the listed sites alone; X-Frame-Options cannot name them.
        response._csp_replace = {"frame-ancestors": origins}
        response.xframe_options_exempt = True
    return response


def _problem(message, status):
    return JsonResponse({"detail": message}, status=status)


def _bound(value):
    """A positive size in pixels, None when not asked for; ValueError otherwise."""
    if value in (None, ""):
        return None
    if not value.isdigit() or not 0 < int(value) <= LARGEST_SIZE:
        raise ValueError
    return int(value)


@page_cache.reading(*OEMBED_PARAMETERS)
def oembed(request):
    """oEmbed for a film's player page on the request's own site.

    A format other than JSON is refused with 400 rather than the spec's 501:
    nothing a visitor types may end in a server error.
    """
    url = request.GET.get("url", "")
    if request.GET.get("format", "json") != "json":
        return _problem(_("Nur das Format „json“ wird unterstützt."), 400)
    try:
        maxwidth = _bound(request.GET.get("maxwidth"))
        maxheight = _bound(request.GET.get("maxheight"))
    except ValueError:
        return _problem(
            _("maxwidth und maxheight müssen ganze Zahlen zwischen 1 und %(largest)d sein.")
            % {"largest": LARGEST_SIZE},
            400,
        )
    if not url or len(url) > LONGEST_URL:
        return _problem(_("Bitte geben Sie die Adresse eines Films an (Parameter „url“)."), 400)
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return _problem(_("Diese Adresse ist ungültig."), 400)
    site = Site.find_for_request(request)
    not_found = _problem(_("Zu dieser Adresse gibt es hier keinen Film."), 404)
    if site is None or parts.scheme not in ("http", "https") or host != site.hostname.lower():
        return not_found
    try:
        match = resolve(parts.path)
    except Resolver404:
        return not_found
    if match.url_name != "film_player":
        return not_found
    film = embeddable_film(match.kwargs["film_id"], site)
    if film is None:
        return not_found
    width, height = frame_size(maxwidth, maxheight)
    employer = EmployerSettings.for_request(request)
    return JsonResponse(
        {
            "version": "1.0",
            "type": "video",
            "title": film.title,
            "provider_name": employer.organisation_name,
            "provider_url": site.root_url + "/",
            "width": width,
            "height": height,
            "html": embed_code(film, site, width, height),
        }
    )
