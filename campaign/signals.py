"""Drop a site's cached branding when what it is made of changes; render a
photo calendar's PDF when it is published and remove the file with its record."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import page_published

from campaign import branding
from campaign.models import CalendarPdf, EmployerSettings, PhotoCalendarPage
from campaign.tasks import enqueue_calendar_pdf


@receiver([post_save, post_delete], sender=EmployerSettings)
def forget_employer_branding(sender, instance, **kwargs):
    branding.forget(instance.site.hostname)


@receiver([post_save, post_delete], sender=Site)
def forget_site_branding(sender, instance, **kwargs):
    branding.forget(instance.hostname)


@receiver(page_published, sender=PhotoCalendarPage)
def render_calendar_after_publishing(sender, instance, **kwargs):
    enqueue_calendar_pdf(instance)


@receiver(post_delete, sender=CalendarPdf)
def delete_calendar_file(sender, instance, **kwargs):
    # Only once the deletion is committed: a rollback keeps the record, so the file too.
    storage, name = instance.file.storage, instance.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))
