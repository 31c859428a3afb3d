"""Member-only pages (Wagtail's privacy "logged-in users"): the explanation for
visitors, the page for members, and nothing of it in listings for anyone else."""

import pytest
from wagtail.models import PageViewRestriction

from campaign.members import accounts
from campaign.models import PressReleasePage
from tests.support import whole_sitemap

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fully_private_release")]

HOST = "mitte.localhost"
RELEASE = "/presse/homeoffice/"


def test_a_visitor_is_told_the_page_is_for_members_with_login_and_registration(client, demo_sites):
    response = client.get(RELEASE, HTTP_HOST=HOST, follow=True)

    assert response.redirect_chain == [("/konto/anmelden/?next=/presse/homeoffice/", 302)]
    assert response.status_code == 200
    html = response.text
    assert "Dieser Inhalt ist nur für registrierte Mitglieder sichtbar" in html
    assert "„500 neue Notebooks für die Beschäftigten“" in html
    assert 'name="username"' in html
    assert 'name="next" value="/presse/homeoffice/"' in html
    assert 'href="/konto/registrieren/?next=%2Fpresse%2Fhomeoffice%2F"' in html
    # The notebooks themselves stay behind the login.
    assert "Bis Weihnachten" not in html
    registration = client.get("/konto/registrieren/?next=%2Fpresse%2Fhomeoffice%2F", HTTP_HOST=HOST)
    assert "Dieser Inhalt ist nur für registrierte Mitglieder sichtbar" in registration.text
    assert 'name="next" value="/presse/homeoffice/"' in registration.text


def test_the_login_explains_nothing_for_open_pages_or_other_hosts(client, demo_sites):
    for next_url in ("/presse/", "/konto/", "http://example.org/presse/homeoffice/"):
        html = client.get("/konto/anmelden/", {"next": next_url}, HTTP_HOST=HOST).text
        assert "nur für registrierte Mitglieder" not in html, next_url
    assert "example.org" not in html


def test_a_member_logs_in_and_lands_on_the_page(client, demo_sites):
    accounts.activate(accounts.register("leser@example.org", "Sommer-am-Alex-2024", demo_sites[1]))

    login = client.post(
        "/konto/anmelden/",
        {"username": "leser@example.org", "password": "Sommer-am-Alex-2024", "next": RELEASE},
        HTTP_HOST=HOST,
    )
    release = client.get(RELEASE, HTTP_HOST=HOST)

    assert login["Location"] == RELEASE
    assert release.status_code == 200
    assert "Bis Weihnachten" in release.text
    assert release["Cache-Control"].startswith("max-age=0")  # never in a shared cache


def test_the_release_is_nowhere_a_visitor_looks(client, demo_sites):
    in_sitemap = whole_sitemap(client, host=HOST)
    in_search = client.get("/suche/?q=Notebooks", HTTP_HOST=HOST).text
    in_rss = client.get("/presse/rss/", HTTP_HOST=HOST).text
    in_atom = client.get("/presse/atom/", HTTP_HOST=HOST).text
    in_directory_search = client.get("/suche/?q=Notebooks", HTTP_HOST="localhost").text

    assert "/presse/imagefilm-online/" in in_sitemap  # an open release is there
    for where, text in [
        ("sitemap", in_sitemap),
        ("Suche", in_search),
        ("RSS", in_rss),
        ("Atom", in_atom),
        ("Suche aller Arbeitgeber", in_directory_search),
    ]:
        assert "homeoffice" not in text, where


def test_without_the_restriction_the_release_is_listed_again(client, demo_sites):
    release = PressReleasePage.objects.get(slug="homeoffice")
    PageViewRestriction.objects.filter(page=release).delete()

    assert "/presse/homeoffice/" in whole_sitemap(client, host=HOST)
    assert 'href="/presse/homeoffice/"' in client.get("/presse/", HTTP_HOST=HOST).text
