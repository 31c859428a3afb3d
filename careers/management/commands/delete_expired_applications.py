"""`manage.py delete_expired_applications`: run daily (cron, systemd timer).

Deletes applications and their documents whose retention has run out
(careers/applications/retention.py), and files a killed worker left
without their row, through the django-tasks task, so a
scheduler that prefers tasks can enqueue the same work.
"""

from django.core.management.base import BaseCommand

from careers.applications.tasks import delete_expired_applications


class Command(BaseCommand):
    help = (
        "Löscht Bewerbungen samt Unterlagen, deren Aufbewahrungsfrist nach dem Ende des "
        "Verfahrens abgelaufen ist, und Dateien ohne zugehörige Bewerbung."
    )

    def handle(self, *args, **options):
        # At once, in this process: the daily run's exit status says whether it worked.
        deleted = delete_expired_applications.call()
        self.stdout.write(f"{deleted['expired']} abgelaufene Bewerbungen gelöscht")
        self.stdout.write(f"{deleted['orphaned_files']} verwaiste Dateien gelöscht")
