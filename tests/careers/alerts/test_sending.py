"""The daily digests (careers/alerts/matching.py, tasks.py, `send_job_alerts`):
exactly the new open postings a subscription asked for, in batches, with a
number of queries that does not grow with the batch."""

import datetime
import logging
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from campaign.sites import page_cache
from careers.alerts.tasks import send_batch
from careers.factories import JobAlertFactory
from careers.models import JobAlert, JobAlertKind, JobPostingPage
from careers.search import POSTING, JobSearch, Scope
from tests.careers.alerts.conftest import job_field

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def _since():
    return timezone.now() - DAY


def _posting_titles(message):
    """The titles the digest lists: the line above each 'Arbeitgeber:' line."""
    lines = message.body.splitlines()
    return [lines[i - 1] for i, line in enumerate(lines) if line.startswith("Arbeitgeber:")]


def test_a_job_field_alert_gets_exactly_the_new_open_postings_of_its_fields_and_site(
    mitte, duesseldorf, publish
):
    administration = job_field(mitte, "Allgemeine Verwaltung")
    staff = job_field(mitte, "Personalsachbearbeitung")
    alert = JobAlertFactory(
        site=mitte, email="ada@example.org", job_fields=[administration], last_sent_at=_since()
    )
    new = publish(mitte, "Sachbearbeitung Wohngeld", job_field=administration)
    publish(mitte, "Schon gemeldet", hours_ago=48, job_field=administration)
    publish(
        mitte,
        "Frist vorbei",
        job_field=administration,
        application_deadline=timezone.localdate() - DAY,
    )
    publish(mitte, "Anderes Berufsfeld", job_field=staff)
    publish(duesseldorf, "Andere Website", job_field=administration)

    call_command("send_job_alerts")

    (message,) = mail.outbox
    assert message.to == ["ada@example.org"]
    assert _posting_titles(message) == ["Sachbearbeitung Wohngeld"]
    assert message.subject == "Stellenalarm: eine neue Stelle bei Bezirksamt Mitte von Berlin"
    assert "Arbeitgeber: Bezirksamt Mitte von Berlin" in message.body
    deadline = f"{new.application_deadline.day}. "
    assert f"Bewerbungsfrist: {deadline}" in message.body
    assert f"http://{mitte.hostname}{new.url_path[len(mitte.root_page.url_path) - 1 :]}" in (
        message.body
    )
    assert "Berufsfelder: Allgemeine Verwaltung" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith(f"<http://{mitte.hostname}/stellenalarm/abbestellen/")
    assert unsubscribe.strip("<>") in message.body  # the change/cancel link, too
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    alert.refresh_from_db()
    assert alert.last_sent_at > new.first_published_at

    call_command("send_job_alerts")
    assert len(mail.outbox) == 1  # the second run has nothing new


def test_a_search_alert_lists_what_the_search_shows_of_the_new_postings(mitte, publish):
    filters = {"arbeitszeit": ["teilzeit"]}
    JobAlertFactory(
        site=mitte,
        kind=JobAlertKind.SEARCH,
        query="Zauberwald",
        filters=filters,
        last_sent_at=_since(),
    )
    publish(mitte, "Förster*in Zauberwald", employment_types=["PART_TIME"])
    publish(mitte, "Zauberwald Verwaltung", employment_types=["FULL_TIME", "PART_TIME"])
    publish(mitte, "Zauberwald Vollzeit", employment_types=["FULL_TIME"])
    publish(mitte, "Teilzeit anderswo", employment_types=["PART_TIME"])
    publish(mitte, "Zauberwald alt", hours_ago=48, employment_types=["PART_TIME"])

    call_command("send_job_alerts")

    search = JobSearch(Scope.for_site(mitte), "Zauberwald", {"arbeitszeit": {"teilzeit"}})
    since = _since()
    shown = [c.pk for c in search.results if c.kind == POSTING]
    expected = [
        p.title
        for p in sorted(
            JobPostingPage.objects.filter(pk__in=shown, first_published_at__gt=since),
            key=lambda posting: shown.index(posting.pk),
        )
    ]
    (message,) = mail.outbox
    assert _posting_titles(message) == expected
    assert sorted(expected) == ["Förster*in Zauberwald", "Zauberwald Verwaltung"]
    assert "Ihre Suche: „Zauberwald“ (mit Filtern)" in message.body
    assert "/suche/?q=Zauberwald&arbeitszeit=teilzeit" in message.body


