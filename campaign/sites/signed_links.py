"""Links in e-mails that name one row by a signed (id, key): confirm, unsubscribe.

The key is random per row and stored with it, so a link never reaches
another row; the signature (salted per purpose) means nobody can make one
without the secret key. A timestamped link also expires: `read` with
`max_age` refuses it afterwards. Job alerts and event bookings use it.
"""

from dataclasses import dataclass

from django.core import signing
from django.utils.translation import gettext as _


class InvalidLink(Exception):
    """A link that was altered, or points to nothing."""


class ExpiredLink(InvalidLink):
    """A genuine timestamped link older than its `max_age`."""


class GoneLink(InvalidLink):
    """A genuine link whose row is gone; each feature names its own subclass."""


def problem(error, *, expired, gone):
    """(German message, status) for a refused link: `expired` with 410 for an
    ExpiredLink, `gone` with 404 for a GoneLink, otherwise a broken link, 400."""
    if isinstance(error, ExpiredLink):
        return expired, 410
    if isinstance(error, GoneLink):
        return gone, 404
    return _(
        "Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig aus der "
        "E-Mail übernommen haben."
    ), 400


@dataclass(frozen=True)
class SignedLink:
    salt: str
    timestamped: bool = False
    # Between the token's parts. "/" for links below a Wagtail page, whose
    # URLs allow nothing but letters, digits, - and _ between slashes.
    sep: str = ":"

    def _signer(self):
        signer = signing.TimestampSigner if self.timestamped else signing.Signer
        return signer(salt=self.salt, sep=self.sep)

    def token(self, pk, key):
        return self._signer().sign_object([pk, key])

    def read(self, token, max_age=None):
        """(pk, key) of a genuine token; InvalidLink or ExpiredLink otherwise."""
        extra = {"max_age": max_age} if self.timestamped else {}
        try:
            value = self._signer().unsign_object(token, **extra)
        except signing.SignatureExpired:
            raise ExpiredLink from None
        except signing.BadSignature:
            raise InvalidLink from None
        try:
            pk, key = value
        except (TypeError, ValueError):
            raise InvalidLink from None
        return pk, key
