"""Public views of the media library: the per-site credits page and the files
of restricted collections."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.permissions import policy_registry
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile
from wagtailmedia.permissions import permission_policy as film_policy

from media_library import privacy
from media_library.credits import images_used_on_site
from media_library.storage import PREFIX

# Longer names are never stored (the file fields hold 100 characters).
MAX_NAME = 255


def image_credits(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    images = images_used_on_site(site, renditions=["fill-240x160"])
    return render(request, "media_library/credits.html", {"images": images})


def _owner(name):
    """The collection a stored file belongs to, and the permission policy of its kind."""
    from media_library.models import CustomImage, CustomRendition, FilmVersion, SubtitleTrack

    folder = name[len(PREFIX) :].split("/", 1)[0]
    image_policy = policy_registry.get_by_type(get_image_model())
    if folder == "original_images":
        row = CustomImage.objects.select_related("collection").filter(file=name).first()
        return (row.collection, image_policy) if row else None
    if folder == "images":
        row = CustomRendition.objects.select_related("image__collection").filter(file=name).first()
        return (row.image.collection, image_policy) if row else None
    if folder == "films":
        row = FilmVersion.objects.select_related("film__collection").filter(file=name).first()
        return (row.film.collection, film_policy) if row else None
    if folder == "subtitles":
        row = (
            SubtitleTrack.objects.select_related("version__film__collection")
            .filter(file=name)
            .first()
        )
        return (row.version.film.collection, film_policy) if row else None
    return None


def restricted_media(request, path):
    """A file of a restricted collection, to whoever the collection admits.

    The file is found through the row that names it, never by the path alone;
    strangers get the same 404 as for a name that does not exist.
    """
    if len(path) > MAX_NAME:
        raise Http404
    name = PREFIX + path
    owner = _owner(name)
    if owner is None or not privacy.may_view(request, *owner):
        raise Http404
    try:
        local_path = default_storage.path(name)
    except NotImplementedError:  # object storage: a private object, streamed from there
        response = FileResponse(default_storage.open(name, "rb"))
    else:
        options = {"attachment": False}
        if not hasattr(settings, "SENDFILE_BACKEND"):
            # As Wagtail's document view: stream from Django unless a sendfile
            # backend (e.g. nginx X-Accel-Redirect to an internal location) is set.
            options["backend"] = sendfile_streaming_backend.sendfile
        response = sendfile(request, local_path, **options)
    patch_cache_control(response, private=True, max_age=600)
    patch_vary_headers(response, ["Cookie"])
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