def test_nothing_new_sends_nothing_and_unconfirmed_alerts_get_no_digest(mitte, publish):
    administration = job_field(mitte, "Allgemeine Verwaltung")
    JobAlertFactory(site=mitte, job_fields=[job_field(mitte, "Personalentwicklung")])
    JobAlertFactory(site=mitte, job_fields=[administration], confirmed_at=None, last_sent_at=None)
    publish(mitte, "Sachbearbeitung Wohngeld", job_field=administration)

    call_command("send_job_alerts")

    assert mail.outbox == []


def test_more_alerts_than_a_batch_all_get_their_mail(mitte, publish, caplog):
    administration = job_field(mitte, "Allgemeine Verwaltung")
    for _ in range(5):
        JobAlertFactory(site=mitte, job_fields=[administration], last_sent_at=_since())
    publish(mitte, "Sachbearbeitung Wohngeld", job_field=administration)

    with caplog.at_level(logging.INFO, logger="careers.alerts"):
        call_command("send_job_alerts", batch_size=2)

    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(JobAlert.objects.values_list("email", flat=True))
    assert len(recipients) == 5
    assert not any("@" in record.getMessage() for record in caplog.records)
    assert "3 Abos geprüft" not in caplog.text  # batches of two: 2, 2, 1
    assert caplog.text.count("Abos geprüft") == 3


def _batch_queries(site, alerts, now):
    JobAlert.objects.filter(pk__in=[a.pk for a in alerts]).update(last_sent_at=now - DAY)
    mail.outbox = []
    page_cache.store.clear()  # what a site's search remembers, read afresh each time
    with CaptureQueriesContext(connection) as queries:
        send_batch(0, now)
    assert len(mail.outbox) == len(alerts)
    return len(queries)


def test_a_batch_costs_the_same_queries_for_5_and_for_50_alerts(mitte, duesseldorf, publish):
    administration = job_field(mitte, "Allgemeine Verwaltung")
    publish(
        mitte, "Sachbearbeitung Wohngeld", job_field=administration, employment_types=["PART_TIME"]
    )
    publish(duesseldorf, "Sachbearbeitung Düsseldorf", employment_types=["PART_TIME"])
    now = timezone.now()
    Site.get_site_root_paths()  # Wagtail's cache of them, as on any day after the first

    def make(count):
        alerts = []
        for n in range(count):
            if n % 3 == 0:
                alerts.append(JobAlertFactory(site=mitte, job_fields=[administration]))
            else:
                site = mitte if n % 3 == 1 else duesseldorf
                filters = {"arbeitszeit": ["teilzeit"]} if n % 2 else {}
                alerts.append(JobAlertFactory(site=site, kind=JobAlertKind.SEARCH, filters=filters))
        return alerts

    few = make(5)
    few_queries = _batch_queries(mitte, few, now)
    JobAlert.objects.filter(pk__in=[a.pk for a in few]).delete()
    many = make(50)
    assert _batch_queries(mitte, many, now) == few_queries


def test_unconfirmed_alerts_are_deleted_after_seven_days(mitte):
    now = timezone.now()
    stale = JobAlertFactory(site=mitte, created_at=now - 8 * DAY, confirmed_at=None)
    recent = JobAlertFactory(site=mitte, created_at=now - 6 * DAY, confirmed_at=None)
    confirmed = JobAlertFactory(site=mitte, created_at=now - 30 * DAY)

    call_command("send_job_alerts", stdout=StringIO())

    remaining = set(JobAlert.objects.values_list("pk", flat=True))
    assert stale.pk not in remaining
    assert {recent.pk, confirmed.pk} <= remaining
