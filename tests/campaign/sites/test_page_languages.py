"""English beside German: URLs, the switcher, hreflang, and no page shown in a
language it is not written in (campaign/sites/page_languages.py)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from tests.support import count_queries

pytestmark = pytest.mark.django_db

HOST = "zukunftsorte.localhost"


def test_english_campaign_is_english_and_names_both_versions(client, demo_sites):
    response = client.get("/en/campaign/", HTTP_HOST=HOST)

    assert response.status_code == 200
    html = response.text
    assert '<html lang="en">' in html
    assert "The skilled-worker campaign" in html
    assert 'hreflang="en" href="http://zukunftsorte.localhost/en/campaign/"' in html
    assert 'hreflang="de" href="http://zukunftsorte.localhost/kampagne/"' in html
    assert 'hreflang="x-default" href="http://zukunftsorte.localhost/kampagne/"' in html
    # The switcher links the German page, named in German, and marks English as current.
    assert '<a href="/kampagne/" lang="de" hreflang="de">Deutsch</a>' in html
    assert '<span class="language-switcher__current" lang="en" aria-current="true">English' in html
    # The interface speaks English too (.po), not only the page.
    assert "Skip to content" in html


def test_english_pages_have_the_english_menu(client, demo_sites):
    def menu(html):
        nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group()
        return re.findall(r'href="([^"]+)"[^>]*>([^<]+)</a>', nav)

    english = menu(client.get("/en/campaign/", HTTP_HOST=HOST).text)
    german = menu(client.get("/kampagne/", HTTP_HOST=HOST).text)

    # Only what is written in English, under /en/; the German menu stays as it was.
    assert english
    assert all(href.startswith("/en/") for href, _title in english)
    assert ("/en/campaign/", "The skilled-worker campaign") in english
    assert ("/kampagne/", "Die Fachkräfte-Kampagne") in german
    assert not any(href.startswith("/en/") for href, _title in german)


def test_the_brand_leads_home_in_the_pages_language(client, demo_sites):
    def brand_link(html):
        return re.search(r'<a class="site-brand" href="([^"]+)"', html).group(1)

    assert brand_link(client.get("/en/campaign/", HTTP_HOST=HOST).text) == "/en/"
    assert brand_link(client.get("/kampagne/", HTTP_HOST=HOST).text) == "/"


def test_german_page_links_its_english_version(client, demo_sites):
    html = client.get("/kampagne/", HTTP_HOST=HOST).text

    assert '<html lang="de">' in html
    assert '<a href="/en/campaign/" lang="en" hreflang="en">English</a>' in html
    assert "Zum Inhalt springen" in html


def test_a_page_without_translation_has_no_switcher_and_no_hreflang(client, demo_sites):
    html = client.get("/wissenschaftshafen/", HTTP_HOST=HOST).text

    assert "language-switcher" not in html
    assert "hreflang" not in html


def test_a_page_missing_in_english_is_not_found_under_en(client, demo_sites):
    assert client.get("/en/wissenschaftshafen/", HTTP_HOST=HOST).status_code == 404


def test_site_without_english_sends_en_to_its_german_home(client, demo_sites):
    response = client.get("/en/", HTTP_HOST="mitte.localhost")

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_english_matcher_asks_in_english_and_ranks_by_the_german_criteria(client, demo_sites):
    german = client.get("/ort-finden/?branche=chemie&lebensumfeld=land", HTTP_HOST=HOST).text
    english = client.get(
        "/en/find-your-place/?branche=chemie&lebensumfeld=land", HTTP_HOST=HOST
    ).text

    assert "Which industry would you like to work in?" in english
    assert "In welcher Branche möchten Sie arbeiten?" not in english
    assert "country life" in english
    assert "In welcher Branche möchten Sie arbeiten?" in german

    def places(html):
        return re.findall(r"<h3[^>]*>\s*<a[^>]*>([^<]+)</a>", html)

    assert places(english) == places(german) != []


def test_the_english_page_costs_no_more_queries_than_the_german_one(client, demo_sites):
    client.get("/kampagne/", HTTP_HOST=HOST)
    german = count_queries(client, "/kampagne/", host=HOST)
    client.get("/en/campaign/", HTTP_HOST=HOST)
    english = count_queries(client, "/en/campaign/", host=HOST)

    # Routing to the English tree looks up the locale once more, the menu its English root.
    assert english <= german + 2, (english, german)


def test_rich_text_links_lead_to_the_readers_language_in_one_query(demo_sites):
    german = Page.objects.get(slug="kampagne")
    only_german = Page.objects.get(slug="wissenschaftshafen")
    html = "".join(f'<a linktype="page" id="{page.pk}">x</a>' for page in (german, only_german))

    with translation.override("en"):
        expand_db_html(html)  # warm: the cached site root paths tell each page's language
        with CaptureQueriesContext(connection) as queries:
            expanded = expand_db_html(html)

    assert 'href="http://zukunftsorte.localhost/en/campaign/"' in expanded
    assert 'href="http://zukunftsorte.localhost/wissenschaftshafen/"' in expanded
    # The linked pages (ids and types, then one query per type) and the
    # translations of all of them at once.
    assert len(queries) == 4
