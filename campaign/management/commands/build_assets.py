from django.conf import settings
from django.core.management.base import BaseCommand

from campaign.sites import front_end


class Command(BaseCommand):
    help = (
        "Baut static/vendor/kern/ aus node_modules: Fira Sans auf die benutzten Schnitte "
        "und Zeichen reduziert, KERNs Stylesheet auf die benutzten Komponenten."
    )

    def handle(self, *args, **options):
        front_end.build(settings.BASE_DIR)
        self.stdout.write(f"Gebaut: {settings.BASE_DIR / front_end.OUTPUT}")
