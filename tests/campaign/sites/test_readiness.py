"""/readyz: whether this instance should get visitors, naming what it waits for;
/healthz stays liveness (the process and its database)."""

import pytest
from django.core.files.storage import FileSystemStorage

from tests.campaign.sites.test_error_pages import database_refuses_connections

pytestmark = pytest.mark.django_db


class UnreachableStorage(FileSystemStorage):
    """An object store out of reach: no S3 client is installed to point at a
    closed port, so this raises as boto3 would."""

    def exists(self, name):
        raise OSError("Speicher nicht erreichbar")


def test_ready_names_every_part(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "storage": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_a_database_that_refuses_makes_both_checks_fail(client):
    with database_refuses_connections():
        ready = client.get("/readyz")
        alive = client.get("/healthz")

    assert ready.status_code == 503
    assert ready.json()["failing"] == ["database"]
    assert ready.json()["cache"] == "ok"
    assert alive.status_code == 503


def test_an_unreachable_media_storage_is_named_and_liveness_stays(client, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.UnreachableStorage"},
    }

    ready = client.get("/readyz")

    assert ready.status_code == 503
    assert ready.json() == {
        "status": "unavailable",
        "database": "ok",
        "cache": "ok",
        "storage": "down",
        "failing": ["storage"],
    }
    assert client.get("/healthz").status_code == 200


def test_a_redis_that_is_down_is_named_and_liveness_stays(client, shared_cache):
    assert client.get("/readyz").json()["cache"] == "ok"

    shared_cache.stop()
    ready = client.get("/readyz")

    assert ready.status_code == 503
    assert ready.json()["failing"] == ["cache"]
    assert client.get("/healthz").status_code == 200

    shared_cache.start()
    assert client.get("/readyz").status_code == 200
