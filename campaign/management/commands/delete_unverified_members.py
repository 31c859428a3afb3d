"""`manage.py delete_unverified_members`: run daily (cron, systemd timer).

Deletes member accounts whose e-mail address was not confirmed within seven
days: someone may have typed another person's address, and we keep no
address that its owner never confirmed.
"""

import logging

from django.core.management.base import BaseCommand

from campaign.members.accounts import delete_expired_unverified

logger = logging.getLogger("campaign.members")


class Command(BaseCommand):
    help = "Löscht Mitgliedskonten, deren E-Mail-Adresse nicht binnen 7 Tagen bestätigt wurde."

    def handle(self, *args, **options):
        deleted = delete_expired_unverified()
        # A number only: the log keeps no personal data.
        logger.info("%d unbestätigte Mitgliedskonten gelöscht", deleted)
        self.stdout.write(f"{deleted} unbestätigte Mitgliedskonten gelöscht")
