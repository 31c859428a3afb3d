"""Drop a site's cached branding when what it is made of changes (its settings,
its pages in Leichte Sprache and Gebärdensprache, which the header links);
render a photo calendar's PDF when it is published and remove the file with
its record."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from campaign import branding
from campaign.admin_sites.ownership import SITE_TREES_CACHE_KEY
from campaign.models import (
    CalendarPdf,
    EasyLanguagePage,
    EmployerSettings,
    PhotoCalendarPage,
    SignLanguagePage,
)
from campaign.tasks import enqueue_calendar_pdf


@receiver([post_save, post_delete], sender=EmployerSettings)
def forget_employer_branding(sender, instance, **kwargs):
    branding.forget(instance.site.hostname)


@receiver([post_save, post_delete], sender=Site)
def forget_site_branding(sender, instance, **kwargs):
    branding.forget(instance.hostname)
    # Which tree is whose (campaign.admin_sites.ownership): a site came, went or moved.
    cache.delete(SITE_TREES_CACHE_KEY)


PAGE_CHANGES = [page_published, page_unpublished, post_page_move, post_delete]


@receiver(PAGE_CHANGES, sender=EasyLanguagePage)
@receiver(PAGE_CHANGES, sender=SignLanguagePage)
def forget_branding_of_page_site(sender, instance, **kwargs):
    """A header link appears, moves or goes: the branding of the page's site is stale.

    A moved page may have changed sites, and one whose site is no longer known
    may have left any: then every site's branding is forgotten. These pages
    change seldom, and a branding reloads in a few queries.
    """
    site = None if "url_path_before" in kwargs else instance.get_site()
    hostnames = [site.hostname] if site else Site.objects.values_list("hostname", flat=True)
    for hostname in hostnames:
        branding.forget(hostname)


@receiver(page_published, sender=PhotoCalendarPage)
def render_calendar_after_publishing(sender, instance, **kwargs):
    enqueue_calendar_pdf(instance)


@receiver(post_delete, sender=CalendarPdf)
def delete_calendar_file(sender, instance, **kwargs):
    # Only once the deletion is committed: a rollback keeps the record, so the file too.
    storage, name = instance.file.storage, instance.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))
