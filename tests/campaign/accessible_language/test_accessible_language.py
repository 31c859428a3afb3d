"""Leichte Sprache and Gebärdensprache (§ 4 BITV 2.0): the two pages of each
site, and the header links to them on every page, from the cached branding."""

import re
import shutil

import pytest

from campaign.factories import (
    EasyLanguagePageFactory,
    SignLanguagePageFactory,
    SiteFactory,
    StandardPageFactory,
)
from campaign.models import EasyLanguagePage, HomePage, SignLanguagePage
from tests.support import get_with_query_budget, queries_of, same_queries, skip_unless_available

pytestmark = pytest.mark.django_db

HOST = "mitte.localhost"
EASY_LINK = 'href="/leichte-sprache/"'
SIGN_LINK = 'href="/gebaerdensprache/"'
# A warm visit costs 13 like any page (routing with its locale, menu, settings); the page links
# in the four Leichte Sprache texts +1 for their types and +1 per page type
# (Mitte's texts link 7: one pass for all four texts); the DGS page's four films
# come with their versions and tracks in 3.
EASY_BUDGET = 21
SIGN_BUDGET = 16


# Without the demo first: a module's first test with `demo_sites` puts the demo
# in place for the rest of the module.


def test_only_a_site_with_the_pages_links_them(client):
    with_pages = SiteFactory(hostname="mit.localhost")
    EasyLanguagePageFactory(parent=with_pages.root_page)
    SignLanguagePageFactory(parent=with_pages.root_page)
    without = SiteFactory(hostname="ohne.localhost")

    assert EASY_LINK in client.get("/", HTTP_HOST="mit.localhost").text
    assert SIGN_LINK in client.get("/leichte-sprache/", HTTP_HOST="mit.localhost").text
    assert "accessibility-links" not in client.get("/", HTTP_HOST=without.hostname).text


def test_a_page_without_films_shows_its_summaries(client):
    site = SiteFactory(hostname="ohne-filme.localhost")
    SignLanguagePageFactory(parent=site.root_page)

    response = client.get("/gebaerdensprache/", HTTP_HOST=site.hostname)

    assert response.status_code == 200
    assert "Worum es auf dieser Website geht." in response.text
    assert "<video" not in response.text


def test_one_page_of_each_kind_per_site_below_its_home():
    home = SiteFactory().root_page
    other = SiteFactory().root_page
    EasyLanguagePageFactory(parent=home)
    SignLanguagePageFactory(parent=home)
    content = StandardPageFactory(parent=other)

    assert not EasyLanguagePage.can_create_at(home)
    assert not SignLanguagePage.can_create_at(home)
    assert EasyLanguagePage.can_create_at(other)
    assert SignLanguagePage.can_create_at(other)
    assert not EasyLanguagePage.can_create_at(content)


def _films_expected():
    skip_unless_available(shutil.which("ffmpeg"), "ffmpeg fehlt: apt-get install ffmpeg")


def test_easy_language_page_answers_four_questions_in_large_type(client, demo_sites):
    response = client.get("/leichte-sprache/", HTTP_HOST=HOST)

    assert response.status_code == 200
    html = response.text
    assert '<html lang="de">' in html
    # The large type of Leichte Sprache applies within this class alone (the
    # browser test measures it).
    assert '<article class="easy-language">' in html
    headings = re.findall(r'<h2 class="easy-language__heading"[^>]*>([^<]+)</h2>', html)
    assert headings == [
        "Was steht auf dieser Internet·seite?",
        "Wie finde ich mich auf der Internet·seite zurecht?",
        "Ist die Internet·seite barriere·frei?",
        "Wo gibt es mehr in Leichter Sprache?",
    ]
    assert "Das ist die Internet·seite von Bezirksamt Mitte von Berlin." in html
    assert "Nicht alles auf dieser Seite ist barriere·frei." in html
    # Links inside the text lead to the site's own pages.
    assert 'href="/barrierefreiheit/"' in html
    assert 'href="/gebaerdensprache/"' in html


def test_other_pages_keep_the_usual_type(client, demo_sites):
    html = client.get("/", HTTP_HOST=HOST).text

    assert "easy-language" not in html


