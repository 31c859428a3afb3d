"""An index for the full-text search as Wagtail's PostgreSQL backend asks it.

The backend matches `(title || body) @@ query`, an expression its own GIN
indexes on `title` and `body` cannot serve: every search read the whole index
table (46 ms at 15,000 postings, 0.3 ms with this). Other databases have their
own full-text tables and need nothing.
"""

from django.db import migrations

INDEX = "careers_search_text_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0012_posting_deadline_order"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
