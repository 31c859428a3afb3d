"""Receiving an application (or documents for it later), withdrawing it, all or nothing.

Files first, then the rows in one transaction; should the transaction fail,
the files written for it are removed again, so there is never a row without
its file nor a file without its row. Rows deleted (withdrawal, retention, a
deleted posting) take their files with them once the deletion is committed
(careers/applications/signals.py).
"""

import secrets
import unicodedata
import uuid
from pathlib import PurePath

from django.core import signing
from django.core.exceptions import SuspiciousFileOperation
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import get_valid_filename

from careers.applications import storage
from careers.models.applications import APPLICANT_FIELDS, Application, ApplicationDocument

# No 0/O, 1/I/L: easy to read out on the phone. 31^6 ≈ 900 million numbers a year.
RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RECEIPT_LENGTH = 6
WITHDRAWAL_SALT = "careers.applications.withdraw"


def new_receipt_number(now=None):
    year = (now or timezone.localdate()).year
    code = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return f"B-{year}-{code}"


def safe_name(name):
    """The applicant's file name as metadata: no path, no control characters, short."""
    name = unicodedata.normalize("NFC", PurePath(str(name).replace("\\", "/")).name)
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C")
    try:
        name = get_valid_filename(name)
    except SuspiciousFileOperation:
        name = ""
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, "pdf"
    return f"{stem[:120] or 'Unterlage'}.{extension[:10]}"


def submit(posting, data, documents, *, event=None):
    """Store an application; `data` are the form's cleaned values, `documents`
    (name, content) pairs, `event` the event whose kiosk took it (a short
    application without documents). The confirmation mail goes out after the commit."""

    def rows(written):
        application = _create(posting, data, event)
        ApplicationDocument.objects.bulk_create(_documents(application, written, documents))
        transaction.on_commit(lambda: _enqueue_confirmation(application.pk))
        return application

    return _with_files(documents, rows)


class TooManyDocuments(Exception):
    """The application holds MAX_DOCUMENTS already (careers.applications.forms)."""


def add_documents(application, documents, limit):
    """Add documents to a stored application (the kiosk's mailed link), after
    those it has; TooManyDocuments past `limit` in all. Two tabs sending at
    once are serialised by a lock on the application."""

    def rows(written):
        locked = Application.objects.select_for_update().get(pk=application.pk)
        held = locked.documents.count()
        if held + len(written) > limit:
            raise TooManyDocuments
        ApplicationDocument.objects.bulk_create(_documents(locked, written, documents, first=held))
        return locked

    return _with_files(documents, rows)


def _with_files(documents, rows):
    """Write the files, then `rows(document ids)` in one transaction; should it
    fail, the files written are removed again."""
    written = []
    try:
        for _name, content in documents:
            document_id = uuid.uuid4()
            storage.write(document_id, content)
            written.append(document_id)
        with transaction.atomic():
            return rows(written)
    except BaseException:
        for document_id in written:
            storage.delete(document_id)
        raise


def _documents(application, written, documents, first=0):
    return [
        ApplicationDocument(
            id=document_id,
            application=application,
            original_name=safe_name(name),
            size=len(content),
            sort_order=first + number,
        )
        for number, (document_id, (name, content)) in enumerate(
            zip(written, documents, strict=True)
        )
    ]


def _create(posting, data, event=None):
    values = {field: data.get(field, "") for field in APPLICANT_FIELDS}
    values["severe_disability"] = bool(data.get("severe_disability"))
    values["talent_pool"] = bool(data.get("talent_pool"))
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Application.objects.create(
                    posting=posting,
                    event=event,
                    receipt_number=new_receipt_number(),
                    consented_at=timezone.now(),
                    **values,
                )
        except IntegrityError:
            # A receipt number drawn twice; any other failure fails again below.
            continue
    return Application.objects.create(
        posting=posting,
        event=event,
        receipt_number=new_receipt_number(),
        consented_at=timezone.now(),
        **values,
    )


def _enqueue_confirmation(application_id):
    from careers.applications.tasks import send_application_confirmation

    send_application_confirmation.enqueue(application_id)


def withdrawal_token(application):
    return signing.dumps(application.receipt_number, salt=WITHDRAWAL_SALT, compress=False)


def receipt_number_for_token(token):
    """The receipt number a withdrawal link names, or None for a forged or cut-off link."""
    try:
        return signing.loads(token, salt=WITHDRAWAL_SALT)
    except signing.BadSignature:
        return None


def application_with_receipt_number(receipt_number):
    return (
        Application.objects.select_related("posting").filter(receipt_number=receipt_number).first()
    )


def withdraw(application):
    """Delete the application at once; its files follow after the commit."""
    with transaction.atomic():
        application.delete()