def test_sign_language_page_shows_four_films_with_size_and_duration(client, demo_sites):
    _films_expected()
    response = client.get("/gebaerdensprache/", HTTP_HOST=HOST)

    assert response.status_code == 200
    html = response.text
    assert html.count("<video") == 4
    assert html.count('<track kind="subtitles" srclang="de"') == 4
    assert html.count(" download>") == 4
    assert html.count("4 Sek.") >= 4
    assert len(re.findall(r"\(MP4, [\d,]+ (?:KB|Byte)", html)) == 4
    # The DGS symbol marks the page and each part, with its text alternative.
    assert html.count('alt="Deutsche Gebärdensprache"') >= 5
    assert "Die vier Filme sind Platzhalter." in html
    for heading in ("Hinweise zur Navigation", "Informationen zum Inhalt der Website"):
        assert heading in html


def test_an_unknown_version_plays_the_sign_language_version(client, demo_sites):
    _films_expected()
    response = client.get("/gebaerdensprache/?fassung=%3Cscript%3E", HTTP_HOST=HOST)

    assert response.status_code == 200
    assert response.text.count("<video") == 4
    assert "<script>" not in response.text


@pytest.mark.parametrize(
    ("url", "budget"), [("/leichte-sprache/", EASY_BUDGET), ("/gebaerdensprache/", SIGN_BUDGET)]
)
def test_both_pages_stay_within_their_query_budget(client, demo_sites, url, budget):
    client.get(url, HTTP_HOST=HOST)  # warm: branding, renditions

    get_with_query_budget(client, url, host=HOST, max_queries=budget)


@pytest.mark.parametrize("url", ["/", "/presse/", "/veranstaltungen/", "/leichte-sprache/"])
def test_every_page_of_the_site_links_both_pages_in_its_header(client, demo_sites, url):
    host = "duesseldorf.localhost" if "veranstaltungen" in url else HOST
    html = client.get(url, HTTP_HOST=host).text

    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    assert EASY_LINK in header
    assert SIGN_LINK in header
    assert ">Leichte Sprache</span>" in header
    assert 'alt="Deutsche Gebärdensprache"' in header


def test_the_directory_of_the_installation_links_its_own_pages(client, demo_sites):
    directory = client.get("/", HTTP_HOST="localhost").text
    easy = client.get("/leichte-sprache/", HTTP_HOST="localhost")
    sign = client.get("/gebaerdensprache/", HTTP_HOST="localhost")

    header = directory.split("<header", 1)[1].split("</header>", 1)[0]
    assert EASY_LINK in header
    assert SIGN_LINK in header
    assert easy.status_code == 200
    assert "eine Liste mit Arbeit·gebern" in easy.text
    assert sign.status_code == 200


def test_the_links_cost_no_query(client, demo_sites):
    client.get("/presse/", HTTP_HOST=HOST)  # warm: branding
    with_links = queries_of(client, "/presse/", host=HOST)
    for page_type in (EasyLanguagePage, SignLanguagePage):
        page_type.objects.child_of(_mitte()).get().unpublish()
    client.get("/presse/", HTTP_HOST=HOST)
    without_links = queries_of(client, "/presse/", host=HOST)

    assert same_queries(with_links, without_links)


def test_unpublishing_takes_the_link_away_at_once(client, demo_sites):
    assert EASY_LINK in client.get("/", HTTP_HOST=HOST).text  # cached now

    EasyLanguagePage.objects.child_of(_mitte()).get().unpublish()
    html = client.get("/", HTTP_HOST=HOST).text

    assert EASY_LINK not in html
    assert SIGN_LINK in html
    # Other sites keep theirs.
    assert EASY_LINK in client.get("/", HTTP_HOST="duesseldorf.localhost").text


def test_publishing_again_brings_the_link_back(client, demo_sites):
    page = EasyLanguagePage.objects.child_of(_mitte()).get()
    page.unpublish()
    assert EASY_LINK not in client.get("/", HTTP_HOST=HOST).text

    page.save_revision().publish()

    assert EASY_LINK in client.get("/", HTTP_HOST=HOST).text


def test_deleting_or_moving_the_page_takes_the_link_away(client, demo_sites):
    assert SIGN_LINK in client.get("/", HTTP_HOST=HOST).text
    SignLanguagePage.objects.child_of(_mitte()).get().delete()
    assert SIGN_LINK not in client.get("/", HTTP_HOST=HOST).text

    assert EASY_LINK in client.get("/", HTTP_HOST=HOST).text
    press = _mitte().get_children().get(slug="presse")
    EasyLanguagePage.objects.child_of(_mitte()).get().move(press, pos="last-child")
    assert EASY_LINK not in client.get("/", HTTP_HOST=HOST).text


def _mitte():
    return HomePage.objects.get(slug="mitte")
