"""`manage.py load_demo`: the four demo employers, an admin login and a member login.

Safe to run again: what exists stays, what is missing is added. The admin is a
superuser and so logs in with a second factor: load_demo gives it an
authenticator with a fresh secret and backup codes, printed and written to
var/demo-admin.txt beside the password.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Site

from campaign.calendars.files import fresh_pdf, pdf_for
from campaign.demo import build_all, registered_logins
from campaign.members import accounts
from campaign.models import PhotoCalendarPage
from campaign.sites.staff_security.devices import (
    AUTHENTICATOR_NAME,
    new_backup_codes,
    secret_of,
)
from campaign.sites.staff_security.second_factor import authenticator_of

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
        self._calendar_pdfs()
        if not no_admin:
            self._admin_login(port)
            self._member_login(port)
            self._other_logins(port)

    def _calendar_pdfs(self):
        """The photo calendars' PDFs, so their pages offer the download with its size.

        The demo build leaves them to the first download (tests build it many
        times); a demo someone looks at should have them ready.
        """
        for page in PhotoCalendarPage.objects.live():
            if fresh_pdf(page) is None and pdf_for(page) is not None:
                self.stdout.write(f"  Kalender-PDF: {page.title}")

    def _admin_login(self, port):
        login_file = settings.VAR_DIR / "demo-admin.txt"
        users = get_user_model().objects
        admin = users.filter(username=ADMIN_USERNAME).first()
        if admin is not None:
            hint = f" (Passwort und zweiter Faktor in {login_file})" if login_file.exists() else ""
            self.stdout.write(f"Admin-Zugang „{ADMIN_USERNAME}“ besteht bereits{hint}.")
            if authenticator_of(admin) is None:  # made before the second factor came
                second_factor = self._second_factor(admin)
                with login_file.open("a") as lines:
                    lines.write(second_factor)
                self.stdout.write(second_factor)
            return
        password = secrets.token_urlsafe(12)
        admin = users.create_superuser(ADMIN_USERNAME, "admin@localhost", password)
        second_factor = self._second_factor(admin)
        login_file.parent.mkdir(parents=True, exist_ok=True)
        login_file.write_text(f"{ADMIN_USERNAME}\n{password}\n{second_factor}")
        login_file.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://localhost:{port}/admin/  Benutzer: {ADMIN_USERNAME}  "
                f"Passwort: {password}"
            )
        )
        self.stdout.write(second_factor)

    def _other_logins(self, port):
        """What other apps give the demo's staff (an event's kiosk link), added
        to the admin's login file once."""
        login_file = settings.VAR_DIR / "demo-admin.txt"
        if not login_file.exists():
            return
        known = login_file.read_text()
        new = [line for line in registered_logins(port) if line not in known]
        with login_file.open("a") as lines:
            lines.writelines(f"{line}\n" for line in new)
        for line in new:
            self.stdout.write(line)

    def _second_factor(self, admin):
        """A confirmed authenticator with a secret made now, and backup codes."""
        device = TOTPDevice.objects.create(user=admin, name=AUTHENTICATOR_NAME, confirmed=True)
        codes = new_backup_codes(admin)
        return (
            f"Zweiter Faktor (Authenticator-App, zeitbasiert, 6 Ziffern): "
            f"Schlüssel {secret_of(device)}\n"
            f"  {device.config_url}\n"
            f"Notfallcodes (je einmal gültig): {' '.join(codes)}\n"
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
