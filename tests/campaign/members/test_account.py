"""The member's own account: a new password by e-mail, deletion with the password."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from campaign.members import accounts
from campaign.members.views import PASSWORD_RESET_LIMIT

pytestmark = pytest.mark.django_db

HOST = "mitte.localhost"
PASSWORD = "Sommer-am-Alex-2024"
RESET = "/konto/passwort-vergessen/"


@pytest.fixture
def member(demo_sites):
    user = accounts.register("leserin@example.org", PASSWORD, demo_sites[1])
    accounts.activate(user)
    return user


def test_a_forgotten_password_is_reset_by_the_mailed_link(client, member, committed):
    sent = committed(client.post, RESET, {"email": "Leserin@example.org"}, HTTP_HOST=HOST)

    assert sent.status_code == 303
    assert sent["Location"] == "/konto/passwort-vergessen/gesendet/"
    (message,) = mail.outbox
    assert message.to == ["leserin@example.org"]
    assert "Neues Passwort" in message.subject
    link = re.search(r"http://mitte\.localhost(/konto/passwort-vergessen/\S+)", message.body)
    form = client.get(link.group(1), HTTP_HOST=HOST, follow=True)
    assert "Neues Passwort festlegen" in form.text
    new = "Herbst-im-Tiergarten-7"
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": new, "new_password2": new},
        HTTP_HOST=HOST,
    )
    assert done["Location"] == "/konto/passwort-vergessen/fertig/"
    login = client.post(
        "/konto/anmelden/", {"username": "leserin@example.org", "password": new}, HTTP_HOST=HOST
    )
    assert login.status_code == 302
    # The link served once.
    again = client.get(link.group(1), HTTP_HOST=HOST, follow=True)
    assert "Dieser Link ist ungültig" in again.text


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, demo_sites, committed):
    sent = committed(client.post, RESET, {"email": "niemand@example.org"}, HTTP_HOST=HOST)

    assert sent.status_code == 303
    assert mail.outbox == []


def test_editors_reset_their_password_in_the_admin_not_here(
    client, demo_sites, committed, django_user_model
):
    django_user_model.objects.create_user("redaktion@example.org", "redaktion@example.org", "x")

    committed(client.post, RESET, {"email": "redaktion@example.org"}, HTTP_HOST=HOST)

    assert mail.outbox == []


def test_a_bad_address_is_named_in_german(client, demo_sites):
    response = client.post(RESET, {"email": "keine-adresse"}, HTTP_HOST=HOST)

    assert response.status_code == 422
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in response.text
    assert 'value="keine-adresse"' in response.text


def test_password_reset_has_a_rate_limit(client, member):
    request = client.get(RESET, HTTP_HOST=HOST).wsgi_request
    for _ in range(PASSWORD_RESET_LIMIT.limit):
        PASSWORD_RESET_LIMIT.count(request)

    response = client.post(RESET, {"email": "leserin@example.org"}, HTTP_HOST=HOST)

    assert response.status_code == 429
    assert "Bitte warten Sie eine Stunde" in response.text
    assert 'value="leserin@example.org"' in response.text
    assert mail.outbox == []


def test_deleting_the_account_needs_the_password_and_ends_every_session(client, member):
    other_device = Client()
    other_device.force_login(member)
    client.force_login(member)

    wrong = client.post("/konto/loeschen/", {"password": "falsch"}, HTTP_HOST=HOST)
    assert wrong.status_code == 422
    assert "Das Passwort stimmt nicht. Ihr Konto wurde nicht gelöscht." in wrong.text
    assert get_user_model().objects.filter(pk=member.pk).exists()

    deleted = client.post("/konto/loeschen/", {"password": PASSWORD}, HTTP_HOST=HOST)

    assert deleted.status_code == 303
    assert (
        "Ihr Konto und Ihre E-Mail-Adresse sind gelöscht"
        in client.get(deleted["Location"], HTTP_HOST=HOST).text
    )
    assert not get_user_model().objects.filter(username="leserin@example.org").exists()
    assert "_auth_user_id" not in client.session
    elsewhere = other_device.get("/konto/", HTTP_HOST=HOST)
    assert elsewhere.status_code == 302
    assert elsewhere["Location"].startswith("/konto/anmelden/")


def test_an_editor_cannot_delete_their_account_here(client, demo_sites, django_user_model):
    editor = django_user_model.objects.create_user("redaktion", password=PASSWORD)
    client.force_login(editor)

    page = client.get("/konto/", HTTP_HOST=HOST).text
    response = client.post("/konto/loeschen/", {"password": PASSWORD}, HTTP_HOST=HOST)

    assert "Konto der Redaktion" in page
    assert response.status_code == 302
    assert get_user_model().objects.filter(pk=editor.pk).exists()
