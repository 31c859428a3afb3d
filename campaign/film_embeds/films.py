"""Which film a site may offer for embedding, and its embed code."""

from django.urls import reverse
from django.utils.html import format_html
from wagtail.models import Site

from campaign.sites.admin_scoping import site_of
from media_library import privacy

# The player's frame: 16:9 at the width most home pages give a video.
DEFAULT_WIDTH = 640
LARGEST_SIZE = 4096
SMALLEST_WIDTH = 200


def embeddable_film(film_id, site):
    """The film with its versions and tracks, if `site` may offer it; else None."""
    from media_library.models import Film

    if site is None:
        return None
    film = (
        Film.objects.select_related("poster", "collection")
        .prefetch_related("versions__subtitle_tracks")
        .filter(pk=film_id)
        .first()
    )
    if film is None or not film.versions.all():
        return None
    if site_of(film) != site.pk or privacy.collection_is_restricted(film.collection):
        return None
    return film


def site_of_film(film):
    """The site whose collection holds `film`, or None (shared, or no site's)."""
    site_id = site_of(film)
    return Site.objects.filter(pk=site_id).first() if site_id else None


def frame_size(maxwidth=None, maxheight=None):
    """(width, height) of a 16:9 frame within the bounds asked for."""
    width = DEFAULT_WIDTH
    if maxwidth:
        width = min(width, maxwidth)
    if maxheight:
        width = min(width, maxheight * 16 // 9)
    width = max(width, SMALLEST_WIDTH)
    return width, width * 9 // 16


def player_url(film, site):
    return site.root_url.rstrip("/") + reverse("film_player", args=[film.pk])


def embed_code(film, site, width=DEFAULT_WIDTH, height=None):
    height = height or width * 9 // 16
    return format_html(
        '<iframe src="{}" width="{}" height="{}" title="{}" '
        'allow="fullscreen; picture-in-picture" loading="lazy"></iframe>',
        player_url(film, site),
        width,
        height,
        film.title,
    )
