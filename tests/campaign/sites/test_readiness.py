"""/readyz: whether this instance should get visitors, naming what it waits for;
/healthz stays liveness (the process and its database)."""

import socket
import time

import pytest
from django.core.files.storage import FileSystemStorage

from campaign.project.settings import object_storage
from tests.campaign.sites.test_error_pages import database_refuses_connections

pytestmark = pytest.mark.django_db


class UnreachableStorage(FileSystemStorage):
    """A storage out of reach, failing at once (boto3 would retry a closed
    port for seconds before it raised)."""

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


def test_with_object_storage_every_bucket_is_asked(client, object_storage):
    assert client.get("/readyz").json()["storage"] == "ok"

    # The applicants' bucket gone (a typo in S3_APPLICATIONS_BUCKET, a deleted
    # bucket): the next application would fail, so visitors wait.
    object_storage.client.delete_bucket(Bucket=object_storage.applications_bucket)
    ready = client.get("/readyz")

    assert ready.status_code == 503
    assert ready.json()["failing"] == ["storage"]
    assert client.get("/healthz").status_code == 200


def test_a_store_that_never_answers_fails_readiness_in_seconds(client, settings):
    # A host that takes the connection and then says nothing (an overloaded
    # store, a firewall's half-open state): the probe must answer before the
    # orchestrator's own timeout, not hang a worker for minutes.
    silent = socket.create_server(("127.0.0.1", 0))
    silent.listen(16)
    environ = {
        "S3_MEDIA_BUCKET": "medien",
        "S3_APPLICATIONS_BUCKET": "bewerbungen",
        "S3_ENDPOINT_URL": f"http://127.0.0.1:{silent.getsockname()[1]}",
        "S3_ACCESS_KEY_ID": "test",
        "S3_SECRET_ACCESS_KEY": "test",
        "S3_REGION": "eu-central-1",
    }
    settings.STORAGES = {**settings.STORAGES, **object_storage.storages(environ)}
    try:
        began = time.monotonic()
        ready = client.get("/readyz")
        waited = time.monotonic() - began
    finally:
        silent.close()

    assert ready.status_code == 503
    assert ready.json()["failing"] == ["storage"]
    assert waited < 10, f"/readyz wartete {waited:.0f} s"


def test_a_redis_that_is_down_is_named_and_liveness_stays(client, shared_cache):
    assert client.get("/readyz").json()["cache"] == "ok"

    shared_cache.stop()
    ready = client.get("/readyz")

    assert ready.status_code == 503
    assert ready.json()["failing"] == ["cache"]
    assert client.get("/healthz").status_code == 200

    shared_cache.start()
    assert client.get("/readyz").status_code == 200
