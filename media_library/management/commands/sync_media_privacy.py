"""Move every image and film file to the side its collection's restriction says.

Run once after upgrading (files of collections restricted before then still
lie in MEDIA_ROOT) and after moving collections in the tree; safe to repeat.
"""

from django.core.management.base import BaseCommand
from wagtail.models import Collection

from media_library import privacy


class Command(BaseCommand):
    help = "Verschiebt Bild- und Filmdateien gesperrter Sammlungen aus MEDIA_ROOT und zurück."

    def handle(self, *args, **options):
        for root in Collection.get_root_nodes():
            privacy.sync_collection(root.pk)
        self.stdout.write(self.style.SUCCESS("Mediendateien abgeglichen."))
