"""`make backup` and `make restore`: a round trip into an empty database and
empty folders finds every page, image, film and applicant's document as it was.

The backup runs here, against the suite's database; the restore runs as the
operator runs it, `manage.py restore` in a process of its own, into a new
database (PostgreSQL) or file (SQLite) and new folders.
"""

import hashlib
import json
import os
import subprocess
import sys
import tarfile
import uuid

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtailmedia.models import get_media_model

from campaign.sites import backups
from careers.applications import services
from careers.applications import storage as application_files
from careers.models import Application, ApplicationDocument, JobPostingPage
from tests.careers.applications.conftest import make_pdf
from tests.support import ObjectStorage

# The restored installation lists itself in a process of its own.
LIST_INVENTORY = (
    "import json; from tests.campaign.sites import test_backups as backup_test; "
    "print(json.dumps(backup_test.inventory()))"
)
OTHER_KEY = "YW5vdGhlci1rZXktZm9yLXRoZS1iYWNrdXAtdGVzdCE="


def inventory():
    """What an operator checks after a restore, with a hash of every file's content."""

    def files(model):
        return sorted([row.pk, row.file.name, digest(row.file)] for row in model.objects.all())

    def digest(field):
        if not field:
            return None
        with field.open("rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()

    return {
        "pages": sorted(
            [p.pk, p.url_path, p.title, p.live, p.content_type.model]
            for p in Page.objects.select_related("content_type")
        ),
        "images": files(get_image_model()),
        "documents": files(get_document_model()),
        "films": files(get_media_model()),
        "applications": sorted(
            [str(d.pk), d.application.receipt_number, d.original_name, d.size,
             hashlib.sha256(application_files.read(d.pk)).hexdigest()]
            for d in ApplicationDocument.objects.select_related("application")
        ),
    }  # fmt: skip


def an_application(text):
    posting = JobPostingPage.objects.live().first()
    return services.submit(
        posting,
        {"first_name": "Ada", "last_name": "Muster", "email": "ada@example.org"},
        [("Lebenslauf.pdf", make_pdf(text))],
    )


@pytest.fixture
def empty_database(transactional_db):
    """A database URL with nothing in it, dropped afterwards."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        yield f"sqlite:///{settings.VAR_DIR / f'restored-{uuid.uuid4().hex}.sqlite3'}"
        return
    name = f"restored_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT']}/{name}"
    )
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*arguments, database_url, folder, **variables):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign.project.settings.dev",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(folder / "media"),
        "RESTRICTED_MEDIA_ROOT": str(folder / "media-restricted"),
        "APPLICATION_FILES_ROOT": str(folder / "applications"),
        "APPLICATION_FILES_KEY": settings.APPLICATION_FILES_KEY,
        "STELLWERK_VAR_DIR": str(folder / "var"),
        **variables,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_backup_restores_into_an_empty_database_and_folders(fresh_demo, empty_database, tmp_path):
    an_application("Lebenslauf Ada Muster")
    get_media_model().objects.create(
        title="Imagefilm", type="video", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", "film.mp4")
    )
    before = inventory()
    assert before["images"]
    assert any(film[2] for film in before["films"])
    assert before["applications"]

    archive = backups.create(tmp_path / "sicherungen")
    restored = manage("restore", str(archive), database_url=empty_database, folder=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert "Zurückgespielt" in restored.stdout

    listed = manage(
        "shell", "--no-imports", "-c", LIST_INVENTORY, database_url=empty_database, folder=tmp_path
    )
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == json.loads(json.dumps(before))


def test_the_archive_holds_no_key_and_no_readable_document(fresh_demo, tmp_path):
    an_application("Geheimer Lebenslauf von Ada")

    archive = backups.create(tmp_path)

    content = archive.read_bytes()
    assert settings.APPLICATION_FILES_KEY.encode() not in content
    assert b"Geheimer Lebenslauf" not in content
    assert archive.stat().st_mode & 0o077 == 0  # the operator's eyes only


def test_a_restore_under_another_key_is_refused_before_writing(
    fresh_demo, empty_database, tmp_path
):
    archive = backups.create(tmp_path / "sicherungen")

    restored = manage(
        "restore",
        str(archive),
        database_url=empty_database,
        folder=tmp_path,
        APPLICATION_FILES_KEY=OTHER_KEY,
    )

    assert restored.returncode != 0
    assert "passt nicht zu dieser Sicherung" in restored.stderr
    assert not (tmp_path / "applications").exists()


def test_a_damaged_archive_is_refused_whole(fresh_demo, empty_database, tmp_path):
    archive = backups.create(tmp_path / "sicherungen")
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.startswith("files/media/"))
    damaged = bytearray(archive.read_bytes())
    damaged[member.offset_data] ^= 0xFF
    archive.write_bytes(bytes(damaged))

    restored = manage("restore", str(archive), database_url=empty_database, folder=tmp_path)

    assert restored.returncode != 0
    assert "beschädigt" in restored.stderr
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").iterdir())


def test_a_restore_into_a_database_in_use_is_refused(fresh_demo, tmp_path):
    archive = backups.create(tmp_path)
    pages = Page.objects.count()

    with pytest.raises(backups.BackupError, match="nicht leer"):
        backups.restore(archive)

    assert Page.objects.count() == pages
    assert Application.objects.count() == 0


def test_with_object_storage_the_objects_are_in_the_archive_and_restored_into_new_buckets(
    object_storage, empty_database, s3_server, tmp_path
):
    default_storage.save("original_images/rathaus.png", ContentFile(b"oeffentlich"))
    default_storage.save("restricted/images/intern.png", ContentFile(b"nur mitglieder"))
    default_storage.save("documents/satzung.pdf", ContentFile(b"%PDF-1.4 satzung"))
    application_files.write(uuid.uuid4(), b"Lebenslauf Ada Muster")
    before = {
        bucket: {key: object_storage.object(bucket, key) for key in object_storage.keys(bucket)}
        for bucket in (object_storage.media_bucket, object_storage.applications_bucket)
    }

    archive = backups.create(tmp_path / "sicherungen")

    with tarfile.open(archive) as tar:
        members = {m.name for m in tar.getmembers()}
    assert {
        "files/media/original_images/rathaus.png",
        "files/media/documents/satzung.pdf",
        "files/media-restricted/images/intern.png",
    } <= members
    assert not any(name.startswith("files/media/restricted/") for name in members)
    assert len([n for n in members if n.startswith("files/applications/")]) == 1

    new = ObjectStorage(s3_server)
    restored = manage(
        "restore", str(archive), database_url=empty_database, folder=tmp_path, **new.environ
    )

    assert restored.returncode == 0, restored.stderr
    assert not (tmp_path / "media").exists()  # nothing went to local folders
    assert not (tmp_path / "applications").exists()
    after = {
        old: {key: new.object(bucket, key) for key in new.keys(bucket)}
        for old, bucket in (
            (object_storage.media_bucket, new.media_bucket),
            (object_storage.applications_bucket, new.applications_bucket),
        )
    }
    assert after == before
    # Public stays public, everything else private, as on upload.
    assert (
        new.anonymous_get(new.bucket_url(new.media_bucket, "original_images/rathaus.png"))[0] == 200
    )
    for key in ("restricted/images/intern.png", "documents/satzung.pdf"):
        assert new.anonymous_get(new.bucket_url(new.media_bucket, key))[0] == 403, key


def test_a_restore_into_a_bucket_in_use_is_refused_before_writing(
    object_storage, empty_database, s3_server, tmp_path
):
    default_storage.save("original_images/rathaus.png", ContentFile(b"aus der Sicherung"))
    archive = backups.create(tmp_path / "sicherungen")
    # The target installation's media bucket already holds a file of its own.
    in_use = ObjectStorage(s3_server)
    in_use.client.put_object(
        Bucket=in_use.media_bucket, Key="original_images/rathaus.png", Body=b"schon da"
    )

    restored = manage(
        "restore", str(archive), database_url=empty_database, folder=tmp_path, **in_use.environ
    )

    assert restored.returncode != 0
    assert "nicht leer" in restored.stderr
    assert in_use.keys(in_use.media_bucket) == ["original_images/rathaus.png"]
    assert in_use.object(in_use.media_bucket, "original_images/rathaus.png") == b"schon da"
    assert in_use.keys(in_use.applications_bucket) == []
    tables = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.db import connection; print(len(connection.introspection.table_names()))",
        database_url=empty_database,
        folder=tmp_path,
        **in_use.environ,
    )
    assert tables.stdout.strip() == "0", "die Datenbank wurde angefasst"
