"""Applicants' documents, encrypted at rest outside MEDIA_ROOT.

Each file is AES-GCM encrypted with the key from APPLICATION_FILES_KEY and
stored as `<nonce (12 bytes)><ciphertext + tag>` under the document's uuid in
APPLICATION_FILES_ROOT. The uuid is the associated data, so a file copied
under another document's name fails to decrypt like a changed one. No name
an applicant chose ever reaches the file system.
"""

import base64
import hashlib
import os
import uuid

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

NONCE_BYTES = 12


class UnreadableDocument(Exception):
    """The stored file is missing, was changed, or belongs to another key or document."""


def _key():
    try:
        key = base64.urlsafe_b64decode(settings.APPLICATION_FILES_KEY.encode())
    except ValueError as error:
        raise ImproperlyConfigured("APPLICATION_FILES_KEY is not base64") from error
    if len(key) != 32:
        raise ImproperlyConfigured("APPLICATION_FILES_KEY must be 32 bytes")
    return key


def path_of(document_id):
    return settings.APPLICATION_FILES_ROOT / uuid.UUID(str(document_id)).hex


def write(document_id, content):
    """Encrypt `content` (bytes) into the file of `document_id`."""
    document_id = uuid.UUID(str(document_id))
    nonce = os.urandom(NONCE_BYTES)
    sealed = nonce + AESGCM(_key()).encrypt(nonce, content, document_id.bytes)
    target = path_of(document_id)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    # Readable by this user only; renamed into place so no half-written file is read.
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(sealed)
    os.replace(partial, target)
    return target


def read(document_id):
    """The decrypted content of `document_id`; UnreadableDocument if it cannot be."""
    document_id = uuid.UUID(str(document_id))
    try:
        sealed = path_of(document_id).read_bytes()
    except FileNotFoundError as error:
        raise UnreadableDocument(str(document_id)) from error
    nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    try:
        return AESGCM(_key()).decrypt(nonce, ciphertext, document_id.bytes)
    except (InvalidTag, ValueError) as error:
        raise UnreadableDocument(str(document_id)) from error


def delete(document_id):
    path_of(document_id).unlink(missing_ok=True)


def key_fingerprint():
    """Names the key without disclosing it (a hash of its 32 random bytes): a
    backup records it, so a restore under another key stops before it writes."""
    return hashlib.sha256(b"stellwerk-backup:" + _key()).hexdigest()[:16]
