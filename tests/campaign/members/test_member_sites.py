"""Members belong to the employer whose site they registered on: another
employer's members and editors do not read its member-only pages and
documents; its own members and editors and superusers do."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from campaign.factories import StandardPageFactory
from campaign.members import accounts, captcha
from campaign.sites.roles import PRESS_OFFICE, group_name, site_collection
from media_library.factories import DocumentFactory
from tests.campaign.members.solving import solve
from tests.media_library import files

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fully_private_release")]

MITTE = "mitte.localhost"
ESSEN = "jobcenter-essen.localhost"
DUESSELDORF = "duesseldorf.localhost"
RELEASE = "/presse/homeoffice/"
BODY = "Bis Weihnachten"  # from the release's text, never on the refusal
PASSWORD = "Sommer-am-Alex-2024"
REFUSAL = "ist nur für registrierte Mitglieder von „Bezirksamt Mitte von Berlin“ sichtbar"


def _site(sites, hostname):
    return next(site for site in sites if site.hostname == hostname)


def _member(sites, hostname, email):
    user = accounts.register(email, PASSWORD, _site(sites, hostname))
    accounts.activate(user)
    return user


def _press_office(sites, hostname, django_user_model, username):
    editor = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    editor.groups.add(Group.objects.get(name=group_name(_site(sites, hostname), PRESS_OFFICE)))
    return editor


@pytest.fixture
def members_document(demo_sites):
    """A PDF in a login-restricted sub-collection of Mitte's collection."""
    collection = site_collection(_site(demo_sites, MITTE)).add_child(name="Nur für Mitglieder")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = DocumentFactory(
        title="Dienstplan für Mitglieder",
        collection=collection,
        file=ContentFile(files.pdf_bytes(), name="dienstplan.pdf"),
    )
    document._set_document_file_metadata()
    document.save()
    return document


def _assert_refused(response, title):
    assert response.status_code == 403
    html = response.text
    assert REFUSAL in html
    assert f"„{title}“" in html
    assert "Abmelden und mit einem Konto dieser Website anmelden" in html
    assert "Abmelden und hier registrieren" in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_member_of_the_site_reads_the_release(client, demo_sites):
    client.force_login(_member(demo_sites, MITTE, "leser@example.org"))

    response = client.get(RELEASE, HTTP_HOST=MITTE)

    assert response.status_code == 200
    assert BODY in response.text


def test_a_member_of_another_employer_is_told_in_german_and_reads_nothing(client, demo_sites):
    client.force_login(_member(demo_sites, DUESSELDORF, "rheinland@example.org"))

    response = client.get(RELEASE, HTTP_HOST=MITTE)

    _assert_refused(response, "500 neue Notebooks für die Beschäftigten")
    assert BODY not in response.text
    # The way out: log out and come back to the release (then Wagtail's login),
    # or log out and register here.
    assert 'action="/konto/abmelden/"' in response.text
    assert f'name="next" value="{RELEASE}"' in response.text
    assert (
        'name="next" value="/konto/registrieren/?next=%2Fpresse%2Fhomeoffice%2F"' in response.text
    )
    logged_out = client.post("/konto/abmelden/", {"next": RELEASE}, HTTP_HOST=MITTE, follow=True)
    assert logged_out.redirect_chain[-1] == ("/konto/anmelden/?next=/presse/homeoffice/", 302)
    assert "Dieser Inhalt ist nur für registrierte Mitglieder sichtbar" in logged_out.text


def test_an_unconfirmed_member_of_the_site_is_refused_too(client, demo_sites):
    user = accounts.register("neu@example.org", PASSWORD, _site(demo_sites, MITTE))
    user.is_active = True  # as if an administrator had unlocked it without confirmation
    user.save()
    client.force_login(user)

    assert client.get(RELEASE, HTTP_HOST=MITTE).status_code == 403


def test_subpages_of_a_member_only_page_are_for_the_sites_members_too(client, demo_sites):
    area = StandardPageFactory(
        parent=_site(demo_sites, MITTE).root_page, title="Intern", slug="intern"
    )
    PageViewRestriction.objects.create(page=area, restriction_type=PageViewRestriction.LOGIN)
    StandardPageFactory(parent=area, title="Unterseite", slug="unterseite")
    url = "/intern/unterseite/"

    client.force_login(_member(demo_sites, DUESSELDORF, "rheinland@example.org"))
    assert client.get(url, HTTP_HOST=MITTE).status_code == 403
    client.force_login(_member(demo_sites, MITTE, "leser@example.org"))
    assert client.get(url, HTTP_HOST=MITTE).status_code == 200


def test_an_editor_of_another_employer_does_not_see_it(client, demo_sites, django_user_model):
    client.force_login(_press_office(demo_sites, ESSEN, django_user_model, "essen"))

    response = client.get(RELEASE, HTTP_HOST=MITTE)

    _assert_refused(response, "500 neue Notebooks für die Beschäftigten")
    assert BODY not in response.text


def test_the_sites_own_press_office_and_superusers_see_it(
    client, demo_sites, django_user_model, admin_user
):
    client.force_login(_press_office(demo_sites, MITTE, django_user_model, "mitte"))
    assert BODY in client.get(RELEASE, HTTP_HOST=MITTE).text

    client.force_login(admin_user)
    assert BODY in client.get(RELEASE, HTTP_HOST=MITTE).text


def test_a_visitor_still_gets_the_login(client, demo_sites):
    response = client.get(RELEASE, HTTP_HOST=MITTE)

    assert response.status_code == 302
    assert response["Location"] == "/konto/anmelden/?next=/presse/homeoffice/"


