import json

import pytest
from django.db import OperationalError

from tests.support import whole_sitemap

pytestmark = pytest.mark.django_db


def test_healthz_reports_a_working_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_503_when_the_database_refuses(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content)["status"] == "unavailable"


def test_robots_txt_points_to_the_sitemap_of_the_same_host(client, demo_sites):
    response = client.get("/robots.txt", HTTP_HOST="mitte.localhost")

    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://mitte.localhost/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text


def test_sitemap_lists_the_live_pages_of_its_site_only(client, demo_sites):
    sitemap = whole_sitemap(client, host="mitte.localhost")

    assert "<loc>http://mitte.localhost/imagefilm/</loc>" in sitemap
    assert "<lastmod>" in sitemap
    assert "duesseldorf" not in sitemap


def test_unpublished_page_is_not_in_the_sitemap(client, demo_sites):
    from campaign.models import CampaignPage

    page = CampaignPage.objects.get(slug="imagefilm")
    page.unpublish()

    assert "/imagefilm/" not in whole_sitemap(client, host="mitte.localhost")
