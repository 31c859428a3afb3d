"""`manage.py grow_demo`: the demo at a large installation's size (make bench's growth run)."""

from django.core.management.base import BaseCommand, CommandError

from careers.demo.growth import grow


class Command(BaseCommand):
    help = (
        "Vergrößert die Demo für Lastmessungen: eine Website mit vielen Stellenangeboten "
        "und viele weitere Arbeitgeber. Nur für Demo-Daten."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", default="mitte.localhost", help="Host der Website")
        parser.add_argument("--postings", type=int, default=10_000)
        parser.add_argument("--employers", type=int, default=50)
        parser.add_argument("--per-employer", type=int, default=100)

    def handle(self, *args, site, postings, employers, per_employer, **options):
        try:
            grow(site, postings, employers, per_employer, log=self.stdout.write)
        except ValueError as error:
            raise CommandError(str(error)) from error
