"""Backups: the database, the media and the applicants' files in one archive.

`manage.py backup` writes a tar archive; `manage.py restore` puts one back
into an empty database and empty storages. The files are read and written
through the STORAGES aliases, so the same archive comes from and goes to
local folders or object storage (S3 buckets) alike, and moves an installation
from one to the other. The archive holds

    database.pgdump or database.sqlite3   pg_dump's custom format, or SQLite's online backup
    files/media/…                         "public_media": MEDIA_ROOT or the media bucket
    files/media-restricted/…              "restricted_media": RESTRICTED_MEDIA_ROOT or
                                          restricted/… in the media bucket
    files/applications/…                  "applications": APPLICATION_FILES_ROOT or its
                                          bucket (encrypted as stored)
    manifest.json                         a SHA-256 of each member, the database's kind,
                                          a fingerprint of the applicants' files' key

Apps add the folders they keep outside the media through the Wagtail hook
`register_backup_folders`, a function returning a list of `BackupFolder`
(careers: the applicants' files), so this module imports none of them.

The key of an encrypted folder (APPLICATION_FILES_KEY) is never in the archive:
kept apart, a lost archive discloses no applicant's document. Its fingerprint
lets a restore with the wrong key stop before it writes anything, instead of
leaving documents nobody can open. A restore checks every member against the
manifest first, so a damaged archive is refused whole.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.utils import timezone
from wagtail import hooks

from media_library.storage import PREFIX as RESTRICTED_PREFIX

HOOK = "register_backup_folders"
FORMAT = 1
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class BackupFolder:
    name: str  # the folder's name in the archive, under files/
    storage: str  # the alias in STORAGES its files are kept in
    # Readable by this user only: 0600 in the archive (the storage keeps them
    # so when restored: careers' SealedFileSystemStorage, private objects).
    private: bool = False
    # Its files are encrypted: a fingerprint of the key (never the key itself),
    # and what a restore under another key says. One folder at most has a key.
    key_fingerprint: Callable[[], str] | None = None
    wrong_key: str = ""


MEDIA_FOLDERS = [
    BackupFolder("media", "public_media"),
    BackupFolder("media-restricted", "restricted_media"),
]
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """What stops a backup or a restore, said to the operator in German."""


def create(destination):
    """Write a new archive into the folder `destination`; its path."""
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M%S")
    archive = destination / f"stellwerk-{stamp}.tar"
    partial = archive.with_suffix(".tar.part")
    checksums = {}
    with tempfile.TemporaryDirectory() as scratch:
        database_name = DATABASE_FILES[_vendor()]
        dump = Path(scratch) / database_name
        _dump_database(dump)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle, tarfile.open(fileobj=handle, mode="w") as tar:
            checksums[database_name] = _add(tar, dump, database_name)
            for folder in registered_folders():
                storage = storages[folder.storage]
                for stored in _stored_names(folder):
                    name = f"files/{folder.name}/{stored}"
                    checksums[name] = _add_stored(tar, storage, stored, name, folder.private)
            manifest = {
                "format": FORMAT,
                "created": timezone.now().isoformat(),
                "database": _vendor(),
                "key_fingerprint": _key_fingerprint(),
                "members": checksums,
            }
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=1).encode())
    os.replace(partial, archive)
    return archive


def restore(archive):
    """Put `archive` back into the configured database and storages, which must be empty."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"Die Sicherung {archive} gibt es nicht.")
    try:
        with tarfile.open(archive, mode="r:") as tar:
            manifest = _checked_manifest(tar)
            _refuse_unless_empty()
            with tempfile.TemporaryDirectory() as scratch:
                database_name = DATABASE_FILES[manifest["database"]]
                dump = Path(scratch) / database_name
                _extract(tar, database_name, dump)
                _load_database(dump)
            folders = _folders_by_name()
            for name in manifest["members"]:
                if name.startswith("files/"):
                    _, folder, rest = name.split("/", 2)
                    _restore_stored(tar, name, folders[folder], rest)
    except (tarfile.TarError, OSError, KeyError, ValueError) as error:
        raise BackupError(f"Die Sicherung ist nicht lesbar: {error}") from error
    return manifest


def _checked_manifest(tar):
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, ValueError, TypeError) as error:
        raise BackupError("Das ist keine Sicherung von Stellwerk (manifest.json fehlt).") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unbekanntes Format der Sicherung: {manifest.get('format')}.")
    if manifest["database"] != _vendor():
        raise BackupError(
            f"Die Sicherung stammt aus {manifest['database']}, die Datenbank hier ist "
            f"{_vendor()}: eine Sicherung geht nur in dieselbe Art von Datenbank zurück."
        )
    keyed = _keyed_folder()
    if manifest["key_fingerprint"] != _key_fingerprint():
        raise BackupError(
            keyed.wrong_key
            if keyed
            else "Die Sicherung enthält verschlüsselte Dateien einer App, die hier nicht "
            "installiert ist."
        )
    folders = _folders_by_name()
    members = {m.name: m for m in tar.getmembers() if m.isfile()}
    if set(members) != {*manifest["members"], MANIFEST}:
        raise BackupError("Die Sicherung ist unvollständig oder enthält fremde Dateien.")
    for name, checksum in manifest["members"].items():
        path = PurePosixPath(name)
        if path.is_absolute() or ".." in path.parts:
            raise BackupError(f"Unzulässiger Name in der Sicherung: {name}")
        if path.parts[:1] == ("files",) and (len(path.parts) < 3 or path.parts[1] not in folders):
            raise BackupError(
                f"Die Sicherung enthält {name}, dessen Ordner diese Installation nicht kennt: "
                "Ist eine App hier nicht installiert?"
            )
        if _sha256(tar.extractfile(members[name])) != checksum:
            raise BackupError(f"Die Sicherung ist beschädigt: {name} weicht ab.")
    return manifest


