"""Error pages speak German and wear the employer's look, even without a database.

No database server is stopped here: making every connection attempt fail has
the same effect on a request and runs on SQLite too. The real outage is
test_database_outage.py.
"""

from unittest.mock import patch

import pytest
from django.db import OperationalError, connections
from django.test import Client

from campaign.models import HomePage
from campaign.sites import page_cache

HOST = "mitte.localhost"
EMPLOYER = "Bezirksamt Mitte von Berlin"


@pytest.fixture
def visitor(demo_sites):
    # Like a browser: the response to an exception, not the exception itself.
    return Client(raise_request_exception=False, HTTP_HOST=HOST)


def database_refuses_connections():
    """Every query fails the way it does while the server is down."""
    refused = OperationalError("connection refused (im Test simuliert)")
    return patch.object(type(connections["default"]), "ensure_connection", side_effect=refused)


def test_database_outage_gives_a_branded_503(visitor):
    assert visitor.get("/").status_code == 200  # a page view caches the branding

    with database_refuses_connections():
        stored = visitor.get("/")
        response = visitor.get("/imagefilm/")

    # A page the page cache holds is still there; any other is a 503.
    assert stored.status_code == 200
    assert stored["X-Page-Cache"] == "hit"

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert '<html lang="de">' in response.text
    assert "Gleich sind wir wieder da" in response.text
    assert EMPLOYER in response.text


def test_database_outage_before_any_page_view_falls_back_to_stellwerk(visitor):
    with database_refuses_connections():
        response = visitor.get("/imagefilm/")

    assert response.status_code == 503
    assert "Gleich sind wir wieder da" in response.text
    assert "Stellwerk" in response.text


def test_health_check_reports_the_outage(visitor):
    assert visitor.get("/healthz").json() == {"status": "ok", "database": "ok"}

    with database_refuses_connections():
        response = visitor.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_unknown_address_gives_a_german_404_of_the_site(visitor):
    response = visitor.get("/gibt-es-nicht/")

    assert response.status_code == 404
    assert '<html lang="de">' in response.text
    assert "Diese Seite gibt es nicht" in response.text
    assert EMPLOYER in response.text


def test_programming_error_gives_a_branded_500_not_a_503(visitor):
    visitor.get("/")
    page_cache.store.clear()  # rendered again, not served from the page cache

    with patch.object(HomePage, "serve", side_effect=RuntimeError("Fehler im Test")):
        response = visitor.get("/")

    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Da ist etwas schiefgegangen" in response.text
    assert EMPLOYER in response.text


def test_a_form_sent_without_its_security_cookie_gets_a_german_403_of_the_site(demo_sites):
    browser = Client(enforce_csrf_checks=True, HTTP_HOST=HOST)

    response = browser.post("/konto/registrieren/", {"email": "neu@example.org"})

    assert response.status_code == 403
    assert '<html lang="de">' in response.text
    assert "Das Formular ist abgelaufen" in response.text
    assert "Zurück-Taste" in response.text
    assert EMPLOYER in response.text


def test_a_host_this_installation_does_not_serve_gets_a_plain_german_400(demo_sites):
    stranger = Client(raise_request_exception=False, HTTP_HOST="fremd.example")

    response = stranger.get("/")

    assert response.status_code == 400
    assert '<html lang="de">' in response.text
    assert "Ungültige Anfrage" in response.text


def test_the_api_answers_an_outage_in_json(visitor):
    with database_refuses_connections():
        response = visitor.get("/api/v1/stellen")

    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert response["Retry-After"] == "30"
    assert "wieder da" in response.json()["detail"]
