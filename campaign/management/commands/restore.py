from django.core.management.base import BaseCommand, CommandError

from campaign.sites import backups


class Command(BaseCommand):
    help = "Spielt eine Sicherung in eine leere Datenbank und leere Ordner zurück."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="das Archiv von manage.py backup")

    def handle(self, *args, archive, **options):
        try:
            manifest = backups.restore(archive)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        files = sum(name.startswith("files/") for name in manifest["members"])
        self.stdout.write(
            f"Zurückgespielt: die Datenbank und {files} Dateien aus der Sicherung "
            f"vom {manifest['created'][:10]}."
        )
