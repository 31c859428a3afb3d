"""The search backend: Wagtail's database backend, with search terms quoted
properly for SQLite's full-text index.

On SQLite (the embedded default) each search term is wrapped in double quotes
without doubling the quotes inside it, so a visitor's `")` or `">` became
FTS5 syntax and the query failed: a 503 for the visitor, the database seemingly
down (wagtail/wagtail#13227). FTS5 escapes a quote inside a string by doubling
it; done here, every term is searched as the text it is. PostgreSQL and the
fallback backend pass terms as parameters and are used unchanged.
"""

from functools import cache

from django.db import connection
from modelsearch.backends import database
from modelsearch.query import PlainText


class QuotedTerms:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(
                query.query_string.replace('"', '""'), operator=query.operator, boost=query.boost
            )
        return super().build_search_query_content(query, config=config)


@cache
def sqlite_compilers():
    # Imported only on SQLite: the module looks up models that exist only there.
    from modelsearch.backends.database.sqlite import sqlite

    return (
        type("SQLiteSearchCompiler", (QuotedTerms, sqlite.SQLiteSearchQueryCompiler), {}),
        type(
            "SQLiteAutocompleteCompiler",
            (QuotedTerms, sqlite.SQLiteAutocompleteQueryCompiler),
            {},
        ),
        sqlite.SQLiteSearchBackend,
    )


def SearchBackend(params):
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite":
        search_compiler, autocomplete_compiler, fts_backend = sqlite_compilers()
        if isinstance(backend, fts_backend):
            backend.query_compiler_class = search_compiler
            backend.autocomplete_query_compiler_class = autocomplete_compiler
    return backend
