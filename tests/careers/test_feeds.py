"""careers/feeds.py: RSS and Atom of open postings, per site and per job field."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from careers.factories import JobFieldPageFactory
from tests.careers.conftest import HOST
from tests.support import get_with_query_budget

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)
ATOM = "{http://www.w3.org/2005/Atom}"


def _rss_titles(response):
    channel = ET.fromstring(response.content).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


def test_site_feed_lists_open_postings_newest_first(client, make_posting, posting_index):
    older = make_posting(title="Ältere Stelle")
    older.first_published_at = timezone.now() - datetime.timedelta(days=30)
    older.save()
    make_posting(title="Neue Stelle", application_deadline=timezone.localdate())
    make_posting(title="Vorbei", application_deadline=YESTERDAY)

    # A first visit: with the site lookup, its locale and the branding (which
    # reads the site's pages in Leichte Sprache and Gebärdensprache once).
    response = get_with_query_budget(client, f"{posting_index.url}rss/", host=HOST, max_queries=13)

    assert response["Content-Type"].startswith("application/rss+xml")
    assert _rss_titles(response) == ["Neue Stelle", "Ältere Stelle"]
    channel = ET.fromstring(response.content).find("channel")
    assert "Bezirksamt Beispiel" in channel.findtext("title")
    item = channel.find("item")
    assert item.findtext("link").startswith(f"http://{HOST}/")
    assert "Bewerbungsfrist:" in item.findtext("description")
    assert item.findtext("category") == "Allgemeine Verwaltung"


def test_job_field_feed_has_only_its_postings(client, make_posting, job_field_index, tvoed):
    other_field = JobFieldPageFactory(parent=job_field_index, title="Gesundheit")
    make_posting(title="Verwaltungsstelle")
    make_posting(title="Gesundheitsstelle", job_field=other_field)

    response = client.get(f"{other_field.url}rss/", HTTP_HOST=HOST)

    assert _rss_titles(response) == ["Gesundheitsstelle"]


def test_atom_feed(client, make_posting, posting_index):
    make_posting(title="Neue Stelle")

    response = client.get(f"{posting_index.url}atom/", HTTP_HOST=HOST)

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")] == ["Neue Stelle"]
    assert feed.find(f"{ATOM}entry").findtext(f"{ATOM}updated")


def test_feed_query_count_does_not_grow_with_postings(client, make_posting, posting_index):
    make_posting(title="Eins")
    few = get_with_query_budget(client, f"{posting_index.url}rss/", host=HOST, max_queries=13)
    for number in range(30):
        make_posting(title=f"Stelle {number}")

    many = get_with_query_budget(client, f"{posting_index.url}rss/", host=HOST, max_queries=12)

    assert len(_rss_titles(few)) == 1
    assert len(_rss_titles(many)) == 31