def test_open_pages_stay_open_for_members_of_other_sites(client, demo_sites):
    client.force_login(_member(demo_sites, DUESSELDORF, "rheinland@example.org"))

    assert client.get("/presse/", HTTP_HOST=MITTE).status_code == 200


# Documents in a login-restricted collection of Mitte


def test_the_document_opens_for_mitte_its_press_office_and_superusers(
    client, demo_sites, members_document, django_user_model, admin_user
):
    for user in (
        _member(demo_sites, MITTE, "leser@example.org"),
        _press_office(demo_sites, MITTE, django_user_model, "mitte"),
        admin_user,
    ):
        client.force_login(user)
        response = client.get(members_document.url, HTTP_HOST=MITTE)
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_document_is_refused_to_other_employers_accounts(
    client, demo_sites, members_document, django_user_model
):
    for user in (
        _member(demo_sites, DUESSELDORF, "rheinland@example.org"),
        _press_office(demo_sites, ESSEN, django_user_model, "essen"),
    ):
        client.force_login(user)
        response = client.get(members_document.url, HTTP_HOST=MITTE)
        _assert_refused(response, "Dienstplan für Mitglieder")
        assert "%PDF" not in response.text


def test_the_document_opens_on_its_own_site_only(client, demo_sites, members_document):
    client.force_login(_member(demo_sites, MITTE, "leser@example.org"))

    assert client.get(members_document.url, HTTP_HOST=DUESSELDORF).status_code == 403
    assert client.get(members_document.url, HTTP_HOST="localhost").status_code == 403


def test_a_visitor_gets_the_login_for_the_document(client, demo_sites, members_document):
    response = client.get(members_document.url, HTTP_HOST=MITTE)

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/anmelden/?next=/dokumente/")


# Logging in on another employer's site


def _login(client, username, host, **data):
    return client.post(
        "/konto/anmelden/", {"username": username, "password": PASSWORD, **data}, HTTP_HOST=host
    )


def test_a_member_of_another_site_cannot_log_in_here(client, demo_sites):
    _member(demo_sites, DUESSELDORF, "rheinland@example.org")

    response = _login(client, "rheinland@example.org", MITTE, next=RELEASE)
    wrong = _login(client, "rheinland@example.org", MITTE, password="falsch")

    assert response.status_code == 422
    assert "gehört zur Website eines anderen Arbeitgebers" in response.text
    assert "_auth_user_id" not in client.session
    # Only who knows the password learns that the account is elsewhere.
    assert wrong.status_code == 422
    assert "anderen Arbeitgebers" not in wrong.text
    assert "E-Mail-Adresse oder Passwort stimmen nicht." in wrong.text
    # At home the login works.
    assert _login(client, "rheinland@example.org", DUESSELDORF).status_code == 302


def test_registering_a_known_address_elsewhere_mails_the_way_home(client, demo_sites, committed):
    _member(demo_sites, DUESSELDORF, "rheinland@example.org")
    challenge = captcha.new_challenge()

    response = committed(
        client.post,
        "/konto/registrieren/",
        {
            "email": "rheinland@example.org",
            "password1": "Ein-anderes-Passwort-7",
            "password2": "Ein-anderes-Passwort-7",
            "captcha_answer": solve(f"Rechenaufgabe: {challenge.question}"),
            "captcha_token": challenge.token,
        },
        HTTP_HOST=MITTE,
    )

    assert response.status_code == 303
    (message,) = mail.outbox
    home = _site(demo_sites, DUESSELDORF).root_url
    assert "schon zu Ihrem Konto auf der Website Landeshauptstadt Düsseldorf" in message.body
    assert f"{home}/konto/anmelden/" in message.body
    assert f"{home}/konto/passwort-vergessen/" in message.body
    assert "mitte.localhost" not in message.body


def test_a_password_reset_asked_elsewhere_leads_home(client, demo_sites, committed):
    _member(demo_sites, DUESSELDORF, "rheinland@example.org")

    response = committed(
        client.post,
        "/konto/passwort-vergessen/",
        {"email": "rheinland@example.org"},
        HTTP_HOST=MITTE,
    )

    assert response.status_code == 303
    (message,) = mail.outbox
    assert "Landeshauptstadt Düsseldorf" in message.body
    assert f"{_site(demo_sites, DUESSELDORF).root_url}/konto/passwort-vergessen/" in message.body
    assert "mitte.localhost" not in message.body


@pytest.mark.parametrize(
    "query",
    [
        {"next": "https://example.org/presse/homeoffice/"},
        {"next": "//example.org/"},
        {"next": "javascript:alert(1)"},
        {"next": "/presse/homeoffice/\x00"},
        {"next": "/" + "x" * 5000},
    ],
)
def test_hostile_values_get_no_500(client, demo_sites, query):
    client.force_login(_member(demo_sites, DUESSELDORF, "rheinland@example.org"))

    page = client.get(RELEASE, query, HTTP_HOST=MITTE)
    login = client.get("/konto/anmelden/", query, HTTP_HOST=MITTE)
    logout = client.post("/konto/abmelden/", query, HTTP_HOST=MITTE)

    assert page.status_code == 403
    assert "example.org/" not in page.text.replace("rheinland@example.org", "")
    assert login.status_code < 500
    assert logout.status_code == 302
    assert "example.org" not in logout["Location"]
    assert "javascript" not in logout["Location"]


def test_a_document_with_a_wrong_name_or_id_is_not_found(client, demo_sites, members_document):
    client.force_login(_member(demo_sites, DUESSELDORF, "rheinland@example.org"))

    wrong_name = f"/dokumente/{members_document.pk}/anders.pdf"
    assert client.get(wrong_name, HTTP_HOST=MITTE).status_code == 404
    assert client.get("/dokumente/999999/dienstplan.pdf", HTTP_HOST=MITTE).status_code == 404
