"""`manage.py load_demo`: the four demo employers, an admin login and a member login.

Safe to run again: what exists stays, what is missing is added.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail.models import Site

from campaign.demo import build_all
from campaign.members import accounts

ADMIN_USERNAME = "admin"
# A member (no admin access) who may read the demo's member-only press release.
MEMBER_EMAIL = "mitglied@example.org"
MEMBER_SITE = "mitte.localhost"


class Command(BaseCommand):
    help = "Legt die Demo-Sites der vier Arbeitgeber und einen Admin-Zugang an."

    def add_arguments(self, parser):
        parser.add_argument(
            "--port", type=int, default=8000, help="Port, unter dem die Sites erreichbar sind."
        )
        parser.add_argument("--no-admin", action="store_true", help="Keinen Admin-Zugang anlegen.")

    def handle(self, *args, port, no_admin, **options):
        self.stdout.write("Demo-Sites:")
        sites = build_all(port=port, log=self.stdout.write)
        for site in sites:
            self.stdout.write(f"  {site.root_url}/  {site.site_name}")
        if not no_admin:
            self._admin_login(port)
            self._member_login(port)

    def _admin_login(self, port):
        login_file = settings.VAR_DIR / "demo-admin.txt"
        users = get_user_model().objects
        if users.filter(username=ADMIN_USERNAME).exists():
            hint = f" (Passwort in {login_file})" if login_file.exists() else ""
            self.stdout.write(f"Admin-Zugang „{ADMIN_USERNAME}“ besteht bereits{hint}.")
            return
        password = secrets.token_urlsafe(12)
        users.create_superuser(ADMIN_USERNAME, "admin@localhost", password)
        login_file.parent.mkdir(parents=True, exist_ok=True)
        login_file.write_text(f"{ADMIN_USERNAME}\n{password}\n")
        login_file.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://localhost:{port}/admin/  Benutzer: {ADMIN_USERNAME}  "
                f"Passwort: {password}"
            )
        )

    def _member_login(self, port):
        login_file = settings.VAR_DIR / "demo-member.txt"
        if get_user_model().objects.filter(username=MEMBER_EMAIL).exists():
            hint = f" (Passwort in {login_file})" if login_file.exists() else ""
            self.stdout.write(f"Mitgliedskonto „{MEMBER_EMAIL}“ besteht bereits{hint}.")
            return
        password = secrets.token_urlsafe(12)
        user = accounts.register(MEMBER_EMAIL, password, Site.objects.get(hostname=MEMBER_SITE))
        accounts.activate(user)
        login_file.parent.mkdir(parents=True, exist_ok=True)
        login_file.write_text(f"{MEMBER_EMAIL}\n{password}\n")
        login_file.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Mitglied: http://{MEMBER_SITE}:{port}/konto/anmelden/  "
                f"E-Mail: {MEMBER_EMAIL}  Passwort: {password}"
            )
        )
