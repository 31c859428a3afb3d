"""Teaser public, the rest for members (campaign/members/teaser.py), on the demo's
notebooks release: headline, lead and first paragraph for everyone, the figures
for Mitte's members only, and nowhere else."""

import io
import zipfile

import pytest
from wagtail.models import PageViewRestriction

from campaign.demo.builder import _member_part
from campaign.demo.content import MITTE
from campaign.members import accounts
from campaign.models import PressReleasePage
from campaign.sites.page_cache.middleware import STATUS_HEADER
from tests.support import get_with_query_budget, whole_sitemap

pytestmark = pytest.mark.django_db

HOST = "mitte.localhost"
RELEASE = "/presse/homeoffice/"
PASSWORD = "Sommer-am-Alex-2024"
PUBLIC = "nur wenige Handgriffe für die Beschäftigten"
FIGURES = ("3.222", "1.300")
NOTE = "Der weitere Inhalt ist nur für registrierte Mitglieder sichtbar"


def _member_of(site, email="leser@example.org"):
    user = accounts.register(email, PASSWORD, site)
    accounts.activate(user)
    return user


def test_a_visitor_reads_the_teaser_with_note_login_and_registration(client, demo_sites):
    client.get(RELEASE, HTTP_HOST=HOST)  # warm: branding, image renditions
    response = get_with_query_budget(client, RELEASE, host=HOST, max_queries=17)

    html = response.text
    assert "500 neue Notebooks für die Beschäftigten" in html
    assert "Im Bezirksamt Mitte wird mit modernsten Mitteln gearbeitet." in html
    assert PUBLIC in html
    assert NOTE in html
    assert 'action="/konto/anmelden/"' in html
    assert 'action="/konto/registrieren/"' in html
    assert 'name="captcha_token"' in html
    assert "Rechenaufgabe:" in html
    assert html.count(f'name="next" value="{RELEASE}"') == 2
    for figure in FIGURES:
        assert figure not in html
    # Forms with a CSRF token and a one-time captcha: no cache keeps the page,
    # but search engines index its public part.
    assert "no-cache" in response["Cache-Control"]
    assert "X-Robots-Tag" not in response
    again = client.get(RELEASE, HTTP_HOST=HOST)
    assert again.get(STATUS_HEADER) != "hit"
    assert again.text.count('name="captcha_token"') == 1
    assert again.text != html  # a fresh captcha and token each time
    # A `next` appended to the address changes nothing: the forms lead back here.
    hostile = client.get(RELEASE, {"next": "https://example.org/"}, HTTP_HOST=HOST)
    assert hostile.status_code == 200
    assert "https://example.org/" not in hostile.text


def test_a_member_of_mitte_logs_in_from_the_teaser_and_reads_the_figures(client, demo_sites):
    _member_of(demo_sites[1])

    login = client.post(
        "/konto/anmelden/",
        {"username": "leser@example.org", "password": PASSWORD, "next": RELEASE},
        HTTP_HOST=HOST,
    )
    release = client.get(RELEASE, HTTP_HOST=HOST)

    assert login["Location"] == RELEASE
    assert PUBLIC in release.text
    for figure in FIGURES:
        assert figure in release.text
    assert NOTE not in release.text
    assert "no-cache" in release["Cache-Control"]


def test_a_member_of_another_employer_reads_only_the_teaser(client, demo_sites):
    essen = next(site for site in demo_sites if site.hostname.startswith("jobcenter-essen"))
    client.force_login(_member_of(essen, "essen@example.org"))

    response = client.get(RELEASE, HTTP_HOST=HOST)

    assert response.status_code == 200
    assert PUBLIC in response.text
    assert "nicht zu dieser Website gehört" in response.text
    assert "Abmelden und hier registrieren" in response.text
    for figure in FIGURES:
        assert figure not in response.text


def test_listed_and_found_by_its_public_words_only(client, demo_sites):
    listing = client.get("/presse/", HTTP_HOST=HOST).text
    rss = client.get("/presse/rss/", HTTP_HOST=HOST).text
    atom = client.get("/presse/atom/", HTTP_HOST=HOST).text
    sitemap = whole_sitemap(client, host=HOST)
    public_search = client.get("/suche/", {"q": "Handgriffe"}, HTTP_HOST=HOST).text
    member_search = client.get("/suche/", {"q": "Infektionsketten"}, HTTP_HOST=HOST).text
    kit = zipfile.ZipFile(io.BytesIO(client.get(f"{RELEASE}presse-kit/", HTTP_HOST=HOST).content))
    kit_text = "\n".join(kit.read(name).decode() for name in kit.namelist() if name.endswith("txt"))

    assert f'href="{RELEASE}"' in listing
    assert f"http://{HOST}{RELEASE}" in rss
    assert f"http://{HOST}{RELEASE}" in atom
    assert f"http://{HOST}{RELEASE}" in sitemap
    assert f'href="{RELEASE}"' in public_search
    assert f'href="{RELEASE}"' not in member_search
    assert PUBLIC in kit_text
    for text in (listing, rss, atom, public_search, kit_text):
        for figure in FIGURES:
            assert figure not in text
        assert "Infektionsketten" not in text


def test_the_page_cache_never_holds_the_member_view(client, demo_sites):
    client.force_login(_member_of(demo_sites[1]))
    member_view = client.get(RELEASE, HTTP_HOST=HOST)
    client.logout()
    anonymous = client.get(RELEASE, HTTP_HOST=HOST, HTTP_COOKIE="")

    assert "3.222" in member_view.text
    assert "3.222" not in anonymous.text
    # The lists that show the release are stored; the release itself never.
    assert client.get("/presse/", HTTP_HOST=HOST, HTTP_COOKIE="")[STATUS_HEADER] == "miss"
    assert client.get("/presse/", HTTP_HOST=HOST, HTTP_COOKIE="")[STATUS_HEADER] == "hit"
    assert client.get(RELEASE, HTTP_HOST=HOST, HTTP_COOKIE="").get(STATUS_HEADER) is None


def test_load_demo_turns_the_formerly_private_release_into_the_teaser(demo_sites):
    # A demo loaded before teasers existed: the whole release private, no member part.
    release = PressReleasePage.objects.get(slug="homeoffice")
    release.member_body = []
    release.save()
    PageViewRestriction.objects.create(page=release, restriction_type=PageViewRestriction.LOGIN)
    spec = next(spec for spec in MITTE.press.releases if spec.slug == "homeoffice")

    _member_part(release, spec)
    _member_part(release, spec)  # and once more changes nothing

    release.refresh_from_db()
    assert "3.222" in str(release.member_body)
    assert PUBLIC in str(release.body)
    assert release.body[0].block_type == "image"
    assert not PageViewRestriction.objects.filter(page=release).exists()
