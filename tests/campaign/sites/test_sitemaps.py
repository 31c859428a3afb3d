"""campaign/sites/sitemaps.py: /sitemap.xml is an index of per-type parts,
each paginated, each read with a bounded number of queries."""

import math
import re

import pytest

from campaign.sites.sitemaps import PageSection
from careers.factories import JobPostingPageFactory
from careers.models import JobPostingIndexPage, JobPostingPage
from tests.support import count_queries, sitemap_parts, whole_sitemap

pytestmark = pytest.mark.django_db

HOST = "duesseldorf.localhost"


def locations(text):
    return re.findall(r"<loc>([^<]+)</loc>", text)


def open_posting_urls(site):
    postings = JobPostingPage.objects.live().public().open().descendant_of(site.root_page)
    return [posting.full_url for posting in postings]


def test_the_index_lists_a_part_for_pages_and_one_for_postings(client, demo_sites):
    assert sitemap_parts(client, host=HOST) == ["/sitemap-seiten.xml", "/sitemap-stellen.xml"]


def test_pages_and_open_postings_each_in_their_own_part(client, demo_sites):
    site = demo_sites[4]
    open_urls = set(open_posting_urls(site))
    expired = JobPostingPage.objects.live().descendant_of(site.root_page).expired()
    expired_urls = {posting.full_url for posting in expired}

    pages = locations(client.get("/sitemap-seiten.xml", HTTP_HOST=HOST).text)
    open_postings = locations(client.get("/sitemap-stellen.xml", HTTP_HOST=HOST).text)

    assert site.root_page.full_url in pages
    assert open_urls
    assert set(open_postings) == open_urls
    assert not open_urls & set(pages)
    assert not expired_urls & set(pages + open_postings)
    assert len(pages) == len(set(pages))


def test_english_pages_are_listed_under_en(client, demo_sites):
    sitemap = whole_sitemap(client, host="zukunftsorte.localhost")

    assert "<loc>http://zukunftsorte.localhost/en/</loc>" in sitemap
    assert "<loc>http://zukunftsorte.localhost/</loc>" in sitemap


def test_an_unknown_part_or_page_of_a_part_is_not_found(client, demo_sites):
    assert client.get("/sitemap-gibtsnicht.xml", HTTP_HOST=HOST).status_code == 404
    assert client.get("/sitemap-stellen.xml?p=99", HTTP_HOST=HOST).status_code == 404
    assert client.get("/sitemap-stellen.xml?p=zwei", HTTP_HOST=HOST).status_code == 404


def test_a_part_with_more_entries_than_its_limit_goes_on_over_pages(
    client, demo_sites, monkeypatch
):
    open_urls = open_posting_urls(demo_sites[4])
    monkeypatch.setattr(PageSection, "limit", 4)

    parts = [part for part in sitemap_parts(client, host=HOST) if "stellen" in part]
    pages = [locations(client.get(part, HTTP_HOST=HOST).text) for part in parts]

    assert len(open_urls) > 8
    assert parts == ["/sitemap-stellen.xml"] + [
        f"/sitemap-stellen.xml?p={number}" for number in range(2, math.ceil(len(open_urls) / 4) + 1)
    ]
    assert all(len(page) <= 4 for page in pages)
    # Each posting once, none lost between pages.
    assert sorted(loc for page in pages for loc in page) == sorted(open_urls)


def _queries(client, url):
    return count_queries(client, url, host=HOST)  # rendered afresh, not from the page cache


def test_each_part_needs_the_same_few_queries_however_many_postings(client, demo_sites):
    index = JobPostingIndexPage.objects.descendant_of(demo_sites[4].root_page).first()
    urls = ["/sitemap.xml", "/sitemap-seiten.xml", "/sitemap-stellen.xml"]
    client.get("/sitemap.xml", HTTP_HOST=HOST)  # Wagtail's site root paths, cached
    before = [_queries(client, url) for url in urls]

    for number in range(30):
        JobPostingPageFactory(parent=index, title=f"Weitere Stelle {number}")
    after = [_queries(client, url) for url in urls]
    postings = locations(client.get("/sitemap-stellen.xml", HTTP_HOST=HOST).text)

    assert after == before
    assert max(after) <= 7
    assert sum("/weitere-stelle-" in loc for loc in postings) == 30


def test_translated_pages_name_each_language_as_hreflang_alternates(client, demo_sites):
    text = client.get("/sitemap-seiten.xml", HTTP_HOST="zukunftsorte.localhost").text
    entries = {locations(entry)[0]: entry for entry in re.findall(r"<url>.*?</url>", text, re.S)}
    german, english = "http://zukunftsorte.localhost/", "http://zukunftsorte.localhost/en/"
    alternates = [
        f'<xhtml:link rel="alternate" hreflang="de" href="{german}"/>',
        f'<xhtml:link rel="alternate" hreflang="en" href="{english}"/>',
    ]

    for location in (german, english):
        assert all(alternate in entries[location] for alternate in alternates)
    # A page only in German names no alternates.
    assert "xhtml:link" not in client.get("/sitemap-seiten.xml", HTTP_HOST=HOST).text
