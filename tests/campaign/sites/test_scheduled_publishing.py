"""Scheduled publishing: a campaign approved for a later date goes live then, not before.

Wagtail keeps the date on the revision; `manage.py publish_scheduled` (run by
cron every few minutes in production) publishes what is due.
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaign.factories import CampaignPageFactory, SiteFactory

pytestmark = pytest.mark.django_db


def test_a_campaign_scheduled_for_later_goes_live_only_when_due(client):
    site = SiteFactory(hostname="geplant.localhost")
    page = CampaignPageFactory(parent=site.root_page, slug="start", live=False)
    # As the editor does it: "Veröffentlichungstermin" in the page's settings, then publish.
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()  # with a date in the future: scheduled, not live

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    assert client.get("/start/", HTTP_HOST=site.hostname).status_code == 404

    # An hour later: the date has passed (moved back rather than waiting for it).
    due = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = due
    revision.content["go_live_at"] = due.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live
    assert client.get("/start/", HTTP_HOST=site.hostname).status_code == 200
