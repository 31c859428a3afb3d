"""Background work of job alerts (django-tasks): confirmation mails and daily digests.

`send_job_alerts` (the daily management command) enqueues the first batch;
each batch sends the digests of up to BATCH_SIZE confirmed subscriptions over
one SMTP connection and enqueues the next. A batch's queries do not grow
with its size (careers.alerts.matching). Logs carry counts, never addresses.
"""

import logging
from types import SimpleNamespace

from django.core.mail import get_connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import task

from careers.models import JobAlert, JobAlertKind

logger = logging.getLogger("careers.alerts")
BATCH_SIZE = 200


def job_field_titles(alert_pks):
    """{alert pk: [job field titles]} in one query."""
    through = JobAlert.job_fields.through
    titles = {}
    rows = (
        through.objects.filter(jobalert_id__in=alert_pks)
        .order_by("jobfieldpage__title")
        .values_list("jobalert_id", "jobfieldpage__title")
    )
    for alert_pk, title in rows:
        titles.setdefault(alert_pk, []).append(title)
    return titles


@task()
def send_confirmation_mail(alert_id):
    """Mail the confirmation link (looked up afresh: it may be gone since it was queued)."""
    from careers.alerts.mails import confirmation_message

    alert = JobAlert.objects.select_related("site").filter(pk=alert_id).first()
    if alert is None:
        return
    titles = job_field_titles([alert.pk]).get(alert.pk, [])
    confirmation_message(alert, titles).send()


def send_batch(after_pk, now, batch_size=BATCH_SIZE):
    """Send the digests of the next `batch_size` confirmed alerts after `after_pk`.

    Returns (the last pk of the batch or None when there was none, mails sent).
    """
    from careers.alerts.mails import digest_message
    from careers.alerts.matching import new_postings

    alerts = list(
        JobAlert.objects.filter(confirmed_at__isnull=False, pk__gt=after_pk, last_sent_at__lt=now)
        .select_related("site__root_page")
        .order_by("pk")[:batch_size]
    )
    if not alerts:
        return None, 0
    found = new_postings(alerts, now)
    titles = job_field_titles(
        [a.pk for a in alerts if a.pk in found and a.kind == JobAlertKind.JOB_FIELDS]
    )
    root_paths = SimpleNamespace()
    messages = [
        digest_message(alert, found[alert.pk], titles.get(alert.pk, []), root_paths=root_paths)
        for alert in alerts
        if alert.pk in found
    ]
    if messages:
        with get_connection() as connection:
            sent = connection.send_messages(messages) or 0
    else:
        sent = 0
    # Nothing new is as good as sent: the next digest starts from now.
    JobAlert.objects.filter(pk__in=[a.pk for a in alerts]).update(last_sent_at=now)
    logger.info("Stellenalarm: %d Abos geprüft, %d E-Mails verschickt", len(alerts), sent)
    return alerts[-1].pk, sent


@task()
def send_job_alert_batch(after_pk=0, now=None, batch_size=BATCH_SIZE):
    """One batch of digests, then the next batch as a task of its own."""
    now = parse_datetime(now) if now else timezone.now()
    last_pk, _sent = send_batch(after_pk, now, batch_size)
    if last_pk is not None:
        send_job_alert_batch.enqueue(last_pk, now.isoformat(), batch_size)
