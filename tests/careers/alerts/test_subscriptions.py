"""Subscribing to a job alert on /stellenalarm/ (careers/alerts/views.py,
subscriptions.py): double opt-in, signed links, unsubscribing (also with one
click, RFC 8058), no duplicates, no leak, bad input, rate limit."""

import html
import re
import time
from io import StringIO

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client

from careers.alerts import subscriptions
from careers.alerts.views import RATE_LIMIT
from careers.models import JobAlert, JobAlertKind
from tests.careers.alerts.conftest import MITTE, job_field
from tests.support import get_with_query_budget

pytestmark = pytest.mark.django_db

PAGE = "/stellenalarm/"
SENT = "/stellenalarm/gesendet/"


def _post(client, data, path=PAGE, **extra):
    return client.post(path, data, HTTP_HOST=MITTE, **extra)


def _get(client, path):
    return client.get(path, HTTP_HOST=MITTE)


def _link(message, kind):
    match = re.search(rf"http://{re.escape(MITTE)}(/stellenalarm/{kind}/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def _subscribe(client, capture, email="ada@example.org", **data):
    with capture(execute=True):
        return _post(client, {"email": email, **data})


def test_the_page_offers_the_sites_job_fields_by_category_within_budget(client, mitte):
    # The first visit also fills the branding cache (header, logo); then it is the page's own.
    get_with_query_budget(client, PAGE, host=MITTE, max_queries=24)
    response = get_with_query_budget(client, PAGE, host=MITTE, max_queries=8)

    text = response.text
    assert text.count('type="checkbox" name="berufsfeld"') >= 80
    assert '<legend class="kern-label">Verwaltung</legend>' in text
    assert 'autocomplete="email"' in text
    assert 'name="csrfmiddlewaretoken"' in text
    assert response["X-Robots-Tag"] == "noindex"


def test_the_job_field_page_links_to_its_alert_which_comes_ticked(client, mitte):
    administration = job_field(mitte, "Allgemeine Verwaltung")
    page = _get(client, administration.url_path[len(mitte.root_page.url_path) - 1 :])
    link = f"/stellenalarm/?berufsfeld={administration.pk}"
    assert f'href="{link}"' in page.text
    assert "Neue Stellen in diesem Berufsfeld per E-Mail" in page.text

    form = _get(client, link)
    assert re.search(rf'value="{administration.pk}" id="[^"]+" checked', form.text)


def test_subscribing_sends_only_the_confirmation_and_the_link_starts_the_alert(
    client, mitte, publish, django_capture_on_commit_callbacks
):
    administration = job_field(mitte, "Allgemeine Verwaltung")

    response = _subscribe(
        client, django_capture_on_commit_callbacks, berufsfeld=[administration.pk]
    )

    assert response.status_code == 303
    assert response["Location"] == SENT
    sent = _get(client, SENT)
    assert "Wir haben Ihnen eine E-Mail geschickt." in sent.text
    alert = JobAlert.objects.get()
    assert alert.confirmed_at is None
    assert list(alert.job_fields.all()) == [administration]
    (confirmation,) = mail.outbox
    assert confirmation.to == ["ada@example.org"]
    assert "Bitte bestätigen Sie" in confirmation.subject
    assert "Berufsfelder: Allgemeine Verwaltung" in confirmation.body

    # Unconfirmed: a new posting of the field mails nothing.
    publish(mitte, "Sachbearbeitung Wohngeld", job_field=administration)
    call_command("send_job_alerts", stdout=StringIO())
    assert len(mail.outbox) == 1

    link = _link(confirmation, "bestaetigen")
    # A mail scanner opening the link starts nothing: the button does.
    page = _get(client, link)
    assert page.status_code == 200
    assert "Stellenalarm starten" in page.text
    alert.refresh_from_db()
    assert alert.confirmed_at is None
    confirmed = _post(client, {}, path=link)
    assert confirmed.status_code == 303
    assert "Ihr Stellenalarm ist aktiv" in _get(client, link).text
    alert.refresh_from_db()
    assert alert.confirmed_at is not None


def test_subscribing_again_makes_no_second_row_and_answers_the_same(
    client, mitte, django_capture_on_commit_callbacks
):
    pk = job_field(mitte, "Allgemeine Verwaltung").pk
    first = _subscribe(client, django_capture_on_commit_callbacks, berufsfeld=[pk])
    again = _subscribe(
        client, django_capture_on_commit_callbacks, email=" ADA@example.org", berufsfeld=[pk]
    )
    subscriptions.confirm(JobAlert.objects.get())
    third = _subscribe(client, django_capture_on_commit_callbacks, berufsfeld=[pk])

    assert JobAlert.objects.count() == 1
    assert first["Location"] == again["Location"] == third["Location"] == SENT
    assert [m.to for m in mail.outbox] == [["ada@example.org"]] * 3
    # Only the owner of the address learns it was known: in their own mailbox.
    assert "schon aktiv" in mail.outbox[2].body
    assert "/stellenalarm/bestaetigen/" not in mail.outbox[2].body


def test_altered_and_expired_links_get_a_german_page(client, mitte):
    alert = subscriptions.subscribe(mitte, "ada@example.org", job_fields=[])
    token = subscriptions.confirm_token(alert)

    altered = _get(client, f"/stellenalarm/bestaetigen/{token[:-2]}xx/")
    assert altered.status_code == 400
    assert "Dieser Link ist ungültig." in altered.text

    class WeekOld(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 8 * 24 * 3600)

    old = WeekOld(salt=subscriptions.CONFIRM_SALT).sign_object([alert.pk, alert.key])
    expired = _get(client, f"/stellenalarm/bestaetigen/{old}/")
    assert expired.status_code == 410
    assert "Dieser Bestätigungslink ist abgelaufen" in expired.text

    # An unsubscribe link does not confirm (and the other way round).
    wrong = _get(client, f"/stellenalarm/bestaetigen/{subscriptions.unsubscribe_token(alert)}/")
    assert wrong.status_code == 400


def test_unsubscribing_shows_the_alert_then_deletes_it(client, mitte):
    alert = subscriptions.confirm(
        subscriptions.subscribe(
            mitte, "ada@example.org", job_fields=[job_field(mitte, "Allgemeine Verwaltung")]
        )
    )
    link = f"/stellenalarm/abbestellen/{subscriptions.unsubscribe_token(alert)}/"
    csrf_client = Client(enforce_csrf_checks=True)

    page = csrf_client.get(link, HTTP_HOST=MITTE)
    assert page.status_code == 200
    assert "Allgemeine Verwaltung" in page.text
    assert "Stellenalarm abbestellen" in page.text
    # A POST from elsewhere (no CSRF token, no one-click body) deletes nothing.
    assert csrf_client.post(link, {}, HTTP_HOST=MITTE).status_code == 403
    assert JobAlert.objects.filter(pk=alert.pk).exists()

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    done = csrf_client.post(link, {"csrfmiddlewaretoken": token}, HTTP_HOST=MITTE)
    assert done.status_code == 200
    assert "Sie bekommen von diesem Stellenalarm keine E-Mails mehr." in done.text
    assert not JobAlert.objects.filter(pk=alert.pk).exists()
    gone = csrf_client.get(link, HTTP_HOST=MITTE)
    assert gone.status_code == 404
    assert "Diesen Stellenalarm gibt es nicht mehr." in gone.text


def test_one_click_unsubscribe_works_without_a_csrf_token(client, mitte):
    alert = subscriptions.confirm(subscriptions.subscribe(mitte, "ada@example.org", job_fields=[]))
    link = f"/stellenalarm/abbestellen/{subscriptions.unsubscribe_token(alert)}/"
    mail_program = Client(enforce_csrf_checks=True)

    response = mail_program.post(
        link,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        HTTP_HOST=MITTE,
    )

    assert response.status_code == 200
    assert not JobAlert.objects.exists()
    again = mail_program.post(
        link,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        HTTP_HOST=MITTE,
    )
    assert again.status_code == 200
    forged = mail_program.post(
        link[:-3] + "xx/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        HTTP_HOST=MITTE,
    )
    assert forged.status_code == 400


def test_errors_come_back_in_german_with_what_was_typed(client, mitte):
    pk = job_field(mitte, "Allgemeine Verwaltung").pk

    missing_fields = _post(client, {"email": "ada@example.org"})
    assert missing_fields.status_code == 422
    assert "Bitte wählen Sie mindestens ein Berufsfeld." in missing_fields.text
    assert 'value="ada@example.org"' in missing_fields.text
    assert 'href="#berufsfelder"' in missing_fields.text

    bad_email = _post(client, {"email": "ada(at)example", "berufsfeld": [pk]})
    assert bad_email.status_code == 422
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in bad_email.text
    assert 'value="ada(at)example"' in bad_email.text
    assert re.search(rf'value="{pk}" id="[^"]+" checked', bad_email.text)
    assert 'aria-invalid="true"' in bad_email.text
    assert not JobAlert.objects.exists()
    assert mail.outbox == []


def test_the_honeypot_answers_like_a_person_and_stores_nothing(client, mitte):
    pk = job_field(mitte, "Allgemeine Verwaltung").pk
    response = _post(
        client, {"email": "bot@example.org", "berufsfeld": [pk], "homepage": "http://spam"}
    )
    assert response.status_code == 303
    assert response["Location"] == SENT
    assert not JobAlert.objects.exists()


def test_past_the_limit_the_visitor_is_asked_to_wait_with_the_values_kept(client, mitte):
    pk = job_field(mitte, "Allgemeine Verwaltung").pk
    for n in range(RATE_LIMIT.limit):
        _post(client, {"email": f"person{n}@example.org", "berufsfeld": [pk]})

    response = _post(client, {"email": "ada@example.org", "berufsfeld": [pk]})

    assert response.status_code == 429
    assert "Bitte warten Sie zehn Minuten" in response.text
    assert 'value="ada@example.org"' in response.text
    assert re.search(rf'value="{pk}" id="[^"]+" checked', response.text)
    assert JobAlert.objects.count() == RATE_LIMIT.limit


def test_the_search_page_offers_its_search_as_an_alert(
    client, mitte, django_capture_on_commit_callbacks
):
    search = _get(client, "/suche/?q=Verwaltung&arbeitszeit=teilzeit")
    assert "Diese Suche als Stellenalarm abonnieren" in search.text
    # A link to the alert's form, not a form here: the results set no cookie.
    assert "csrfmiddlewaretoken" not in search.text
    assert not search.cookies
    link = re.search(r'href="(/stellenalarm/\?[^"]+)"', search.text).group(1)
    form = _get(client, html.unescape(link))
    assert '<input type="hidden" name="alarm" value="suche">' in form.text
    assert '<input type="hidden" name="arbeitszeit" value="teilzeit">' in form.text
    assert '<input type="hidden" name="q" value="Verwaltung">' in form.text

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            client,
            {
                "alarm": "suche",
                "q": "  Verwaltung ",
                "arbeitszeit": ["teilzeit", "vollzeit"],
                "email": "ada@example.org",
            },
        )

    assert response.status_code == 303
    alert = JobAlert.objects.get()
    assert alert.kind == JobAlertKind.SEARCH
    assert alert.query == "Verwaltung"
    assert alert.filters == {"arbeitszeit": ["teilzeit", "vollzeit"]}
    (confirmation,) = mail.outbox
    assert "Ihre Suche: „Verwaltung“" in confirmation.body