def _refuse_unless_empty():
    if connection.introspection.table_names():
        raise BackupError(
            "Die Datenbank ist nicht leer. Eine Sicherung wird nur in eine leere Datenbank "
            "zurückgespielt, damit nichts Vorhandenes verloren geht."
        )
    for folder in registered_folders():
        if next(_stored_names(folder), None) is not None:
            raise BackupError(f"{_where(storages[folder.storage])} ist nicht leer.")


def registered_folders():
    """The media's folders, then those of every `register_backup_folders` hook."""
    return [
        *MEDIA_FOLDERS,
        *(folder for registered in hooks.get_hooks(HOOK) for folder in registered()),
    ]


def _folders_by_name():
    return {folder.name: folder for folder in registered_folders()}


def _keyed_folder():
    return next((f for f in registered_folders() if f.key_fingerprint is not None), None)


def _key_fingerprint():
    keyed = _keyed_folder()
    return keyed.key_fingerprint() if keyed else None


def _stored_names(folder):
    """The names of every file in the folder's storage, in order; files still
    being written (.part) left out, and in the media the restricted side, which
    in object storage shares the bucket (on disk it is a folder of its own)."""

    def walk(prefix):
        try:
            folders, files = storages[folder.storage].listdir(prefix)
        except FileNotFoundError:  # a folder not made yet on a fresh installation
            return
        for name in sorted(files):
            if not name.endswith(".part"):
                yield f"{prefix}{name}"
        for sub in sorted(folders):
            if folder.storage == "public_media" and f"{prefix}{sub}/" == RESTRICTED_PREFIX:
                continue
            yield from walk(f"{prefix}{sub}/")

    return walk("")


def _where(storage):
    """The storage as the operator knows it: a folder or a bucket."""
    if isinstance(storage, FileSystemStorage):
        return f"Der Ordner {storage.location}"
    location = f"/{storage.location}" if getattr(storage, "location", "") else ""
    return f"Der Bucket {getattr(storage, 'bucket_name', '?')}{location}"


def _vendor():
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Datenbanken der Art {connection.vendor} kann Stellwerk nicht sichern.")
    return connection.vendor


def _dump_database(target):
    if _vendor() == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
    else:
        _postgres("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}")


def _load_database(dump):
    if _vendor() == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(dump)) as source:
            source.backup(connection.connection)
        connection.close()
    else:
        _postgres(
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump),
        )


def _postgres(program, *arguments):
    """pg_dump or pg_restore against the configured database."""
    if shutil.which(program) is None:
        raise BackupError(f"{program} fehlt (apt-get install postgresql-client).")
    database = connection.settings_dict
    environment = {
        **os.environ,
        "PGHOST": database.get("HOST") or "",
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER") or "",
        "PGPASSWORD": database.get("PASSWORD") or "",
        "PGDATABASE": database["NAME"],
    }
    finished = subprocess.run(
        [program, *arguments], env=environment, capture_output=True, text=True, check=False
    )
    if finished.returncode:
        raise BackupError(f"{program} ist gescheitert: {finished.stderr.strip()}")


def _add(tar, path, name):
    with open(path, "rb") as handle:
        checksum = _sha256(handle)
    info = tar.gettarinfo(path, arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with open(path, "rb") as handle:
        tar.addfile(info, handle)
    return checksum


def _add_stored(tar, storage, stored, name, private):
    """One file of a storage into the archive, read once (from a bucket, a
    download) into a temporary file that is hashed on the way."""
    digest = hashlib.sha256()
    with tempfile.TemporaryFile() as copy:
        with storage.open(stored, "rb") as source:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                copy.write(chunk)
        info = tarfile.TarInfo(name)
        info.size = copy.tell()
        info.mtime = int(storage.get_modified_time(stored).timestamp())
        info.mode = 0o600 if private else 0o644
        copy.seek(0)
        tar.addfile(info, copy)
    return digest.hexdigest()


def _add_bytes(tar, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(time.time())
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(content))


def _extract(tar, name, target):
    with open(target, "wb") as handle:
        shutil.copyfileobj(tar.extractfile(name), handle, CHUNK)


def _restore_stored(tar, name, folder, stored):
    """One member back into its storage under its very name (which the rows
    name); the storage sets what it sets on every upload (modes, ACLs)."""
    member = tar.getmember(name)
    content = File(tar.extractfile(member), name=stored)
    content.size = member.size
    saved = storages[folder.storage].save(stored, content)
    if saved != stored:
        raise BackupError(f"{stored} wurde als {saved} gespeichert: der Speicher war nicht leer.")


def _sha256(handle):
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()
