"""Keep files on the side their collection says, after each change commits.

After the commit, so a rolled-back save never leaves files moved under rows
that still name the old place.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Collection, CollectionViewRestriction

from media_library import privacy


def _image_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(partial(privacy.sync_image, instance.pk))


def _film_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(partial(privacy.sync_film, instance.pk))


def _film_part_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    version = getattr(instance, "version", instance)
    transaction.on_commit(partial(privacy.sync_film, version.film_id))


def _restriction_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(partial(privacy.sync_collection, instance.collection_id))


def _collection_saved(sender, instance, created=False, raw=False, **kwargs):
    # A new collection holds no files yet; an edited one may have a new parent.
    if not raw and not created:
        transaction.on_commit(partial(privacy.sync_collection, instance.pk))


def connect():
    from media_library.models import CustomImage, Film, FilmVersion, SubtitleTrack

    post_save.connect(_image_saved, sender=CustomImage, dispatch_uid="media_privacy_image")
    post_save.connect(_film_saved, sender=Film, dispatch_uid="media_privacy_film")
    for model in (FilmVersion, SubtitleTrack):
        post_save.connect(
            _film_part_saved, sender=model, dispatch_uid=f"media_privacy_{model.__name__}"
        )
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"media_privacy_restriction_{id(signal)}",
        )
    post_save.connect(_collection_saved, sender=Collection, dispatch_uid="media_privacy_collection")
