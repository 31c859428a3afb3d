"""`manage.py delete_expired_bookings`: run daily (cron, systemd timer).

Deletes the bookings of events that ended more than 30 days ago: they hold
names and e-mail addresses, which the registration promised to delete.
"""

import logging

from django.core.management.base import BaseCommand

from campaign.bookings import delete_expired

logger = logging.getLogger("campaign.bookings")


class Command(BaseCommand):
    help = "Löscht die Anmeldungen zu Veranstaltungen, die vor mehr als 30 Tagen endeten."

    def handle(self, *args, **options):
        deleted = delete_expired()
        # A number only: the log keeps no personal data.
        logger.info("%d abgelaufene Anmeldungen gelöscht", deleted)
        self.stdout.write(f"{deleted} abgelaufene Anmeldungen gelöscht")
