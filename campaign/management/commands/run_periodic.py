from django.core.management.base import BaseCommand, CommandError

from campaign.sites import periodic


class Command(BaseCommand):
    help = (
        "Erledigt, was regelmäßig fällig ist (geplante Veröffentlichungen, Löschfristen, "
        "Stellenalarme): alle fünf Minuten per cron oder systemd-Timer aufrufen."
    )

    def handle(self, *args, **options):
        failed = periodic.run_due_jobs(self.stdout)
        if failed:
            raise CommandError(f"Fehlgeschlagen: {', '.join(failed)}")
