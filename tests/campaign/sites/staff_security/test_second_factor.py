"""campaign/staff_security: staff who may see applications confirm the admin
login with a code from an authenticator app; everyone else logs in as before."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Site

from campaign.sites.roles import PRESS_OFFICE, group_name
from campaign.sites.staff_security.devices import new_backup_codes
from tests.support import current_code, get_with_query_budget, login_with_second_factor

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
SETUP = reverse("staff_second_factor_setup")
VERIFY = reverse("staff_second_factor_verify")
PASSWORD = "Geheim-2026!"
WRONG_CODE = "Dieser Code stimmt nicht."


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)


def _password_login(client, user):
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": user.username, "password": PASSWORD, "next": ADMIN},
    )
    assert response.status_code == 302
    assert response.url == ADMIN
    return client.get(ADMIN)


def _forget_failures(device):
    # The wait after a wrong code has its own test; here the next try comes at once.
    device.refresh_from_db()
    device.throttle_reset()


def _sent_to(response, url):
    return response.status_code == 302 and response.url.startswith(url + "?next=")


def test_a_superuser_sets_up_the_app_then_confirms_each_login(client, superuser):
    # First login: the password is right, the admin asks for the app's setup.
    assert _sent_to(_password_login(client, superuser), SETUP)

    setup = client.get(SETUP + "?next=" + ADMIN)
    assert setup.status_code == 200
    assert '<svg role="img"' in setup.text
    assert "<title>QR-Code" in setup.text
    secret = re.search(r'id="second-factor-secret">([A-Z2-7 ]+)<', setup.text).group(1)
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    assert secret.replace(" ", "") in device.config_url  # what the QR code holds

    wrong = client.post(SETUP, {"code": "000000", "next": ADMIN})
    assert wrong.status_code == 422
    assert WRONG_CODE in wrong.text
    assert 'value="000000"' in wrong.text  # what was typed stays
    assert _sent_to(client.get(ADMIN), SETUP)
    _forget_failures(device)

    done = client.post(SETUP, {"code": current_code(device), "next": ADMIN})
    assert done.status_code == 200
    assert "Ihre Notfallcodes" in done.text
    assert len(re.findall(r"<li><code>[a-z2-7]{8}</code></li>", done.text)) == 10
    assert client.get(ADMIN).status_code == 200

    # The next login asks for a code (no second setup with the password alone).
    client.post(reverse("wagtailadmin_logout"))
    assert _sent_to(_password_login(client, superuser), VERIFY)
    assert _sent_to(client.get(SETUP), VERIFY)


def test_a_wrong_code_is_refused_in_german_and_a_valid_one_opens_the_admin(client, superuser):
    device = TOTPDevice.objects.create(user=superuser, name="App", confirmed=True)
    client.force_login(superuser)
    assert _sent_to(client.get(ADMIN), VERIFY)

    for code in ("123456", "abc", ""):
        refused = client.post(VERIFY, {"code": code, "next": ADMIN})
        assert refused.status_code == 422
        assert 'role="alert"' in refused.text
        assert 'href="#id_code"' in refused.text
    _forget_failures(device)
    assert _sent_to(client.get(ADMIN), VERIFY)

    accepted = client.post(VERIFY, {"code": current_code(device), "next": ADMIN})

    assert accepted.status_code == 303
    assert accepted.url == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_after_a_wrong_code_the_next_try_must_wait(client, superuser, settings):
    # django-otp doubles the wait after each failure: factor × 2^(failures − 1) seconds.
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device = TOTPDevice.objects.create(user=superuser, name="App", confirmed=True)
    client.force_login(superuser)

    assert client.post(VERIFY, {"code": "000000"}).status_code == 422
    waiting = client.post(VERIFY, {"code": current_code(device)})

    assert waiting.status_code == 429
    assert "Zu viele falsche Codes. Bitte warten Sie 60 Sekunden" in waiting.text
    assert waiting["Retry-After"] == "60"
    assert _sent_to(client.get(ADMIN), VERIFY)


def test_a_backup_code_works_once(client, superuser):
    TOTPDevice.objects.create(user=superuser, name="App", confirmed=True)
    code = new_backup_codes(superuser)[0]
    client.force_login(superuser)

    assert client.post(VERIFY, {"code": code.upper()}).status_code == 303
    assert client.get(ADMIN).status_code == 200

    client.post(reverse("wagtailadmin_logout"))
    client.force_login(superuser)
    assert client.post(VERIFY, {"code": code}).status_code == 422


def test_the_code_step_leads_only_to_this_installation(client, superuser):
    device = TOTPDevice.objects.create(user=superuser, name="App", confirmed=True)
    client.force_login(superuser)

    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})

    assert response.status_code == 303
    assert response.url == ADMIN


def test_the_code_step_has_a_query_budget(client, superuser):
    TOTPDevice.objects.create(user=superuser, name="App", confirmed=True)
    client.force_login(superuser)

    get_with_query_budget(client, VERIFY, host="testserver", max_queries=8)


def test_the_press_office_logs_in_without_second_factor(client, demo_sites):
    press = get_user_model().objects.create_user("presse", "p@example.org", PASSWORD)
    mitte = Site.objects.get(hostname="mitte.localhost")
    press.groups.add(Group.objects.get(name=group_name(mitte, PRESS_OFFICE)))

    assert _password_login(client, press).status_code == 200
    assert login_with_second_factor(client, press) is None


def test_after_a_lost_phone_the_next_login_sets_up_a_new_app(client, superuser):
    TOTPDevice.objects.create(user=superuser, name="App", confirmed=True)
    new_backup_codes(superuser)

    call_command("reset_second_factor", "admin", stdout=StringIO())

    client.force_login(superuser)
    assert _sent_to(client.get(ADMIN), SETUP)
    with pytest.raises(CommandError):
        call_command("reset_second_factor", "niemand", stdout=StringIO())
