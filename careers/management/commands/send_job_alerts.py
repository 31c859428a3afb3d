"""Daily (cron): delete unconfirmed job alerts past a week, then send the day's digests."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from careers.alerts.subscriptions import delete_unconfirmed
from careers.alerts.tasks import BATCH_SIZE, send_job_alert_batch


class Command(BaseCommand):
    help = (
        "Löscht unbestätigte Stellenalarme nach sieben Tagen und verschickt die täglichen "
        "E-Mails mit neuen Stellen (in Paketen über django-tasks)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, batch_size, **options):
        deleted = delete_unconfirmed()
        now = timezone.now()
        send_job_alert_batch.enqueue(0, now.isoformat(), batch_size)
        self.stdout.write(
            f"{deleted} unbestätigte Stellenalarme gelöscht; Versand ab {now:%Y-%m-%d %H:%M} "
            "eingereiht."
        )
