"""`manage.py delete_expired_bookings`: run daily (cron, systemd timer), better hourly.

Releases bookings left unconfirmed past BOOKING_CONFIRMATION_HOLD (their
places go to the waiting list, who are told by e-mail), and deletes the
bookings of events that ended more than 30 days ago: they hold names and
e-mail addresses, which the registration promised to delete. Booking a slot
also releases that slot's stale bookings at once; this catches the rest.
"""

import logging

from django.core.management.base import BaseCommand

from campaign.events.bookings import delete_expired, release_unconfirmed

logger = logging.getLogger("campaign.events.bookings")


class Command(BaseCommand):
    help = (
        "Gibt nicht rechtzeitig bestätigte Anmeldungen frei und löscht die Anmeldungen zu "
        "Veranstaltungen, die vor mehr als 30 Tagen endeten."
    )

    def handle(self, *args, **options):
        released = release_unconfirmed()
        deleted = delete_expired()
        # Numbers only: the log keeps no personal data.
        logger.info("%d unbestätigte Anmeldungen freigegeben", released)
        logger.info("%d abgelaufene Anmeldungen gelöscht", deleted)
        self.stdout.write(f"{released} unbestätigte Anmeldungen freigegeben")
        self.stdout.write(f"{deleted} abgelaufene Anmeldungen gelöscht")
