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
import re
import uuid
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

NONCE_BYTES = 12
PARTIAL_SUFFIX = ".part"
STORED_NAME = re.compile(r"[0-9a-f]{32}")


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
    partial = target.with_suffix(PARTIAL_SUFFIX)
    # Readable by this user only; on disk before it is renamed into place, so a
    # file under its final name is always whole (a crash leaves only a .part).
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(sealed)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, target)
    return target


def stored_files():
    """(document id or None for a .part, path, modified timestamp) of every file this
    module wrote; anything else in the folder is not ours and left alone."""
    root = settings.APPLICATION_FILES_ROOT
    if not root.exists():
        return
    for entry in os.scandir(root):
        stem, _dot, suffix = entry.name.partition(".")
        if not (entry.is_file(follow_symlinks=False) and STORED_NAME.fullmatch(stem)):
            continue
        if suffix and f".{suffix}" != PARTIAL_SUFFIX:
            continue
        document_id = None if suffix else uuid.UUID(stem)
        yield document_id, Path(entry.path), entry.stat(follow_symlinks=False).st_mtime


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
