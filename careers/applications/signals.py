"""A document row deleted, by whatever path: its file goes once the deletion is
committed (never before: a rolled-back deletion keeps a row that needs its file)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from careers.applications import storage
from careers.models.applications import ApplicationDocument


@receiver(post_delete, sender=ApplicationDocument)
def delete_file_after_commit(sender, instance, **kwargs):
    document_id = instance.pk
    transaction.on_commit(lambda: storage.delete(document_id))
