"""Render a photo calendar's PDF when it is published; remove the file with its record."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published

from campaign.calendars.models import CalendarPdf, PhotoCalendarPage
from campaign.calendars.tasks import enqueue_calendar_pdf


@receiver(page_published, sender=PhotoCalendarPage)
def render_calendar_after_publishing(sender, instance, **kwargs):
    enqueue_calendar_pdf(instance)


@receiver(post_delete, sender=CalendarPdf)
def delete_calendar_file(sender, instance, **kwargs):
    # Only once the deletion is committed: a rollback keeps the record, so the file too.
    storage, name = instance.file.storage, instance.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))
