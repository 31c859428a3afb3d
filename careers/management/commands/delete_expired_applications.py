"""`manage.py delete_expired_applications`: run daily (cron, systemd timer).

Deletes applications and their documents whose retention has run out
(careers/applications/retention.py), through the django-tasks task, so a
scheduler that prefers tasks can enqueue the same work.
"""

from django.core.management.base import BaseCommand

from careers.applications.tasks import delete_expired_applications


class Command(BaseCommand):
    help = (
        "Löscht Bewerbungen samt Unterlagen, deren Aufbewahrungsfrist nach dem Ende des "
        "Verfahrens abgelaufen ist."
    )

    def handle(self, *args, **options):
        # At once, in this process: the daily run's exit status says whether it worked.
        deleted = delete_expired_applications.call()
        self.stdout.write(f"{deleted} abgelaufene Bewerbungen gelöscht")
