"""Files of restricted collections: where they lie and who may see them.

A collection is restricted when it or an ancestor has a
`CollectionViewRestriction` (Wagtail's rule, `Collection.get_view_restrictions`).
The files of its images (originals and renditions) and films (versions,
subtitle tracks) are stored under `restricted/…` names, which
`media_library.storage.MediaStorage` keeps outside MEDIA_ROOT. When an image
or film changes collection, or a collection's restriction comes or goes, the
`sync_*` functions move the files to match: copy, point the row at the copy,
then delete the old file, so nothing is lost if a step fails. They are
idempotent; `manage.py sync_media_privacy` runs them over everything.
"""

import logging

from django.db.models import Q
from wagtail.models import Collection

from media_library.storage import (
    PREFIX,
    is_restricted_name,
    public_name,
    restricted_name,
)

logger = logging.getLogger(__name__)

# Editors who may do any of these in a collection see its files in the admin.
EDITOR_ACTIONS = ["add", "change", "choose"]


def collection_is_restricted(collection):
    return collection is not None and collection.get_view_restrictions().exists()


def collection_id_is_restricted(collection_id):
    if collection_id is None:
        return False
    return collection_is_restricted(Collection.objects.filter(pk=collection_id).first())


def may_view(request, collection, permission_policy):
    """Superusers, editors of the collection, and whoever its restrictions accept."""
    user = request.user
    if user.is_authenticated and (
        permission_policy.collections_user_has_any_permission_for(user, EDITOR_ACTIONS)
        .filter(pk=collection.pk)
        .exists()
    ):
        return True
    return all(
        restriction.accept_request(request) for restriction in collection.get_view_restrictions()
    )


def _relocate(model, pk, field_file, restricted):
    """Move one stored file to the side `restricted` says; True when it moved."""
    old = field_file.name
    if not old or is_restricted_name(old) == restricted:
        return False
    target = restricted_name(old) if restricted else public_name(old)
    storage = field_file.storage
    field = field_file.field
    try:
        with storage.open(old, "rb") as source:
            new = storage.save(target, source, max_length=field.max_length)
    except OSError as error:
        logger.error("Mediendatei %s konnte nicht verschoben werden: %s", old, error)
        return False
    # Only if the row still names the old file; otherwise the copy is not needed.
    if model.objects.filter(pk=pk, **{field.attname: old}).update(**{field.attname: new}):
        field_file.name = new
        storage.delete(old)
        return True
    storage.delete(new)
    return False


def sync_image(image_id):
    from media_library.models import CustomImage, CustomRendition

    image = CustomImage.objects.select_related("collection").filter(pk=image_id).first()
    if image is None:
        return
    restricted = collection_is_restricted(image.collection)
    _relocate(CustomImage, image.pk, image.file, restricted)
    for rendition in image.renditions.all():
        if _relocate(CustomRendition, rendition.pk, rendition.file, restricted):
            # Wagtail caches rendition objects with their file name.
            rendition.purge_from_cache()


def sync_film(film_id):
    from media_library.models import Film, FilmVersion, SubtitleTrack

    film = Film.objects.select_related("collection").filter(pk=film_id).first()
    if film is None:
        return
    restricted = collection_is_restricted(film.collection)
    for version in film.versions.prefetch_related("subtitle_tracks"):
        _relocate(FilmVersion, version.pk, version.file, restricted)
        for track in version.subtitle_tracks.all():
            _relocate(SubtitleTrack, track.pk, track.file, restricted)


def _misplaced(queryset, restricted, id_field):
    """Ids (of `id_field`) of rows whose file lies on the wrong side."""
    on_restricted_side = Q(file__startswith=PREFIX)
    if restricted:
        queryset = queryset.exclude(on_restricted_side).exclude(file="")
    else:
        queryset = queryset.filter(on_restricted_side)
    return set(queryset.values_list(id_field, flat=True))


def sync_collection(collection_id):
    """Bring the files of a collection and its descendants to the right side."""
    from media_library.models import (
        CustomImage,
        CustomRendition,
        FilmVersion,
        SubtitleTrack,
    )

    root = Collection.objects.filter(pk=collection_id).first()
    if root is None:
        return
    for collection in root.get_descendants(inclusive=True):
        restricted = collection_is_restricted(collection)
        images = _misplaced(CustomImage.objects.filter(collection=collection), restricted, "pk")
        images |= _misplaced(
            CustomRendition.objects.filter(image__collection=collection), restricted, "image_id"
        )
        for image_id in sorted(images):
            sync_image(image_id)
        films = _misplaced(
            FilmVersion.objects.filter(film__collection=collection), restricted, "film_id"
        )
        films |= _misplaced(
            SubtitleTrack.objects.filter(version__film__collection=collection),
            restricted,
            "version__film_id",
        )
        for film_id in sorted(films):
            sync_film(film_id)
