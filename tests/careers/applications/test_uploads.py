"""What visitors send is bounded before it is read, and their files never wait on disk
in plain text (careers/applications/uploads.py)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from careers.applications import storage
from careers.applications.uploads import MAX_PUBLIC_REQUEST_BYTES
from careers.models import Application
from tests.careers.applications.conftest import HOST, apply_url, make_large_pdf


class WatchedBody(io.BytesIO):
    """A request body that remembers how much of it the server read."""

    def __init__(self, content):
        super().__init__(content)
        self.bytes_read = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk

    def readline(self, size=-1):
        line = super().readline(size)
        self.bytes_read += len(line)
        return line


def _multipart(data):
    """The application form's body as a browser encodes it."""
    return encode_multipart(BOUNDARY, data), MULTIPART_CONTENT


def test_a_post_claiming_200_mb_is_answered_413_unread(client, posting, valid_data, pdf_bytes):
    body, content_type = _multipart({**valid_data, "documents": []})
    watched = WatchedBody(body)

    response = client.generic(
        "POST",
        apply_url(posting),
        body,
        content_type=content_type,
        HTTP_HOST=HOST,
        CONTENT_LENGTH=str(200 * 1024 * 1024),
        **{"wsgi.input": watched},
    )

    assert response.status_code == 413
    assert "Zu große Sendung" in response.text
    assert "größer als 31,0\xa0MB" in response.text
    assert "bis zu drei PDF-Dateien mit je höchstens 10 MB" in response.text
    assert watched.bytes_read == 0
    assert not Application.objects.exists()


def test_the_limit_leaves_room_for_three_full_documents_and_the_letter(client, posting, valid_data):
    body, content_type = _multipart({**valid_data, "documents": []})
    just_fits = 3 * 10 * 1024 * 1024 + 60_000

    assert just_fits < MAX_PUBLIC_REQUEST_BYTES
    # Announced within the limit (the body is short, so the form sees no files).
    response = client.generic(
        "POST",
        apply_url(posting),
        body,
        content_type=content_type,
        HTTP_HOST=HOST,
        CONTENT_LENGTH=str(len(body)),
    )
    assert response.status_code == 422


def test_a_body_of_unknown_length_is_refused_unread(client, posting, valid_data):
    body, content_type = _multipart(valid_data)
    watched = WatchedBody(body)

    response = client.generic(
        "POST",
        apply_url(posting),
        body,
        content_type=content_type,
        HTTP_HOST=HOST,
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": watched},
    )

    assert response.status_code == 411
    assert watched.bytes_read == 0


def test_a_large_pdf_waits_in_memory_and_is_stored_encrypted(
    client, posting, valid_data, settings, tmp_path, django_capture_on_commit_callbacks
):
    # Where Django would spool uploads over 2.5 MB: a folder that does not
    # exist, so any attempt to write there would fail the request.
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "spool")
    large = make_large_pdf(megabytes=3)
    assert len(large) > settings.FILE_UPLOAD_MAX_MEMORY_SIZE

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            apply_url(posting),
            {**valid_data, "documents": [SimpleUploadedFile("Zeugnisse.pdf", large)]},
            HTTP_HOST=HOST,
        )

    assert response.status_code == 303
    assert not (tmp_path / "spool").exists()
    document = Application.objects.get().documents.get()
    assert document.size == len(large)
    on_disk = storage.path_of(document.pk).read_bytes()
    assert b"%PDF" not in on_disk
    assert storage.read(document.pk) == large


def test_staff_uploads_in_the_admin_keep_djangos_own_limits(client, db):
    # Films are larger than any application; the admin is not held to the visitors' limit.
    body, content_type = _multipart({"username": "redaktion", "password": "x"})
    watched = WatchedBody(body)

    response = client.generic(
        "POST",
        "/admin/login/",
        body,
        content_type=content_type,
        CONTENT_LENGTH=str(MAX_PUBLIC_REQUEST_BYTES + 1),
        **{"wsgi.input": watched},
    )

    assert response.status_code != 413
    assert watched.bytes_read == len(body)


def test_the_api_answers_a_body_too_large_in_json(client, db):
    response = client.generic(
        "POST",
        "/api/v1/postings",
        b"{}",
        content_type="application/json",
        HTTP_HOST=HOST,
        CONTENT_LENGTH=str(200 * 1024 * 1024),
        **{"wsgi.input": WatchedBody(b"{}")},
    )

    assert response.status_code == 413
    assert response.json() == {"detail": "Die Anfrage ist zu groß."}
