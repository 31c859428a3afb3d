"""Feedback on barriers: the form on the statement (campaign/legal/views.py),
storing and mailing it (campaign/legal/feedback.py) and the admin
listing (campaign/legal/admin.py)."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from campaign.legal import feedback as accessibility_feedback
from campaign.legal.models import one_month_after
from campaign.models import AccessibilityFeedback, AccessibilityStatementPage, FeedbackStatus
from campaign.sites.roles import HR, PRESS_OFFICE
from tests.support import (
    count_queries,
    get_with_query_budget,
    login_with_second_factor,
    site_editor,
)

pytestmark = pytest.mark.django_db

HOST = "mitte.localhost"
STATEMENT = "/barrierefreiheit/"
THANKS = "/barrierefreiheit/danke/#rueckmeldung"
ADMIN = "/admin/rueckmeldungen/"
ADMIN_HOST = "localhost"
VALID = {
    "message": "Das Video auf der Startseite hat keine Untertitel.",
    "page": "/imagefilm/",
    "name": "Ada Muster",
    "email": "ada@example.org",
}


def _post(client, data, **extra):
    return client.post(STATEMENT, data, HTTP_HOST=HOST, **extra)


def test_a_message_is_stored_mailed_to_the_press_office_and_thanked_for(
    client, demo_sites, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, VALID)

    assert response.status_code == 303
    assert response["Location"] == THANKS
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.site.hostname == HOST
    assert feedback.page_path == "/imagefilm/"
    assert feedback.status == FeedbackStatus.NEW
    assert feedback.reply_due == one_month_after(timezone.localdate(feedback.received_at))
    (message,) = mail.outbox
    # Mitte's statement names no address of its own: the press office's gets it.
    assert message.to == ["presse@ba-mitte.berlin.de"]
    assert message.reply_to == ["ada@example.org"]
    assert "Das Video auf der Startseite hat keine Untertitel." in message.body
    assert "/imagefilm/" in message.body
    assert f"/admin/rueckmeldungen/edit/{feedback.pk}/" in message.body

    thanks = client.get(response["Location"], HTTP_HOST=HOST)
    assert thanks.status_code == 200
    assert "Vielen Dank für Ihre Rückmeldung." in thanks.text
    assert thanks["X-Robots-Tag"] == "noindex"


def test_the_statements_own_address_gets_the_mail_when_it_has_one(
    client, demo_sites, django_capture_on_commit_callbacks
):
    AccessibilityStatementPage.objects.filter(url_path__startswith="/mitte/").update(
        feedback_email="barrierefreiheit@mitte.example"
    )

    with django_capture_on_commit_callbacks(execute=True):
        _post(client, {"message": "Kontrast zu schwach.", "page": ""})

    (message,) = mail.outbox
    assert message.to == ["barrierefreiheit@mitte.example"]
    assert message.reply_to == []  # no address given: no reply possible
    assert "keine Antwort möglich" in message.body


def test_the_form_fills_in_the_page_the_visitor_came_from(client, demo_sites):
    from_link = client.get(STATEMENT, {"seite": "/presse/"}, HTTP_HOST=HOST).text
    from_referer = client.get(
        STATEMENT, HTTP_HOST=HOST, HTTP_REFERER=f"http://{HOST}/imagefilm/"
    ).text
    from_elsewhere = client.get(
        STATEMENT, HTTP_HOST=HOST, HTTP_REFERER="https://example.org/imagefilm/"
    ).text
    forged = client.get(STATEMENT, {"seite": "/gibt-es-nicht/"}, HTTP_HOST=HOST).text

    assert 'name="page" id="id_page" value="/presse/"' in from_link
    assert 'name="page" id="id_page" value="/imagefilm/"' in from_referer
    assert 'name="page" id="id_page" value=""' in from_elsewhere
    assert 'name="page" id="id_page" value=""' in forged


def test_a_form_with_errors_keeps_what_was_entered_and_says_what_is_wrong(client, demo_sites):
    response = _post(
        client,
        {"message": "", "page": "https://example.org/", "name": "Ada", "email": "keine-adresse"},
    )

    assert response.status_code == 422
    html = response.text
    assert 'role="alert"' in html
    assert 'href="#id_message"' in html  # the summary leads to the field
    assert "Bitte beschreiben Sie, was nicht barrierefrei ist." in html
    assert "Diese Seite gibt es auf dieser Website nicht." in html
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in html
    assert 'value="Ada"' in html
    assert 'value="keine-adresse"' in html
    assert 'value="https://example.org/"' in html
    assert 'aria-invalid="true"' in html
    assert not AccessibilityFeedback.objects.exists()


def test_a_page_of_this_site_counts_with_or_without_its_host(client, demo_sites):
    site = Site.objects.get(hostname=HOST)
    request = client.get(STATEMENT, HTTP_HOST=HOST).wsgi_request

    def check(value):
        return accessibility_feedback.path_on_site(request, site, value)

    assert check("/imagefilm/") == "/imagefilm/"
    assert check("/imagefilm") == "/imagefilm/"
    assert check(f"http://{HOST}/presse/?jahr=2024") == "/presse/"
    assert check("/suche/") == "/suche/"  # a view, not a page, of this site
    assert check("/veranstaltungen/") is None  # Düsseldorf's, not Mitte's
    assert check("//example.org/") is None
    assert check("javascript:alert(1)") is None
    assert check("/admin/") is None


def test_the_honeypot_thanks_bots_and_stores_nothing(
    client, demo_sites, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, {**VALID, "homepage": "https://spam.example"})

    assert response.status_code == 303
    assert not AccessibilityFeedback.objects.exists()
    assert mail.outbox == []


def test_past_five_messages_in_ten_minutes_the_visitor_is_asked_to_wait(client, demo_sites):
    for _ in range(accessibility_feedback.RATE_LIMIT.limit):
        assert _post(client, VALID).status_code == 303

    response = _post(client, {**VALID, "message": "Noch etwas."})

    assert response.status_code == 429
    assert "Bitte warten Sie zehn Minuten" in response.text
    assert "Noch etwas." in response.text  # nothing lost
    assert AccessibilityFeedback.objects.count() == accessibility_feedback.RATE_LIMIT.limit
    other_visitor = _post(client, VALID, REMOTE_ADDR="192.0.2.7")
    assert other_visitor.status_code == 303


def test_behind_a_proxy_the_limit_counts_each_visitors_address(client, demo_sites, settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"  # the proxy's own address is REMOTE_ADDR
    for _ in range(accessibility_feedback.RATE_LIMIT.limit):
        _post(client, VALID, HTTP_X_REAL_IP="198.51.100.1")

    assert _post(client, VALID, HTTP_X_REAL_IP="198.51.100.1").status_code == 429
    assert _post(client, VALID, HTTP_X_REAL_IP="198.51.100.2").status_code == 303


def test_the_reply_is_due_a_month_later_at_most_at_the_months_end():
    assert one_month_after(datetime.date(2026, 1, 15)) == datetime.date(2026, 2, 15)
    assert one_month_after(datetime.date(2026, 1, 31)) == datetime.date(2026, 2, 28)
    assert one_month_after(datetime.date(2026, 12, 31)) == datetime.date(2027, 1, 31)


def test_answered_messages_are_deleted_a_year_after_the_answer(demo_sites):
    site = Site.objects.get(hostname=HOST)
    old = AccessibilityFeedback.objects.create(
        site=site, message="alt", status=FeedbackStatus.ANSWERED
    )
    AccessibilityFeedback.objects.filter(pk=old.pk).update(
        answered_at=timezone.now() - datetime.timedelta(days=400)
    )
    recent = AccessibilityFeedback.objects.create(
        site=site, message="neu", status=FeedbackStatus.ANSWERED
    )
    open_one = AccessibilityFeedback.objects.create(
        site=site, message="offen", received_at=timezone.now() - datetime.timedelta(days=800)
    )
    out = StringIO()

    call_command("delete_expired_accessibility_feedback", stdout=out)

    assert "1 beantwortete Rückmeldungen gelöscht" in out.getvalue()
    assert set(AccessibilityFeedback.objects.values_list("pk", flat=True)) == {
        recent.pk,
        open_one.pk,
    }


# The admin -----------------------------------------------------------------


def _editor(client, hostname, role=PRESS_OFFICE):
    user = site_editor(hostname, role)
    login_with_second_factor(client, user)
    return user


@pytest.fixture
def overdue(demo_sites):
    return AccessibilityFeedback.objects.create(
        site=Site.objects.get(hostname=HOST),
        message="Die Tabelle auf der Seite Presse hat keine Überschriften.",
        page_path="/presse/",
        email="ada@example.org",
        received_at=timezone.now() - datetime.timedelta(days=40),
    )


def test_the_press_office_lists_its_messages_with_the_reply_by_date(client, overdue):
    _editor(client, HOST)

    listing = get_with_query_budget(client, ADMIN, host=ADMIN_HOST, max_queries=25)

    assert "/presse/" in listing.text
    due = overdue.reply_due.strftime("%d.%m.%Y")
    assert f"{due} – überfällig" in listing.text
    assert "Antwort fällig bis" in listing.text
    filtered = client.get(ADMIN, {"status": "answered"}, HTTP_HOST=ADMIN_HOST)
    assert "/presse/" not in filtered.text
    inspect = client.get(f"{ADMIN}inspect/{overdue.pk}/", HTTP_HOST=ADMIN_HOST)
    assert "keine Überschriften" in inspect.text


def test_the_press_office_sets_the_status(client, overdue):
    _editor(client, HOST)

    response = client.post(
        f"{ADMIN}edit/{overdue.pk}/", {"status": "answered"}, HTTP_HOST=ADMIN_HOST
    )

    assert response.status_code == 302
    overdue.refresh_from_db()
    assert overdue.status == FeedbackStatus.ANSWERED
    assert overdue.answered_at is not None
    assert not overdue.is_overdue()


def test_another_sites_press_office_sees_none_of_them(client, overdue):
    _editor(client, "duesseldorf.localhost")

    listing = client.get(ADMIN, HTTP_HOST=ADMIN_HOST)
    assert listing.status_code == 200
    assert "/presse/" not in listing.text
    for view in ("inspect", "edit"):
        response = client.get(f"{ADMIN}{view}/{overdue.pk}/", HTTP_HOST=ADMIN_HOST)
        assert response.status_code in (302, 404)
        assert "keine Überschriften" not in response.content.decode()
    client.post(f"{ADMIN}edit/{overdue.pk}/", {"status": "answered"}, HTTP_HOST=ADMIN_HOST)
    overdue.refresh_from_db()
    assert overdue.status == FeedbackStatus.NEW


def test_hr_has_no_access_to_visitors_messages(client, overdue):
    _editor(client, HOST, role=HR)

    response = client.get(ADMIN, HTTP_HOST=ADMIN_HOST)

    assert response.status_code == 302


def test_nobody_adds_a_message_in_the_admin(client, overdue):
    _editor(client, HOST)

    response = client.get(f"{ADMIN}new/", HTTP_HOST=ADMIN_HOST)

    assert response.status_code in (302, 403)


def test_more_messages_cost_the_listing_no_more_queries(client, overdue):
    _editor(client, HOST)
    client.get(ADMIN, HTTP_HOST=ADMIN_HOST)
    with_one = count_queries(client, ADMIN, host=ADMIN_HOST)
    for number in range(15):
        AccessibilityFeedback.objects.create(
            site=overdue.site, message=f"Meldung {number}", page_path=f"/seite-{number}/"
        )

    response = get_with_query_budget(client, ADMIN, host=ADMIN_HOST, max_queries=with_one)

    assert "/seite-14/" in response.text
