"""An accessible text captcha: a sum to work out, no picture to decipher.

The question mixes a number written as a German word with one in digits
("neun + 2"), which screen readers read out and people solve at a glance,
while simple form bots do not. The answer travels with the form only as a
keyed hash inside a signed, dated token: no one can read it off the page or
forge it, it expires, and each challenge counts once (its id is remembered in
the cache all workers share until it would have expired), so a replayed POST
fails, whichever worker it reaches.
"""

import secrets
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

SALT = "campaign.members.captcha"
MAX_AGE = 30 * 60
WORDS = [
    "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
    "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn",
    "neunzehn", "zwanzig",
]  # fmt: skip


class CaptchaError(ValueError):
    """The answer does not count; the message says why, in German."""


@dataclass(frozen=True)
class Challenge:
    question: str
    token: str


class _Signer(signing.TimestampSigner):
    def __init__(self, issued_at=None):
        super().__init__(salt=SALT)
        self.issued_at = issued_at

    def timestamp(self):
        if self.issued_at is None:
            return super().timestamp()
        return signing.b62_encode(int(self.issued_at))


def _answer_hash(challenge_id, answer):
    return salted_hmac(SALT, f"{challenge_id}:{answer}").hexdigest()


def new_challenge(issued_at=None):
    """A fresh sum; `issued_at` (a Unix time) dates it otherwise, for tests of expiry."""
    word_operand = secrets.choice(range(2, 11))
    digit_operand = secrets.choice(range(1, 10))
    word, digits = WORDS[word_operand], str(digit_operand)
    question = f"{word} + {digits}" if secrets.randbelow(2) else f"{digits} + {word}"
    challenge_id = secrets.token_hex(8)
    payload = {"id": challenge_id, "h": _answer_hash(challenge_id, word_operand + digit_operand)}
    return Challenge(question=f"{question} =", token=_Signer(issued_at).sign_object(payload))


def _parse_answer(text):
    text = (text or "").strip().lower()
    if text.isdigit():
        return int(text)
    if text in WORDS:
        return WORDS.index(text)
    return None


def check(token, answer):
    """Accept a right answer to a fresh, unused challenge; else raise CaptchaError."""
    try:
        payload = _Signer().unsign_object(token or "", max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise CaptchaError(
            _("Die Rechenaufgabe ist abgelaufen. Bitte lösen Sie die neue Aufgabe.")
        ) from None
    except (signing.BadSignature, ValueError):
        raise CaptchaError(_("Bitte lösen Sie die neue Rechenaufgabe.")) from None
    if not isinstance(payload, dict) or not {"id", "h"} <= payload.keys():
        raise CaptchaError(_("Bitte lösen Sie die neue Rechenaufgabe."))
    # Used up with this attempt, right or wrong: add() fails if it was used before.
    first_use = cache.add(f"captcha-used:{payload['id']}", True, MAX_AGE)
    if first_use is None:
        # The shared cache did not answer (django-redis ignores its errors):
        # fail closed. One solved sum would otherwise register accounts without
        # end, each sending a mail to an address of the sender's choosing; a
        # registration can wait until the cache is back.
        raise CaptchaError(
            _(
                "Die Rechenaufgabe lässt sich gerade nicht prüfen. Bitte versuchen Sie es in "
                "einigen Minuten noch einmal."
            )
        )
    if not first_use:
        raise CaptchaError(
            _("Diese Rechenaufgabe wurde schon verwendet. Bitte lösen Sie die neue Aufgabe.")
        )
    number = _parse_answer(answer)
    if number is None:
        raise CaptchaError(_("Bitte geben Sie das Ergebnis als Zahl ein, z. B. 7."))
    if not constant_time_compare(payload["h"], _answer_hash(payload["id"], number)):
        raise CaptchaError(
            _("Das Ergebnis stimmt nicht. Bitte rechnen Sie die neue Aufgabe noch einmal.")
        )
