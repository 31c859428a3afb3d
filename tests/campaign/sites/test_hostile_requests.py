"""Hostile requests that used to end in a 500: each gets a 4xx now."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

UTF16_FORM = "application/x-www-form-urlencoded; charset=utf-16"


@pytest.mark.parametrize(
    "path",
    ["/admin/login/", "/konto/anmelden/", "/konto/registrieren/", "/stellenalarm/"],
)
def test_a_form_sent_in_utf16_is_a_bad_request(demo_sites, path):
    # As in production: the CSRF check reads the body, which cannot be decoded.
    client = Client(enforce_csrf_checks=True)
    client.get(path, HTTP_HOST="mitte.localhost")  # the form, and its CSRF cookie
    body = "username=a&password=b"  # the client encodes it as the header says

    response = client.post(path, body, content_type=UTF16_FORM, HTTP_HOST="mitte.localhost")

    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.text


@pytest.mark.parametrize("path", ["/admin/login/", "/konto/anmelden/"])
def test_a_login_with_an_overlong_name_is_refused_not_a_crash(client, demo_sites, path):
    response = client.post(
        path,
        {"username": "x" * 300 + "@example.org", "password": "falsch"},
        HTTP_HOST="mitte.localhost",
    )

    assert response.status_code in (200, 403, 422, 429)
    assert response.status_code < 500


@pytest.mark.parametrize(
    "query", ["q=%00", "q=Verwaltung%00", "kategorie=%00", "arbeitgeber=mitte%00.localhost"]
)
def test_a_nul_in_the_apis_parameters_is_refused_in_json(client, demo_sites, query):
    response = client.get(f"/api/v1/stellen?{query}", HTTP_HOST="mitte.localhost")

    assert 400 <= response.status_code < 500
    assert response.headers["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


@pytest.mark.parametrize(
    "url",
    [
        '/en/suche/?q=") UNION SELECT username,password FROM auth_user--',
        '/suche/?q="><zqx2 onmouseover=alert(1)>',
        '/api/v1/stellen?q=Verwaltung "(',
    ],
)
def test_search_syntax_in_a_query_is_searched_as_text(client, demo_sites, url):
    # SQLite's full-text index read `")` as its own syntax: the search failed as an outage.
    response = client.get(url, HTTP_HOST="mitte.localhost")

    assert response.status_code == 200
    assert "<zqx2" not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    ["/api/v1/stellen/99999999999999999999999", "/api/v1/stellen/%3Czqx%3E", "/api/v1/gibtsnicht/"],
)
def test_the_api_refuses_an_impossible_address_in_json(client, demo_sites, url):
    # A number beyond the database's integer failed there: a 500.
    response = client.get(url, HTTP_HOST="mitte.localhost")

    assert response.status_code in (400, 404)
    assert response.headers["Content-Type"].startswith("application/json")
