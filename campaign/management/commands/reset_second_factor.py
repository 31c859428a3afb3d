"""`manage.py reset_second_factor USERNAME`: for a lost phone. Removes the user's
authenticator app and backup codes; the next admin login sets up a new app."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp import devices_for_user


class Command(BaseCommand):
    help = (
        "Entfernt Authenticator-App und Notfallcodes eines Kontos; "
        "bei der nächsten Anmeldung richtet es eine neue App ein."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="Benutzername des Kontos.")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Kein Konto mit dem Benutzernamen „{username}“.")
        removed = 0
        for device in devices_for_user(user, confirmed=None):
            device.delete()
            removed += 1
        self.stdout.write(
            f"{removed} Gerät(e) von „{username}“ entfernt; "
            "die nächste Anmeldung richtet den zweiten Faktor neu ein."
        )
