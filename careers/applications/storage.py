"""Applicants' documents, encrypted at rest, never under a public URL.

Each file is AES-GCM encrypted with the key from APPLICATION_FILES_KEY and
stored as `<nonce (12 bytes)><ciphertext + tag>` under the document's uuid in
the storage STORAGES["applications"]: APPLICATION_FILES_ROOT on disk, or a
bucket of its own in object storage (private objects, encrypted all the same).
The uuid is the associated data, so a file copied under another document's
name fails to decrypt like a changed one. No name an applicant chose ever
reaches the storage.
"""

import base64
import hashlib
import os
import re
import uuid
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from media_library.storage import SettingFolderStorage

NONCE_BYTES = 12
PARTIAL_SUFFIX = ".part"
STORED_NAME = re.compile(r"[0-9a-f]{32}")


class UnreadableDocument(Exception):
    """The stored file is missing, was changed, or belongs to another key or document."""


class SealedFileSystemStorage(SettingFolderStorage):
    """APPLICATION_FILES_ROOT, readable by this user only. A file is on disk
    before it is renamed into place, so one under its final name is always
    whole (a crash leaves only a .part, which the retention sweep removes)."""

    folder_setting = "APPLICATION_FILES_ROOT"

    def __init__(self, **options):
        super().__init__(
            **{"file_permissions_mode": 0o600, "directory_permissions_mode": 0o700, **options}
        )

    def get_available_name(self, name, max_length=None):
        return name  # the document's uuid: written once under exactly that name

    def _save(self, name, content):
        target = Path(self.path(name))
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = target.with_suffix(PARTIAL_SUFFIX)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            for chunk in content.chunks():
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
        return name


def _storage():
    return storages["applications"]


def _key():
    try:
        key = base64.urlsafe_b64decode(settings.APPLICATION_FILES_KEY.encode())
    except ValueError as error:
        raise ImproperlyConfigured("APPLICATION_FILES_KEY is not base64") from error
    if len(key) != 32:
        raise ImproperlyConfigured("APPLICATION_FILES_KEY must be 32 bytes")
    return key


def name_of(document_id):
    return uuid.UUID(str(document_id)).hex


def path_of(document_id):
    """The file on disk (NotImplementedError with object storage)."""
    return Path(_storage().path(name_of(document_id)))


def write(document_id, content):
    """Encrypt `content` (bytes) into the file of `document_id`; its stored name."""
    document_id = uuid.UUID(str(document_id))
    nonce = os.urandom(NONCE_BYTES)
    sealed = nonce + AESGCM(_key()).encrypt(nonce, content, document_id.bytes)
    return _storage().save(name_of(document_id), ContentFile(sealed))


def stored_files():
    """(document id or None for a .part, stored name, modified timestamp) of every
    file this module wrote; anything else in the storage is not ours and left alone."""
    storage = _storage()
    try:
        _folders, names = storage.listdir("")
    except FileNotFoundError:  # no folder yet on a fresh installation
        return
    for name in names:
        stem, _dot, suffix = name.partition(".")
        if not STORED_NAME.fullmatch(stem) or (suffix and f".{suffix}" != PARTIAL_SUFFIX):
            continue
        document_id = None if suffix else uuid.UUID(stem)
        yield document_id, name, storage.get_modified_time(name).timestamp()


def read(document_id):
    """The decrypted content of `document_id`; UnreadableDocument if it cannot be."""
    document_id = uuid.UUID(str(document_id))
    try:
        with _storage().open(name_of(document_id), "rb") as stored:
            sealed = stored.read()
    except FileNotFoundError as error:
        raise UnreadableDocument(str(document_id)) from error
    nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    try:
        return AESGCM(_key()).decrypt(nonce, ciphertext, document_id.bytes)
    except (InvalidTag, ValueError) as error:
        raise UnreadableDocument(str(document_id)) from error


def delete(document_id):
    delete_stored(name_of(document_id))


def delete_stored(name):
    _storage().delete(name)  # a name already gone is no error, on disk or in a bucket


def key_fingerprint():
    """Names the key without disclosing it (a hash of its 32 random bytes): a
    backup records it, so a restore under another key stops before it writes."""
    return hashlib.sha256(b"stellwerk-backup:" + _key()).hexdigest()[:16]
