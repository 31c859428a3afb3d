"""Drop a site's cached branding when what it is made of changes (its settings,
its pages in Leichte Sprache and Gebärdensprache, which the header links)."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from campaign.models import (
    EasyLanguagePage,
    EmployerSettings,
    SignLanguagePage,
)
from campaign.sites import branding
from campaign.sites.admin_scoping.ownership import SITE_TREES_CACHE_KEY


@receiver([post_save, post_delete], sender=EmployerSettings)
def forget_employer_branding(sender, instance, **kwargs):
    branding.forget(instance.site.hostname)


@receiver([post_save, post_delete], sender=Site)
def forget_site_branding(sender, instance, **kwargs):
    branding.forget(instance.hostname)
    # Which tree is whose (campaign.sites.admin_scoping.ownership): a site came, went or moved.
    cache.delete(SITE_TREES_CACHE_KEY)


@receiver(pre_save, sender=Site)
def forget_branding_of_former_hostname(sender, instance, **kwargs):
    """A site renamed: its old name must not keep showing its look."""
    if instance.pk:
        former = Site.objects.filter(pk=instance.pk).values_list("hostname", flat=True).first()
        if former and former != instance.hostname:
            branding.forget(former)


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
