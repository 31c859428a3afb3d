"""The cache all workers share (Redis, REDIS_URL), and what happens while it is away.

Against a real redis-server of the test's own (the `shared_cache` fixture):
a captcha used by one worker is used for every other, rate limits count
across workers; with Redis down the captcha refuses (fail closed) and the
rate limits let visitors through (fail open), without an error.
"""

import logging
import math
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import RequestFactory

from campaign.members import captcha
from campaign.sites.rate_limits import RateLimit
from tests.campaign.members.solving import solve, token_of

HOST = "mitte.localhost"
REGISTER = "/konto/registrieren/"


def _answer(challenge):
    return solve(f"Rechenaufgabe: {challenge.question}")


def _in_another_worker(redis_url, code):
    """Run `code` in a process of its own with production's cache (REDIS_URL), as
    another gunicorn worker would."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign.project.settings.dev",
        "SECRET_KEY": settings.SECRET_KEY,
        "REDIS_URL": redis_url,
    }
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    return subprocess.run(
        [*manage, "shell", "-c", code], env=environment, capture_output=True, text=True, timeout=120
    )


def test_a_captcha_solved_once_is_used_up_in_every_worker(shared_cache):
    challenge = captcha.new_challenge()
    captcha.check(challenge.token, _answer(challenge))

    replay = _in_another_worker(
        shared_cache.url,
        "from campaign.members import captcha\n"
        "try:\n"
        f"    captcha.check({challenge.token!r}, {_answer(challenge)!r})\n"
        "except captcha.CaptchaError as error:\n"
        "    print('REFUSED', error)\n"
        "else:\n"
        "    print('ACCEPTED')\n",
    )

    assert replay.returncode == 0, replay.stderr
    assert "REFUSED Diese Rechenaufgabe wurde schon verwendet" in replay.stdout


def test_rate_limits_count_in_redis_and_let_visitors_through_while_it_is_down(shared_cache):
    limit = RateLimit("test-shared", limit=2, window=60)
    visitor = RequestFactory().post("/", REMOTE_ADDR="192.0.2.20")
    limit.count(visitor)
    limit.count(visitor)
    assert limit.exceeded(visitor)

    shared_cache.stop()

    # Fail open: a form that refused everyone, applicants among them, would harm more.
    assert not limit.exceeded(visitor)
    limit.count(visitor)  # and counting raises nothing
    shared_cache.start()  # an empty Redis, as after a restart
    assert not limit.exceeded(visitor)


@pytest.mark.django_db
def test_while_redis_is_down_registration_refuses_the_captcha_in_german(
    client, demo_sites, shared_cache
):
    page = client.get(REGISTER, HTTP_HOST=HOST).text
    shared_cache.stop()

    response = client.post(
        REGISTER,
        {
            "email": "neu@example.org",
            "password1": "Sommer-am-Alex-2024",
            "password2": "Sommer-am-Alex-2024",
            "captcha_answer": solve(page),
            "captcha_token": token_of(page),
            "homepage": "",
        },
        HTTP_HOST=HOST,
    )

    assert response.status_code == 422
    assert "Die Rechenaufgabe lässt sich gerade nicht prüfen" in response.text
    assert 'value="neu@example.org"' in response.text
    assert not get_user_model().objects.filter(username="neu@example.org").exists()


def test_an_unreachable_redis_is_logged_once_a_minute_without_a_traceback(shared_cache, caplog):
    (once_per_minute,) = logging.getLogger("campaign.cache").filters
    once_per_minute._last = -math.inf  # as in a fresh process
    shared_cache.stop()

    with caplog.at_level(logging.ERROR, logger="campaign.cache"):
        for _ in range(5):
            assert cache.get("branding") is None

    (record,) = [record for record in caplog.records if record.name == "campaign.cache"]
    assert record.exc_info is None
    assert "ConnectionError" in record.getMessage()
