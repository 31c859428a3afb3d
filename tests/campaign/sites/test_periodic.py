"""`manage.py run_periodic`: one cron line runs every job that is due, once per interval."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail import hooks

from campaign.factories import CampaignPageFactory, SiteFactory
from campaign.sites.periodic import DAILY, PeriodicJob, registered_jobs

pytestmark = pytest.mark.django_db

DAILY_WORK = {
    "publish_scheduled",
    "delete_expired_bookings",
    "delete_unverified_members",
    "delete_expired_accessibility_feedback",
    "delete_expired_preview_links",
    "delete_expired_calendar_orders",
    "send_job_alerts",
    "delete_expired_applications",
}


def run_periodic():
    out = StringIO()
    call_command("run_periodic", stdout=out)
    return out.getvalue()


def test_every_periodic_job_of_both_apps_is_registered():
    assert {job.command for job in registered_jobs()} == DAILY_WORK


def test_each_job_runs_once_and_again_only_when_its_interval_is_over():
    first = run_periodic()
    second = run_periodic()

    assert {line[:-1] for line in first.splitlines() if line.endswith(":")} == DAILY_WORK
    assert second == ""


def test_a_page_scheduled_for_now_goes_live_on_the_next_run(client):
    site = SiteFactory(hostname="geplant.localhost")
    page = CampaignPageFactory(parent=site.root_page, slug="start", live=False)
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision = page.save_revision()
    revision.approved_go_live_at = page.go_live_at
    revision.save(update_fields=["approved_go_live_at"])

    run_periodic()

    page.refresh_from_db()
    assert page.live
    assert client.get("/start/", HTTP_HOST=site.hostname).status_code == 200


def test_a_failing_job_does_not_keep_the_others_from_running():
    def broken():
        return [PeriodicJob("gibt_es_nicht", DAILY)]

    with (
        hooks.register_temporarily("register_periodic_jobs", broken),
        pytest.raises(CommandError, match="gibt_es_nicht"),
    ):
        run_periodic()

    # Every other job ran: none is due again.
    assert run_periodic() == ""


def test_while_the_shared_cache_is_down_every_job_still_runs(shared_cache):
    shared_cache.stop()

    first = run_periodic()
    second = run_periodic()

    assert first.count(":\n") >= len(DAILY_WORK)
    assert second.count(":\n") >= len(DAILY_WORK)
