"""The demo, built once per test run and copied back where a test needs it.

Building the demo saves hundreds of pages through Wagtail and takes about
forty seconds; copying its rows back takes a fraction of one. A snapshot is
a set of plain tables beside Django's own (`snapshot_<name>_<n>`), one per
Django table: Django's flush does not know them, and once committed no test's
rollback removes them.

Two snapshots per run: `base`, what the migrations made (content types,
Wagtail's root page and locale), and `demo`, the demo sites on top. The demo is
built and committed once, copied, and the database set back to `base`, so
tests without the demo still start from an empty installation.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

from campaign.demo import build_all

# Filled by triggers when rows go into another table (SQLite's full-text index
# of Wagtail's search entries): emptied with the rest, never copied back.
FILLED_BY_TRIGGERS = {"wagtailsearch_indexentry_fts"}


@dataclass
class Snapshot:
    name: str
    tables: list = field(default_factory=list)
    all_tables: list = field(default_factory=list)

    def _copy(self, index):
        return connection.ops.quote_name(f"snapshot_{self.name}_{index}")

    def take(self):
        """Copy every Django table as it is now (committed)."""
        self.all_tables = connection.introspection.django_table_names(only_existing=True)
        self.tables = sorted(set(self.all_tables) - FILLED_BY_TRIGGERS)
        with connection.cursor() as cursor:
            for index, table in enumerate(self.tables):
                copy = self._copy(index)
                cursor.execute(f"DROP TABLE IF EXISTS {copy}")
                cursor.execute(
                    f"CREATE TABLE {copy} AS SELECT * FROM {connection.ops.quote_name(table)}"
                )

    def restore(self):
        """Empty Django's tables and put the copied rows back, in one transaction
        (inside a test's own, when there is one): foreign keys are checked at
        commit, so the order of the tables does not matter."""
        with transaction.atomic():
            connection.ops.execute_sql_flush(
                connection.ops.sql_flush(no_style(), self.all_tables, allow_cascade=True)
            )
            with connection.cursor() as cursor:
                for index, table in enumerate(self.tables):
                    cursor.execute(
                        f"INSERT INTO {connection.ops.quote_name(table)} "
                        f"SELECT * FROM {self._copy(index)}"
                    )
                # New rows must not reuse the ids of the copied ones.
                models = apps.get_models(include_auto_created=True)
                for statement in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(statement)


class DemoSnapshots:
    """The base and, once a test asks for it, the demo snapshot of this run."""

    def __init__(self):
        self.base = Snapshot("base")
        self.base.take()
        self.demo = None
        self.site_pks = []

    def restore_demo(self):
        """Put the demo in place and return its sites' primary keys, in the
        order `build_all` made them."""
        self.build()
        self.demo.restore()
        return self.site_pks

    def build(self):
        """Build and copy the demo, once; outside any transaction, so that the
        copy is committed."""
        if self.demo is not None:
            return
        self.base.restore()
        self.site_pks = [site.pk for site in build_all(port=80, log=lambda message: None)]
        self.demo = Snapshot("demo")
        self.demo.take()
        self.base.restore()
