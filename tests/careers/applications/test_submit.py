"""An application received: receipt number, mail with withdrawal link, encrypted files
outside MEDIA_ROOT, all or nothing, and withdrawn at once."""

import re
import uuid

import pytest
from django.conf import settings
from django.core import mail
from django.db import IntegrityError, transaction

from careers.applications import services, storage
from careers.models import Application, ApplicationDocument
from tests.careers.applications.conftest import HOST, apply_url

RECEIPT = re.compile(r"B-\d{4}-[2-9A-HJ-NP-Z]{6}")


def _stored_files():
    root = settings.APPLICATION_FILES_ROOT
    return sorted(path.name for path in root.iterdir()) if root.exists() else []


def _apply(client, posting, valid_data, files, capture):
    with capture(execute=True):
        return client.post(apply_url(posting), {**valid_data, "documents": files}, HTTP_HOST=HOST)


def test_an_application_is_received_confirmed_and_stored_encrypted(
    client, posting, valid_data, pdf, pdf_bytes, django_capture_on_commit_callbacks
):
    response = _apply(client, posting, valid_data, [pdf], django_capture_on_commit_callbacks)

    assert response.status_code == 303
    assert response["Location"].endswith("/bewerben/danke/")
    application = Application.objects.get()
    assert RECEIPT.fullmatch(application.receipt_number)
    assert application.posting_id == posting.pk
    assert (application.first_name, application.city) == ("Ada", "Düsseldorf")
    assert application.severe_disability is True
    assert application.talent_pool is False
    thanks = client.get(response["Location"], HTTP_HOST=HOST)
    assert application.receipt_number in thanks.text
    assert "Vielen Dank für Ihre Bewerbung" in thanks.text

    (message,) = mail.outbox
    assert message.to == ["ada@example.org"]
    assert application.receipt_number in message.subject
    assert application.receipt_number in message.body
    link = re.search(r"http://\S+/bewerbung/zurueckziehen/\S+/", message.body).group(0)
    assert link.startswith(f"http://{HOST}")

    (document,) = application.documents.all()
    assert document.original_name == "Lebenslauf_Ada.pdf"
    assert document.size == len(pdf_bytes)
    stored = storage.path_of(document.pk)
    assert _stored_files() == [document.pk.hex]  # its uuid, nothing the applicant named
    assert not stored.resolve().is_relative_to(settings.MEDIA_ROOT.resolve())
    on_disk = stored.read_bytes()
    assert b"%PDF" not in on_disk
    assert b"Lebenslauf" not in on_disk
    assert storage.read(document.pk) == pdf_bytes


def test_a_changed_file_or_one_under_another_name_is_refused(pdf_bytes):
    first, second = uuid.uuid4(), uuid.uuid4()
    storage.write(first, pdf_bytes)
    storage.write(second, b"%PDF-1.4 other")

    changed = bytearray(storage.path_of(first).read_bytes())
    changed[40] ^= 0x01
    storage.path_of(first).write_bytes(bytes(changed))
    with pytest.raises(storage.UnreadableDocument):
        storage.read(first)

    # The second file's content under the first one's name: its id is the associated data.
    storage.path_of(first).write_bytes(storage.path_of(second).read_bytes())
    with pytest.raises(storage.UnreadableDocument):
        storage.read(first)
    assert storage.read(second) == b"%PDF-1.4 other"


def test_a_failing_insert_leaves_neither_rows_nor_files(posting, valid_data, pdf_bytes):
    # The second document is empty: the database's check constraint refuses its row
    # after both files were written.
    documents = [("eins.pdf", pdf_bytes), ("leer.pdf", b"")]

    with pytest.raises(IntegrityError):
        services.submit(posting, valid_data, documents)

    assert not Application.objects.exists()
    assert not ApplicationDocument.objects.exists()
    assert _stored_files() == []


def test_files_go_only_after_their_rows_deletion_is_committed(
    posting, valid_data, pdf_bytes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = services.submit(posting, valid_data, [("cv.pdf", pdf_bytes)])
    document = application.documents.get()

    def delete_then_fail():
        with transaction.atomic():
            application.delete()
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError):
        delete_then_fail()
    assert storage.read(document.pk) == pdf_bytes  # the row is back, and so is its file

    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(Application.objects.get())
    assert _stored_files() == []


def test_the_withdrawal_link_asks_then_deletes_everything_at_once(
    client, posting, valid_data, pdf, django_capture_on_commit_callbacks
):
    _apply(client, posting, valid_data, [pdf], django_capture_on_commit_callbacks)
    application = Application.objects.get()
    path = re.search(r"/bewerbung/zurueckziehen/\S+/", mail.outbox[0].body).group(0)

    asked = client.get(path, HTTP_HOST=HOST)
    assert asked.status_code == 200
    assert f"Möchten Sie Ihre Bewerbung {application.receipt_number}" in asked.text
    assert Application.objects.exists()  # a GET (a mail scanner following links) deletes nothing

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(path, HTTP_HOST=HOST)
    assert done.status_code == 303
    assert not Application.objects.exists()
    assert not ApplicationDocument.objects.exists()
    assert _stored_files() == []
    after = client.get(done["Location"], HTTP_HOST=HOST)
    assert f"Die Bewerbung {application.receipt_number} ist gelöscht." in after.text

    forged = client.get(path.replace("/zurueckziehen/", "/zurueckziehen/x"), HTTP_HOST=HOST)
    assert forged.status_code == 404


def test_applicants_file_names_are_kept_as_harmless_metadata():
    assert services.safe_name("../../etc/passwd") == "passwd.pdf"
    assert services.safe_name("C:\\Users\\ada\\Zeugnis März.pdf") == "Zeugnis_März.pdf"
    assert services.safe_name("a\x00b\u202e.pdf") == "ab.pdf"
    assert len(services.safe_name("x" * 500 + ".pdf")) <= 150
