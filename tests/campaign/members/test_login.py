"""Logging in and out, unconfirmed accounts, django-axes' lockout, no admin for members."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from campaign.members import accounts
from campaign.members.views import RESEND_LIMIT
from campaign.sites.roles import PRESS_OFFICE, group_name
from tests.support import get_with_query_budget

pytestmark = pytest.mark.django_db

HOST = "mitte.localhost"
LOGIN = "/konto/anmelden/"
PASSWORD = "Sommer-am-Alex-2024"


@pytest.fixture
def member(demo_sites):
    user = accounts.register("leserin@example.org", PASSWORD, demo_sites[1])
    accounts.activate(user)
    return user


def _login(client, username, password=PASSWORD, **data):
    return client.post(LOGIN, {"username": username, "password": password, **data}, HTTP_HOST=HOST)


def test_a_member_logs_in_with_the_address_in_any_case_and_out_again(client, member):
    response = _login(client, "LeserIn@Example.org")

    assert response.status_code == 302
    assert response["Location"] == "/konto/"
    account = client.get("/konto/", HTTP_HOST=HOST).text
    assert "leserin@example.org" in account
    home = client.get("/", HTTP_HOST=HOST).text
    assert 'href="/konto/"' in home
    assert "Abmelden" in home

    assert client.get("/konto/abmelden/", HTTP_HOST=HOST).status_code == 405  # POST only
    logged_out = client.post("/konto/abmelden/", HTTP_HOST=HOST)
    assert logged_out.status_code == 302
    assert logged_out["Location"] == "/"
    home = client.get("/", HTTP_HOST=HOST).text
    assert 'href="/konto/anmelden/"' in home
    assert client.get("/konto/", HTTP_HOST=HOST)["Location"] == "/konto/anmelden/?next=/konto/"


def test_a_wrong_password_is_named_in_german_and_the_address_kept(client, member):
    response = _login(client, "leserin@example.org", "falsch")

    assert response.status_code == 422
    assert "E-Mail-Adresse oder Passwort stimmen nicht." in response.text
    assert 'value="leserin@example.org"' in response.text
    assert "_auth_user_id" not in client.session


def test_an_unconfirmed_account_is_told_so_and_may_have_the_mail_again(
    client, demo_sites, committed
):
    accounts.register("neu@example.org", PASSWORD, demo_sites[1])

    response = _login(client, "neu@example.org")
    wrong = _login(client, "neu@example.org", "falsch")
    resent = committed(
        client.post, "/konto/bestaetigen/erneut/", {"email": "neu@example.org"}, HTTP_HOST=HOST
    )

    assert response.status_code == 422
    assert "noch nicht bestätigt" in response.text
    assert "Bestätigungs-E-Mail noch einmal senden" in response.text
    # Only the right password learns that the account waits for confirmation.
    assert "noch nicht bestätigt" not in wrong.text
    assert resent.status_code == 303
    (message,) = mail.outbox
    assert message.to == ["neu@example.org"]
    assert "/konto/bestaetigen/" in message.body


def test_resending_has_a_rate_limit(client, demo_sites):
    request = client.get(LOGIN, HTTP_HOST=HOST).wsgi_request
    for _ in range(RESEND_LIMIT.limit):
        RESEND_LIMIT.count(request)

    response = client.post("/konto/bestaetigen/erneut/", {"email": "x@example.org"}, HTTP_HOST=HOST)

    assert response.status_code == 429
    assert "Bitte warten Sie eine Stunde" in response.text
    assert 0 < int(response["Retry-After"]) <= 60 * 60


def test_five_failures_lock_the_account_out_for_this_address_with_a_german_429(client, member):
    statuses = [_login(client, "leserin@example.org", "falsch").status_code for _ in range(4)]
    fifth = _login(client, "leserin@example.org", "falsch")
    right_password = _login(client, "leserin@example.org")

    assert statuses == [422] * 4
    assert fifth.status_code == 429
    assert "Zu viele Anmeldeversuche" in fifth.text
    assert "15 Minuten" in fifth.text
    assert right_password.status_code == 429
    assert int(right_password["Retry-After"]) == 15 * 60
    assert "_auth_user_id" not in client.session
    # Another address from elsewhere is not locked out with it.
    other = client.post(
        LOGIN,
        {"username": "leserin@example.org", "password": PASSWORD},
        HTTP_HOST=HOST,
        REMOTE_ADDR="192.0.2.7",
    )
    assert other.status_code == 302


def test_failures_on_many_accounts_lock_out_the_address_but_no_other(client, member, settings):
    # Password spraying: one password tried on many accounts, once each.
    statuses = [
        _login(client, f"person{number}@example.org", "Sommer2024").status_code
        for number in range(30)
    ]
    right_password = _login(client, "leserin@example.org")

    limit = settings.STELLWERK_ADDRESS_FAILURE_LIMIT
    assert statuses == [422] * (limit - 1) + [429] * (30 - limit + 1)
    assert right_password.status_code == 429
    assert int(right_password["Retry-After"]) == 15 * 60
    assert "von Ihrem Anschluss aus ist für 15 Minuten gesperrt" in right_password.text
    assert "_auth_user_id" not in client.session
    # The account's owner elsewhere still logs in.
    other = client.post(
        LOGIN,
        {"username": "leserin@example.org", "password": PASSWORD},
        HTTP_HOST=HOST,
        REMOTE_ADDR="192.0.2.7",
    )
    assert other.status_code == 302


def test_logging_into_an_own_account_does_not_wipe_the_address_count(client, member, settings):
    limit = settings.STELLWERK_ADDRESS_FAILURE_LIMIT
    for number in range(limit - 1):
        _login(client, f"person{number}@example.org", "Sommer2024")

    assert _login(client, "leserin@example.org").status_code == 302
    client.post("/konto/abmelden/", HTTP_HOST=HOST)

    assert _login(client, "person-next@example.org", "Sommer2024").status_code == 429


def test_the_admin_login_locks_out_a_spraying_address_too(client, demo_sites, settings):
    limit = settings.STELLWERK_ADDRESS_FAILURE_LIMIT
    statuses = [
        client.post(
            "/admin/login/",
            {"username": f"redaktion{number}", "password": "Sommer2024"},
            HTTP_HOST=HOST,
        ).status_code
        for number in range(limit)
    ]

    assert 429 not in statuses[:-1]
    assert statuses[-1] == 429
    locked = client.post(
        "/admin/login/", {"username": "redaktion", "password": "x"}, HTTP_HOST=HOST
    )
    assert locked.status_code == 429
    assert locked["Retry-After"] == str(15 * 60)
    assert "Zu viele Anmeldeversuche" in locked.text
    elsewhere = client.post(
        "/admin/login/",
        {"username": "redaktion", "password": "x"},
        HTTP_HOST=HOST,
        REMOTE_ADDR="192.0.2.8",
    )
    assert elsewhere.status_code == 200  # the form again, with its error


def test_a_member_never_reaches_the_admin(client, member):
    client.force_login(member)

    response = client.get("/admin/", HTTP_HOST=HOST)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert not member.is_staff
    assert not member.has_perm("wagtailadmin.access_admin")


def test_the_admin_login_still_works_for_editors(client, demo_sites, django_user_model):
    # The press office: editors without a second factor (they see no applicant data).
    editor = django_user_model.objects.create_user("redakteurin", "r@example.org", PASSWORD)
    site = next(site for site in demo_sites if site.hostname == HOST)
    editor.groups.add(Group.objects.get(name=group_name(site, PRESS_OFFICE)))

    response = client.post(
        "/admin/login/", {"username": "redakteurin", "password": PASSWORD}, HTTP_HOST=HOST
    )

    assert response.status_code == 302
    assert client.get("/admin/", HTTP_HOST=HOST).status_code == 200


def test_the_login_page_has_a_query_budget(client, demo_sites):
    client.get(LOGIN, HTTP_HOST=HOST)

    get_with_query_budget(client, LOGIN, host=HOST, max_queries=8)
    # Explaining a member-only page costs its lookup and its restrictions.
    get_with_query_budget(client, f"{LOGIN}?next=/presse/homeoffice/", host=HOST, max_queries=14)
