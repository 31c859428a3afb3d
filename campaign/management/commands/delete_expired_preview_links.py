"""`manage.py delete_expired_preview_links`: run daily (run_periodic).

Deletes preview links expired more than a week ago: an expired link answers
410 "abgelaufen" for that week, then the 404 of any unknown link.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from campaign.previews.models import PreviewLink

KEPT_AFTER_EXPIRY = timedelta(days=7)


class Command(BaseCommand):
    help = "Löscht Vorschau-Links, die seit über einer Woche abgelaufen sind."

    def handle(self, *args, **options):
        deleted, _by_model = PreviewLink.objects.expired_before(
            timezone.localdate() - KEPT_AFTER_EXPIRY
        ).delete()
        self.stdout.write(f"{deleted} abgelaufene Vorschau-Links gelöscht")
