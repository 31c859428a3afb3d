"""Authenticator apps and backup codes of a user (django-otp devices), and what
the setup page shows of a secret: the QR code as SVG and the key as text."""

from base64 import b32encode

import segno
from django.db import transaction
from django.utils.safestring import mark_safe
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR_NAME = "Authenticator-App"
BACKUP_NAME = "Notfallcodes"
BACKUP_CODE_COUNT = 10


def pending_authenticator(user):
    """The authenticator being set up: one unconfirmed device, kept until confirmed,
    so the QR code stays the same between showing it and typing the first code."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


@transaction.atomic
def confirm_authenticator(device):
    """Make the device the user's authenticator; returns fresh backup codes."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.devices_for_user(device.user, confirmed=False).delete()
    return new_backup_codes(device.user)


@transaction.atomic
def new_backup_codes(user):
    """Replace the user's backup codes; the plain codes are returned once, to show."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_NAME)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_of(user):
    return StaticDevice.objects.devices_for_user(user, confirmed=True).first()


def secret_of(device):
    """The key as authenticator apps take it by hand (Base32), in groups of four."""
    key = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device, title):
    """The otpauth:// address as inline SVG, black on white also in the dark admin theme."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5,
        border=4,
        omitsize=True,
        dark="#000",
        light="#fff",
        title=title,
        svgclass="second-factor-qr",
    )
    # An image named by its <title>; the key is written out beside it for manual entry.
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))