def test_a_search_alert_form_shows_the_search_and_refuses_unknown_filters(client, mitte):
    page = _get(client, "/stellenalarm/?alarm=suche&q=Pflege&arbeitszeit=teilzeit")
    assert page.status_code == 200
    assert "„Pflege“" in page.text
    assert "Teilzeit" in page.text

    unknown = _get(client, "/stellenalarm/?alarm=suche&arbeitszeit=nachts")
    assert unknown.status_code == 400
    assert "gibt es in diesem Filter nicht" in unknown.text

    missing_email = _post(client, {"alarm": "suche", "q": "Pflege"})
    assert missing_email.status_code == 422
    assert "Bitte geben Sie Ihre E-Mail-Adresse an." in missing_email.text
    assert '<input type="hidden" name="q" value="Pflege">' in missing_email.text


def test_subscribing_in_english_sends_english_links(
    client, mitte, django_capture_on_commit_callbacks
):
    pk = job_field(mitte, "Allgemeine Verwaltung").pk
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            client, {"email": "ada@example.org", "berufsfeld": [pk]}, path="/en/stellenalarm/"
        )

    assert response["Location"] == "/en/stellenalarm/gesendet/"
    (confirmation,) = mail.outbox
    assert f"http://{MITTE}/en/stellenalarm/bestaetigen/" in confirmation.body
