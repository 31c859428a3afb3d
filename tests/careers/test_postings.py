"""careers/models/postings.py: open and expired postings, listings, sitemap, apply box."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from careers.factories import JobPostingPageFactory
from careers.models import JobPostingPage, RecruitmentSettings
from tests.careers.conftest import HOST
from tests.support import get_with_query_budget, whole_sitemap

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)
EXPIRED_TEXT = "Bewerbungsfrist abgelaufen"


def test_open_and_expired_split_on_the_deadline_day(make_posting):
    today = make_posting(title="Frist heute", application_deadline=TODAY)
    gone = make_posting(title="Frist gestern", application_deadline=YESTERDAY)
    endless = make_posting(title="Ohne Frist", application_deadline=None)

    assert set(JobPostingPage.objects.open()) == {today, endless}
    assert set(JobPostingPage.objects.expired()) == {gone}
    # On another day the same rule gives another answer.
    assert set(JobPostingPage.objects.open(on=TODAY + datetime.timedelta(days=1))) == {endless}
    assert today.is_open()
    assert not gone.is_open()
    assert endless.is_open()


def test_expired_posting_leaves_the_listing(client, make_posting, posting_index):
    make_posting(title="Sachbearbeiter*in Wohngeld")
    make_posting(title="Abgelaufene Stelle", application_deadline=YESTERDAY)

    response = client.get(posting_index.url, HTTP_HOST=HOST)

    assert "Sachbearbeiter*in Wohngeld" in response.text
    assert "Abgelaufene Stelle" not in response.text
    assert "1 offene Stelle" in response.text or "Eine offene Stelle" in response.text


def test_expired_posting_leaves_the_sitemap(client, make_posting):
    open_posting = make_posting(title="Offene Stelle")
    expired = make_posting(title="Abgelaufene Stelle", application_deadline=YESTERDAY)

    sitemap = whole_sitemap(client, host=HOST)

    assert open_posting.slug in sitemap
    assert expired.slug not in sitemap
    assert "<lastmod>" in sitemap


def test_expired_posting_says_so_instead_of_offering_to_apply(client, make_posting):
    expired = make_posting(title="Abgelaufene Stelle", application_deadline=YESTERDAY)
    open_posting = make_posting(title="Offene Stelle", apply_url="https://karriere.example/1")

    gone = client.get(expired.url, HTTP_HOST=HOST).text
    still_open = client.get(open_posting.url, HTTP_HOST=HOST).text

    assert EXPIRED_TEXT in gone
    assert "Jetzt online bewerben" not in gone
    assert "/bewerben/" not in gone
    assert "Per E-Mail bewerben" not in gone
    assert "application/ld+json" not in gone
    assert EXPIRED_TEXT not in still_open
    assert "Jetzt online bewerben" in still_open
    assert "Über das Bewerbungsportal bewerben" in still_open
    assert "Per E-Mail bewerben" in still_open


def test_posting_shows_its_facts_and_the_statutory_notices(client, make_posting, site):
    posting = make_posting(
        title="IT-Support", reference="IT-2026-07", remote_share=40, pay_grades="E 9b"
    )
    settings = RecruitmentSettings.for_site(site)
    settings.equal_opportunity = "<p>Vielfalt ist bei uns willkommen.</p>"
    settings.save()

    text = client.get(posting.url, HTTP_HOST=HOST).text

    assert text.count("<h1") == 1
    assert "IT-2026-07" in text
    assert "bis zu 40 % der Arbeitszeit" in text
    assert "3.650\u00a0€ bis 4.150\u00a0€ brutto im Monat" in text
    assert "Rathaus Wedding, Müllerstraße 146, 13353 Berlin" in text
    assert "§ 165 SGB IX" in text
    assert "Vielfalt ist bei uns willkommen." in text
    assert "Datenschutz im Bewerbungsverfahren" in text


def test_reference_is_unique_per_site_only(make_posting, site):
    from campaign.factories import SiteFactory
    from careers.factories import JobPostingIndexPageFactory

    make_posting(reference="BA-2026-001")
    other_site = SiteFactory(hostname="anderer.localhost")
    other_index = JobPostingIndexPageFactory(parent=other_site.root_page)

    assert JobPostingPage.objects.reference_taken("ba-2026-001 ", site)
    assert not JobPostingPage.objects.reference_taken("BA-2026-002", site)
    assert not JobPostingPage.objects.reference_taken("BA-2026-001", other_site)
    JobPostingPageFactory(parent=other_index, reference="BA-2026-001")  # allowed there


def test_posting_index_pages_through_and_refuses_pages_that_do_not_exist(client, posting_index):
    assert client.get(posting_index.url + "?seite=2", HTTP_HOST=HOST).status_code == 404
    assert client.get(posting_index.url + "?seite=x", HTTP_HOST=HOST).status_code == 404


# Warm requests (branding cached); measured 17 for the index and 19 for a posting.
INDEX_BUDGET = 18
POSTING_BUDGET = 20


def test_posting_index_stays_within_its_query_budget(client, make_posting, posting_index):
    for number in range(5):
        make_posting(title=f"Stelle {number}")
    client.get(posting_index.url, HTTP_HOST=HOST)

    get_with_query_budget(client, posting_index.url, host=HOST, max_queries=INDEX_BUDGET)


def test_posting_page_stays_within_its_query_budget(client, make_posting):
    posting = make_posting(title="Stelle")
    client.get(posting.url, HTTP_HOST=HOST)

    get_with_query_budget(client, posting.url, host=HOST, max_queries=POSTING_BUDGET)


def _count(client, url):
    client.get(url, HTTP_HOST=HOST)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST=HOST)
    assert response.status_code == 200
    return len(queries), response


def test_posting_index_needs_no_more_queries_for_200_postings_than_for_20(
    client, make_posting, posting_index, departments
):
    for number in range(20):
        make_posting(title=f"Stelle {number}", departments=departments)
    with_20, _ = _count(client, posting_index.url)
    for number in range(20, 200):
        make_posting(title=f"Stelle {number}", departments=departments)

    with_200, response = _count(client, posting_index.url)
    second_page, _ = _count(client, posting_index.url + "?seite=2")

    assert "200 offene Stellen" in response.text
    assert with_200 == with_20
    assert second_page == with_20
