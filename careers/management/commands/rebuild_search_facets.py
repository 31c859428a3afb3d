"""`manage.py rebuild_search_facets`: the search's facet rows of every page anew."""

from django.core.management.base import BaseCommand

from campaign.sites import page_cache
from careers.facets import rebuild


class Command(BaseCommand):
    help = (
        "Schreibt die Filterwerte der Suche (Bereich, Amt, Einstieg, Entgelt, Arbeitszeit, "
        "Arbeitgeber) aller Stellenangebote und Berufsfelder neu, etwa nach einem Import "
        "an den Seiten vorbei."
    )

    def handle(self, *args, **options):
        count = rebuild()
        # The search's counts and results change on every site.
        page_cache.purge_everything()
        self.stdout.write(f"Filterwerte von {count} Seiten geschrieben.")
