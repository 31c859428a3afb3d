"""`manage.py delete_expired_accessibility_feedback`: run daily (cron, systemd timer).

Deletes feedback on barriers answered more than a year ago: it holds names
and e-mail addresses, needed only while questions may come back.
"""

import logging

from django.core.management.base import BaseCommand

from campaign.legal.feedback import delete_expired

logger = logging.getLogger("campaign.legal.feedback")


class Command(BaseCommand):
    help = "Löscht Rückmeldungen zur Barrierefreiheit, die vor über einem Jahr beantwortet wurden."

    def handle(self, *args, **options):
        deleted = delete_expired()
        # A number only: the log keeps no personal data.
        logger.info("%d beantwortete Rückmeldungen gelöscht", deleted)
        self.stdout.write(f"{deleted} beantwortete Rückmeldungen gelöscht")
