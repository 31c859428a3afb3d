"""Registering: the form, the captcha as a visitor solves it, the confirmation mail."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from campaign.members import accounts
from campaign.members.views import REGISTRATION_LIMIT
from campaign.models import Member
from tests.campaign.members.solving import solve, token_of
from tests.support import get_with_query_budget

pytestmark = pytest.mark.django_db

HOST = "mitte.localhost"
URL = "/konto/registrieren/"
PASSWORD = "Sommer-am-Alex-2024"


def _post(
    client,
    committed=None,
    *,
    email="neu@example.org",
    password=PASSWORD,
    repeat=None,
    answer=None,
    **extra,
):
    page = client.get(URL, HTTP_HOST=HOST).text
    data = {
        "email": email,
        "password1": password,
        "password2": password if repeat is None else repeat,
        "captcha_answer": solve(page) if answer is None else answer,
        "captcha_token": token_of(page),
        "homepage": "",
        **extra,
    }
    if committed is None:
        return client.post(URL, data, HTTP_HOST=HOST), data
    return committed(client.post, URL, data, HTTP_HOST=HOST), data


def _link(message):
    return re.search(r"http://mitte\.localhost(/konto/bestaetigen/\S+)", message.body).group(1)


def test_registering_makes_an_inactive_account_and_mails_the_link(client, demo_sites, committed):
    response, _ = _post(client, committed, email=" Neu@Example.org ")

    assert response.status_code == 303
    assert response["Location"] == "/konto/registrieren/gesendet/"
    user = get_user_model().objects.get(username="neu@example.org")
    assert not user.is_active
    assert not user.is_staff
    assert user.member.site.hostname == HOST
    assert user.member.verified_at is None
    (message,) = mail.outbox
    assert message.to == ["neu@example.org"]
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in message.subject
    assert "Bezirksamt Mitte" in message.subject
    assert "/konto/bestaetigen/" in message.body
    sent = client.get(response["Location"], HTTP_HOST=HOST).text
    assert "Wir haben Ihnen eine E-Mail mit einem Link geschickt" in sent


def test_the_link_confirms_the_account_once_and_leads_to_the_login(client, demo_sites, committed):
    _post(client, committed, next="/presse/homeoffice/")
    link = _link(mail.outbox[0])

    # Opening the link (as a mail scanner does) only shows the button.
    opened = client.get(link, HTTP_HOST=HOST)
    assert opened.status_code == 200
    assert "Adresse bestätigen" in opened.text
    assert not get_user_model().objects.get(username="neu@example.org").is_active

    confirmed = client.post(link, HTTP_HOST=HOST, follow=True)
    again = client.get(link, HTTP_HOST=HOST)

    assert confirmed.redirect_chain[-1][0] == "/konto/anmelden/?next=%2Fpresse%2Fhomeoffice%2F"
    assert "Ihre E-Mail-Adresse ist bestätigt" in confirmed.text
    user = get_user_model().objects.get(username="neu@example.org")
    assert user.is_active
    assert user.member.verified_at is not None
    assert again.status_code == 400
    assert "Dieser Link gilt nicht mehr" in again.text


def test_a_forged_link_is_refused_in_german(client, demo_sites, committed):
    _post(client, committed)
    link = _link(mail.outbox[0])

    response = client.get(link[:-3] + "xx/", HTTP_HOST=HOST)

    assert response.status_code == 400
    assert "ungültig, abgelaufen oder wurde schon verwendet" in response.text
    assert not get_user_model().objects.get(username="neu@example.org").is_active


def test_errors_come_back_in_german_with_the_address_kept_but_no_password(client, demo_sites):
    response, _ = _post(client, email="neu@example.org", password="12345678", repeat="12345678")

    assert response.status_code == 422
    html = response.text
    assert 'value="neu@example.org"' in html
    assert "12345678" not in html
    assert "Bitte prüfen Sie Ihre Angaben" in html
    assert "Dieses Passwort ist zu üblich" in html or "Dieses Passwort ist zu einfach" in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_password1"' in html
    assert not get_user_model().objects.filter(username="neu@example.org").exists()
    assert mail.outbox == []
    assert 'name="captcha_answer"' in html


def test_different_passwords_and_a_wrong_sum_are_named(client, demo_sites):
    page = client.get(URL, HTTP_HOST=HOST).text
    wrong = str(int(solve(page)) + 3)
    response = client.post(
        URL,
        {
            "email": "neu@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD + "x",
            "captcha_answer": wrong,
            "captcha_token": token_of(page),
        },
        HTTP_HOST=HOST,
    )

    assert response.status_code == 422
    assert "Die beiden Passwörter stimmen nicht überein." in response.text
    assert "Das Ergebnis stimmt nicht." in response.text


def test_a_replayed_post_is_refused(client, demo_sites):
    first, data = _post(client)
    data["email"] = "zweite@example.org"

    replay = client.post(URL, data, HTTP_HOST=HOST)

    assert first.status_code == 303
    assert replay.status_code == 422
    assert "Diese Rechenaufgabe wurde schon verwendet" in replay.text
    assert not get_user_model().objects.filter(username="zweite@example.org").exists()


def test_an_address_registers_once_whatever_its_case(client, committed, demo_sites):
    first, _ = _post(client, committed, email="neu@example.org")

    again, _ = _post(client, committed, email="NEU@example.ORG")

    assert get_user_model().objects.filter(username__iexact="neu@example.org").count() == 1
    # Still unconfirmed: the second try gets the confirmation link again.
    assert [message.to for message in mail.outbox] == [["neu@example.org"]] * 2
    assert "/konto/bestaetigen/" in mail.outbox[-1].body
    assert (again.status_code, again["Location"]) == (first.status_code, first["Location"])


def test_registering_a_known_address_tells_only_its_owner(client, committed, demo_sites):
    mitte = next(site for site in demo_sites if site.hostname == HOST)
    user = accounts.register("bekannt@example.org", "Altes-Passwort-2024", mitte)
    accounts.activate(user)

    response, _ = _post(client, committed, email="Bekannt@example.org")

    # The visitor sees what a new registration sees: nothing says the address is known …
    assert response.status_code == 303
    assert response["Location"].startswith("/konto/registrieren/gesendet/")
    assert "schon ein Konto" not in client.get(response["Location"], HTTP_HOST=HOST).text
    # … while the owner is told, with the way back in, and the account is unchanged.
    (message,) = mail.outbox
    assert message.to == ["bekannt@example.org"]
    assert "Sie haben dort schon eines" in message.body
    assert "/konto/passwort-vergessen/" in message.body
    user.refresh_from_db()
    assert user.check_password("Altes-Passwort-2024")


def test_the_honeypot_thanks_bots_and_stores_nothing(client, demo_sites):
    response, _ = _post(client, homepage="https://spam.example")

    assert response.status_code == 303
    assert not get_user_model().objects.filter(username="neu@example.org").exists()
    assert mail.outbox == []


def test_past_the_rate_limit_a_429_keeps_the_address(client, demo_sites):
    request = client.get(URL, HTTP_HOST=HOST).wsgi_request
    for _ in range(REGISTRATION_LIMIT.limit):
        REGISTRATION_LIMIT.count(request)

    response, _ = _post(client, email="neu@example.org")

    assert response.status_code == 429
    assert "Bitte warten Sie eine Stunde" in response.text
    assert 0 < int(response["Retry-After"]) <= 60 * 60
    assert 'value="neu@example.org"' in response.text
    assert PASSWORD not in response.text
    assert not get_user_model().objects.filter(username="neu@example.org").exists()


def test_unconfirmed_accounts_are_deleted_after_a_week(demo_sites, django_user_model):
    editor = django_user_model.objects.create_user("redaktion", is_active=False)
    old = accounts.register("alt@example.org", PASSWORD, demo_sites[1])
    accounts.register("frisch@example.org", PASSWORD, demo_sites[1])
    confirmed = accounts.register("bestaetigt@example.org", PASSWORD, demo_sites[1])
    accounts.activate(confirmed)
    week_ago = timezone.now() - datetime.timedelta(days=7, minutes=1)
    Member.objects.filter(user__in=[old, confirmed]).update(registered_at=week_ago)

    call_command("delete_unverified_members")

    remaining = set(get_user_model().objects.values_list("username", flat=True))
    assert "alt@example.org" not in remaining
    assert {"frisch@example.org", "bestaetigt@example.org"} <= remaining
    assert editor.username in remaining  # a deactivated editor is no member


def test_the_registration_page_has_a_query_budget(client, demo_sites):
    client.get(URL, HTTP_HOST=HOST)

    get_with_query_budget(client, URL, host=HOST, max_queries=8)
