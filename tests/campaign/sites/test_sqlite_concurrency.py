"""SQLite, the embedded default of `make run`, takes two editors at once.

Wagtail's autosave reads and then writes while another request (a publication)
holds the write lock. With SQLite's defaults the second transaction fails at
once with "database is locked"; with the options of the base settings it waits
its turn. Both run here on a file database, as `make run` has it.
"""

import threading

import pytest
from django.db import OperationalError, connections, transaction

from campaign.project.settings.base import database_settings

ALIAS = "concurrent_sqlite"
HOLD_SECONDS = 1.0


@pytest.fixture
def sqlite_file(tmp_path, django_db_blocker):
    """Registers a file database under ALIAS; yields a function that sets its options."""

    def use(options):
        database = database_settings(f"sqlite:///{tmp_path / 'stellwerk.sqlite3'}")
        if options is not None:
            database["OPTIONS"] = options
        connections.settings[ALIAS] = connections.configure_settings({"default": database})[
            "default"
        ]
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE IF NOT EXISTS revision (id INTEGER PRIMARY KEY, text)")
            cursor.execute("INSERT INTO revision (text) VALUES ('Entwurf')")
        connections[ALIAS].close()

    with django_db_blocker.unblock():
        yield use
        connections[ALIAS].close()
        del connections[ALIAS]
    del connections.settings[ALIAS]


def publish_and_autosave():
    """A publication holds the write lock for a second; meanwhile an autosave
    reads the latest revision and writes a new one. Returns the autosave's error."""
    publication_wrote = threading.Event()
    errors = {}

    def publication():
        try:
            with transaction.atomic(using=ALIAS):
                with connections[ALIAS].cursor() as cursor:
                    cursor.execute("INSERT INTO revision (text) VALUES ('veröffentlicht')")
                publication_wrote.set()
                threading.Event().wait(HOLD_SECONDS)
        finally:
            publication_wrote.set()
            connections[ALIAS].close()

    def autosave():
        publication_wrote.wait(5)
        try:
            with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
                cursor.execute("SELECT max(id) FROM revision")
                (latest,) = cursor.fetchone()
                cursor.execute("INSERT INTO revision (text) VALUES (%s)", [f"nach {latest}"])
        except OperationalError as error:
            errors["autosave"] = error
        finally:
            connections[ALIAS].close()

    threads = [threading.Thread(target=publication), threading.Thread(target=autosave)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return errors.get("autosave")


def revisions():
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("SELECT text FROM revision ORDER BY id")
        return [text for (text,) in cursor.fetchall()]


def test_an_autosave_waits_for_a_publication_instead_of_failing(sqlite_file):
    sqlite_file(None)  # the options of the base settings

    assert publish_and_autosave() is None
    assert revisions() == ["Entwurf", "veröffentlicht", "nach 2"]


def test_without_the_options_the_same_autosave_fails(sqlite_file):
    """The scenario above is a real conflict: SQLite's defaults lose the autosave."""
    sqlite_file({})

    error = publish_and_autosave()

    assert error is not None
    assert "locked" in str(error)
    assert revisions() == ["Entwurf", "veröffentlicht"]
