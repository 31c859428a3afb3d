"""Drop a site's cached branding when what it is made of changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

from campaign import branding
from campaign.models import EmployerSettings


@receiver([post_save, post_delete], sender=EmployerSettings)
def forget_employer_branding(sender, instance, **kwargs):
    branding.forget(instance.site.hostname)


@receiver([post_save, post_delete], sender=Site)
def forget_site_branding(sender, instance, **kwargs):
    branding.forget(instance.hostname)
