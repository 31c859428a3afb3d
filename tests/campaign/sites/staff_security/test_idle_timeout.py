"""campaign/sites/staff_security/idle_timeout.py: staff sessions end after 30 idle minutes;
visitors of the public pages get no session from it."""

import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from campaign.sites.staff_security.idle_timeout import LAST_ACTIVITY
from tests.support import login_with_second_factor

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
IDLE_MESSAGE = "Sie wurden nach 30 Minuten ohne Aktivität abgemeldet."


@pytest.fixture
def staff_client(client):
    superuser = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
    login_with_second_factor(client, superuser)
    assert client.get(ADMIN).status_code == 200
    return client


def _idle_for(client, minutes):
    session = client.session
    session[LAST_ACTIVITY] = int(time.time()) - minutes * 60
    session.save()


def test_after_31_idle_minutes_the_admin_asks_for_the_login_again(staff_client):
    _idle_for(staff_client, 31)

    response = staff_client.get(ADMIN)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    login = staff_client.get(response.url)
    assert IDLE_MESSAGE in login.text
    assert "_auth_user_id" not in staff_client.session


def test_an_active_user_keeps_the_session(staff_client):
    _idle_for(staff_client, 29)

    assert staff_client.get(ADMIN).status_code == 200
    assert time.time() - staff_client.session[LAST_ACTIVITY] < 60  # the clock starts anew
    assert staff_client.get(ADMIN).status_code == 200


def test_editors_without_second_factor_are_logged_out_as_well(client):
    editor = get_user_model().objects.create_user("presse", "p@example.org", "x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(ADMIN).status_code == 200
    _idle_for(client, 31)

    assert client.get(ADMIN).status_code == 302
    assert "_auth_user_id" not in client.session


def test_public_pages_start_no_session_for_visitors(client, demo_sites):
    response = client.get("/", HTTP_HOST="mitte.localhost")

    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not response.cookies  # no cookie at all
