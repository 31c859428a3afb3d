"""The registration's text captcha: a sum in words and digits, signed, single-use."""

import re
import time

import pytest

from campaign.members import captcha
from tests.campaign.members.solving import solve


def _answer(challenge):
    return solve(f"Rechenaufgabe: {challenge.question}")


def test_the_question_mixes_a_german_word_and_digits():
    for _ in range(20):
        question = captcha.new_challenge().question
        first, second = re.fullmatch(r"(\w+) \+ (\w+) =", question).groups()
        assert first.isdigit() != second.isdigit(), question


def test_a_right_answer_counts_once():
    challenge = captcha.new_challenge()

    captcha.check(challenge.token, _answer(challenge))
    with pytest.raises(captcha.CaptchaError, match="schon verwendet"):
        captcha.check(challenge.token, _answer(challenge))


def test_a_wrong_answer_is_refused_and_uses_the_challenge_up():
    challenge = captcha.new_challenge()
    wrong = str(int(_answer(challenge)) + 1)

    with pytest.raises(captcha.CaptchaError, match="stimmt nicht"):
        captcha.check(challenge.token, wrong)
    with pytest.raises(captcha.CaptchaError, match="schon verwendet"):
        captcha.check(challenge.token, _answer(challenge))


def test_the_answer_may_be_written_as_a_word():
    challenge = captcha.new_challenge()
    words = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht",
             "neun", "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn",
             "siebzehn", "achtzehn", "neunzehn"]  # fmt: skip

    captcha.check(challenge.token, f" {words[int(_answer(challenge))].capitalize()} ")


def test_an_old_challenge_has_expired():
    challenge = captcha.new_challenge(issued_at=time.time() - captcha.MAX_AGE - 60)

    with pytest.raises(captcha.CaptchaError, match="abgelaufen"):
        captcha.check(challenge.token, _answer(challenge))


def test_a_tampered_or_missing_token_is_refused():
    challenge = captcha.new_challenge()
    tampered = challenge.token[:-2] + ("AA" if not challenge.token.endswith("AA") else "BB")

    for token in (tampered, "", "kein-token"):
        with pytest.raises(captcha.CaptchaError, match="neue Rechenaufgabe"):
            captcha.check(token, _answer(challenge))


def test_the_page_does_not_give_the_answer_away():
    challenge = captcha.new_challenge()
    answer = _answer(challenge)

    # The token carries a keyed hash, not the number.
    payload = captcha.signing.TimestampSigner(salt=captcha.SALT).unsign_object(challenge.token)
    assert answer not in payload.values()
