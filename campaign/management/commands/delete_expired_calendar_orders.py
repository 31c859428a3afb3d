"""`manage.py delete_expired_calendar_orders`: run daily (cron, systemd timer).

Erases the postal addresses of calendar orders sent more than
CALENDAR_ORDER_RETENTION_DAYS ago (the rows stay, so their copies stay
counted), and deletes orders not confirmed within seven days.
"""

import logging

from django.core.management.base import BaseCommand

from campaign.calendar_orders.orders import delete_unconfirmed, erase_dispatched

logger = logging.getLogger("campaign.calendar_orders")


class Command(BaseCommand):
    help = (
        "Löscht die Anschriften verschickter Kalenderbestellungen nach Ablauf der Frist und "
        "nicht bestätigte Bestellungen nach sieben Tagen."
    )

    def handle(self, *args, **options):
        erased = erase_dispatched()
        deleted = delete_unconfirmed()
        # Numbers only: the log keeps no personal data.
        logger.info("%d Anschriften verschickter Kalenderbestellungen gelöscht", erased)
        logger.info("%d unbestätigte Kalenderbestellungen gelöscht", deleted)
        self.stdout.write(f"{erased} Anschriften verschickter Kalenderbestellungen gelöscht")
        self.stdout.write(f"{deleted} unbestätigte Kalenderbestellungen gelöscht")
