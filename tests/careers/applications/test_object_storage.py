"""Applicants' documents in object storage (careers/applications/storage.py with
S3_APPLICATIONS_BUCKET), against moto's S3 server: a bucket of their own,
encrypted by the app as on disk, handed out only by the app to HR."""

import datetime
import uuid

import pytest
from django.utils import timezone

from campaign.sites.roles import HR
from careers.applications import retention, services, storage
from tests.careers.applications.conftest import HOST, make_pdf, user_in
from tests.support import login_with_second_factor

pytestmark = pytest.mark.django_db

ADMIN_HOST = "localhost"
PDF = make_pdf("Lebenslauf von Ada Muster, geboren in Wuppertal")


@pytest.fixture
def application(object_storage, posting, valid_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.submit(posting, valid_data, [("Lebenslauf.pdf", PDF)])


def test_a_document_is_stored_encrypted_in_its_own_bucket_and_hr_downloads_the_original(
    client, object_storage, application, settings
):
    document = application.documents.get()
    key = storage.name_of(document.pk)

    assert object_storage.keys(object_storage.applications_bucket) == [key]
    assert object_storage.keys(object_storage.media_bucket) == []
    assert not settings.APPLICATION_FILES_ROOT.exists()
    raw = object_storage.object(object_storage.applications_bucket, key)
    # Not the PDF, nor any stretch of it: only ciphertext leaves the app.
    assert b"%PDF" not in raw
    assert not any(PDF[start : start + 16] in raw for start in range(0, len(PDF) - 16, 16))
    private_url = object_storage.bucket_url(object_storage.applications_bucket, key)
    assert object_storage.anonymous_get(private_url)[0] == 403

    login_with_second_factor(client, user_in(HOST, HR))
    download = client.get(f"/admin/bewerbungen/unterlage/{document.pk}/", HTTP_HOST=ADMIN_HOST)

    assert download.status_code == 200
    assert download.content == PDF
    assert download["Content-Disposition"] == 'attachment; filename="Lebenslauf.pdf"'


def test_the_sweep_removes_orphaned_objects_and_keeps_documents_with_their_row(
    object_storage, application
):
    kept = storage.name_of(application.documents.get().pk)
    orphan = storage.write(uuid.uuid4(), make_pdf("verwaist"))  # its row never committed
    later = timezone.now() + retention.ORPHAN_GRACE + datetime.timedelta(minutes=5)

    assert retention.delete_orphaned_files(now=later) == 1

    assert object_storage.keys(object_storage.applications_bucket) == [kept]
    assert orphan != kept
    assert storage.read(application.documents.get().pk) == PDF
