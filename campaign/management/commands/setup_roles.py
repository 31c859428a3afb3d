"""`manage.py setup_roles`: the press office and HR groups of every employer's site."""

from django.core.management.base import BaseCommand
from wagtail.models import Site

from campaign.models import EmployerDirectoryPage
from campaign.sites.roles import setup_site_roles


class Command(BaseCommand):
    help = "Legt je Arbeitgeber-Website die Gruppen Pressestelle und Personal und die Freigabe an."

    def handle(self, *args, **options):
        for site in Site.objects.select_related("root_page").order_by("hostname"):
            if isinstance(site.root_page.specific, EmployerDirectoryPage):
                continue
            groups = setup_site_roles(site)
            names = ", ".join(group.name for group in groups.values())
            self.stdout.write(f"  {site.hostname}: {names}")
