from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from campaign.sites import backups


class Command(BaseCommand):
    help = (
        "Sichert Datenbank, Medien und Bewerbungsunterlagen in ein Archiv. "
        "Der Schlüssel APPLICATION_FILES_KEY gehört nicht dazu: getrennt aufbewahren."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--into",
            default=str(settings.VAR_DIR / "backups"),
            help="Ordner für das Archiv (Standard: var/backups)",
        )

    def handle(self, *args, into, **options):
        try:
            archive = backups.create(into)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Gesichert: {archive}")
        self.stdout.write(
            "Den Schlüssel APPLICATION_FILES_KEY getrennt von dieser Sicherung aufbewahren: "
            "ohne ihn lassen sich die Unterlagen nicht öffnen, mit ihr zusammen wäre er "
            "kein Schutz."
        )
