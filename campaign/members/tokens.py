"""The link in the confirmation e-mail: Django's reset token, salted apart.

A subclass with its own key salt, so a confirmation token never passes as a
password reset token (or the other way round); the account's active flag is
part of the hash, so a link works only until it has confirmed the account.
"""

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode


class VerificationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "campaign.members.tokens.VerificationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


verification_tokens = VerificationTokenGenerator()


def make_key(user):
    """`<uid>.<token>`, one segment of the URL /konto/bestaetigen/<key>/."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return f"{uid}.{verification_tokens.make_token(user)}"


def user_for_key(key, users):
    """The user of a valid key among `users` (a queryset), or None."""
    uid, _, token = (key or "").partition(".")
    try:
        pk = int(force_str(urlsafe_base64_decode(uid)))
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    user = users.filter(pk=pk).first()
    if user is None or not verification_tokens.check_token(user, token):
        return None
    return user
