"""campaign/events/models.py and event_views.py: events as visitors meet them,
from the announcement over the registration to the results."""

import datetime
import json
import re

import pytest
from django.core import mail
from django.utils import timezone

from campaign.events.forms import slot_value
from campaign.factories import (
    EmployerSettingsFactory,
    EventDepartmentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    SiteFactory,
)
from campaign.models import Booking, BookingStatus
from tests.support import count_queries, get_with_query_budget

pytestmark = pytest.mark.django_db

HOST = "termine.localhost"


@pytest.fixture
def site():
    site = SiteFactory(hostname=HOST, site_name="Stadt Beispiel")
    EmployerSettingsFactory(site=site, organisation_name="Stadt Beispiel")
    return site


@pytest.fixture
def index(site):
    return EventIndexPageFactory(parent=site.root_page)


def _past(index, **kwargs):
    start = timezone.now() - datetime.timedelta(days=300)
    return EventPageFactory(
        parent=index, start=start, end=start + datetime.timedelta(hours=6), **kwargs
    )


@pytest.fixture
def event(index):
    event = EventPageFactory(
        parent=index, title="Job-Speed-Dating", slug="job-speed-dating", registration_open=True
    )
    EventDepartmentFactory(event=event, name="Bürgerbüro", seats_per_slot=1)
    EventDepartmentFactory(event=event, name="IT-Support", seats_per_slot=3)
    return event


def _jsonld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_the_index_shows_upcoming_events_before_past_ones(client, index, event):
    _past(index, title="Vergangenes Dating")

    html = client.get("/veranstaltungen/", HTTP_HOST=HOST).text

    upcoming, past = html.index("Demnächst"), html.index("Vergangene Veranstaltungen")
    assert upcoming < html.index("Job-Speed-Dating") < past < html.index("Vergangenes Dating")


def test_an_event_page_says_when_where_who_and_how_to_take_part(client, event):
    html = client.get("/veranstaltungen/job-speed-dating/", HTTP_HOST=HOST).text

    assert "Rathaus<br>Marktplatz 1<br>40213 Düsseldorf" in html
    assert "2 Bereiche sind dabei" in html
    assert "Bürgerbüro" in html
    assert "IT-Support" in html
    assert 'href="/veranstaltungen/job-speed-dating/anmeldung/"' in html
    assert 'href="/veranstaltungen/job-speed-dating/kalender/"' in html
    data = _jsonld(html)
    assert data["@type"] == "Event"
    assert data["startDate"] == timezone.localtime(event.start).isoformat()
    assert data["location"]["address"]["postalCode"] == "40213"
    assert data["organizer"]["name"] == "Stadt Beispiel"


def test_a_past_event_shows_its_results_and_no_registration(client, index):
    _past(
        index,
        slug="vorbei",
        participants=675,
        conversations=1988,
        opportunities_offered=84,
        applications=444,
        registration_open=True,
    )

    html = client.get("/veranstaltungen/vorbei/", HTTP_HOST=HOST).text

    assert "Die Bilanz" in html
    for figure in ("675", "1.988", "84", "444"):
        assert f">{figure}</dd>" in html
    assert "anmeldung/" not in html
    assert client.get("/veranstaltungen/vorbei/anmeldung/", HTTP_HOST=HOST).status_code == 410


def test_the_ics_download_is_a_calendar_file(client, event):
    response = client.get("/veranstaltungen/job-speed-dating/kalender/", HTTP_HOST=HOST)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="job-speed-dating.ics"' in response["Content-Disposition"]
    assert b"SUMMARY:Job-Speed-Dating" in response.content


def test_the_end_must_come_after_the_start(event):
    event.end = event.start
    with pytest.raises(Exception, match="nach dem Beginn"):
        event.full_clean()


# Registration

REGISTER = "/veranstaltungen/job-speed-dating/anmeldung/"


def _department(event, name):
    return event.departments.get(name=name)


def test_a_visitor_books_confirms_by_mail_and_cancels(
    client, event, django_capture_on_commit_callbacks
):
    overview = client.get(REGISTER, HTTP_HOST=HOST)
    assert overview["Cache-Control"].startswith("max-age=0")
    bureau = _department(event, "Bürgerbüro")
    assert f'href="?bereich={bureau.pk}">Bürgerbüro</a>' in overview.text
    assert "(8 freie Plätze)" in overview.text  # two hours in 15-minute slots, one seat each

    form = client.get(REGISTER, {"bereich": bureau.pk}, HTTP_HOST=HOST).text
    assert 'type="radio"' in form
    assert "Uhr – ein Platz frei" in form

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            REGISTER,
            {
                "bereich": bureau.pk,
                "slot": slot_value(event.start),
                "name": "Ada Muster",
                "email": "ada@example.org",
                "consent": "on",
            },
            HTTP_HOST=HOST,
        )
    booking = Booking.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"{REGISTER}gesendet/"
    assert str(booking.token) not in response["Location"]
    sent = client.get(response["Location"], HTTP_HOST=HOST)
    assert "Bitte bestätigen Sie Ihre Anmeldung über den Link in der E-Mail" in sent.text
    assert booking.status == BookingStatus.UNCONFIRMED
    (request_mail,) = mail.outbox
    assert request_mail.to == ["ada@example.org"]
    assert "Bürgerbüro" in request_mail.body
    link = re.search(r"http://termine\.localhost(/\S+/bestaetigen/\S+/)", request_mail.body)[1]
    # Held, not yet booked: the seat is not free for others meanwhile.
    held = client.get(REGISTER, HTTP_HOST=HOST)
    assert "(7 freie Plätze)" in held.text

    # A mail scanner opening the link books nothing: only the button does.
    asked = client.get(link, HTTP_HOST=HOST)
    assert asked.status_code == 200
    assert "Anmeldung bestätigen" in asked.text
    booking.refresh_from_db()
    assert booking.status == BookingStatus.UNCONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(link, HTTP_HOST=HOST)
    assert confirmed.status_code == 303
    assert confirmed["Location"] == f"{REGISTER}{booking.token}/"
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert mail.outbox[1].to == ["ada@example.org"]
    assert mail.outbox[1].attachments[0][0] == "termin.ics"
    # The link once more (a second click, even days later) leads to the booking.
    assert client.get(link, HTTP_HOST=HOST)["Location"] == confirmed["Location"]
    Booking.objects.update(created_at=timezone.now() - datetime.timedelta(days=3))
    assert client.get(link, HTTP_HOST=HOST)["Location"] == confirmed["Location"]

    page = client.get(confirmed["Location"], HTTP_HOST=HOST)
    assert "Ihr Termin ist gebucht." in page.text
    assert page["X-Robots-Tag"] == "noindex"
    ics = client.get(f"{confirmed['Location']}kalender/", HTTP_HOST=HOST)
    assert ics.status_code == 200
    assert b"Gespr" in ics.content

    cancelled = client.post(confirmed["Location"], HTTP_HOST=HOST)
    assert "Ihr Termin ist storniert." in cancelled.text
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert client.get(f"{confirmed['Location']}kalender/", HTTP_HOST=HOST).status_code == 404
    gone = client.get(link, HTTP_HOST=HOST)
    assert gone.status_code == 404
    assert "Diese Anmeldung gibt es nicht mehr." in gone.text


def test_a_full_slot_puts_the_next_visitor_on_the_waiting_list(
    client, event, django_capture_on_commit_callbacks
):
    bureau = _department(event, "Bürgerbüro")
    Booking.objects.create(
        event=event, department=bureau, slot=event.start, name="Erste", email="a@example.org"
    )

    form = client.get(REGISTER, {"bereich": bureau.pk}, HTTP_HOST=HOST).text
    assert "ausgebucht, Platz auf der Warteliste" in form
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            REGISTER,
            {
                "bereich": bureau.pk,
                "slot": slot_value(event.start),
                "name": "Zweite",
                "email": "b@example.org",
                "consent": "on",
            },
            HTTP_HOST=HOST,
        )
    response = client.post(_confirm_link(mail.outbox[-1]), HTTP_HOST=HOST, follow=True)

    assert "Sie stehen auf der Warteliste, an Stelle 1." in response.text


def _confirm_link(message):
    return re.search(r"http://termine\.localhost(/\S+/bestaetigen/\S+/)", message.body)[1]


def _booking_data(event, number):
    return {
        "bereich": _department(event, "IT-Support").pk,
        "slot": slot_value(event.start),
        "name": f"Person {number}",
        "email": f"person{number}@example.org",
        "consent": "on",
    }


def test_one_address_cannot_fill_the_slots_past_the_limit(client, event, settings):
    settings.CLIENT_IP_HEADER = ""
    statuses = [
        client.post(REGISTER, _booking_data(event, n), HTTP_HOST=HOST, REMOTE_ADDR="192.0.2.40")
        for n in range(40)
    ]

    assert [r.status_code for r in statuses[:10]] == [303] * 10
    refused = statuses[10]
    assert {r.status_code for r in statuses[10:]} == {429}
    assert "viele Anmeldungen" in refused.text
    assert refused["Retry-After"] == "3600"
    assert 'value="Person 10"' in refused.text  # what was typed stays
    assert 'value="person10@example.org"' in refused.text
    assert Booking.objects.count() == 10
    # Another visitor still books.
    other = client.post(
        REGISTER, _booking_data(event, 99), HTTP_HOST=HOST, REMOTE_ADDR="192.0.2.41"
    )
    assert other.status_code == 303


@pytest.mark.parametrize(
    ("token", "status", "message"),
    [
        ("kaputt", 400, "Dieser Link ist ungültig."),
        ("eyJ4IjoxfQ/1vQ/abc", 400, "Dieser Link ist ungültig."),
        ("WzEsIjAwIl0/1xZ1y1/a/b", 400, "Dieser Link ist ungültig."),
    ],
)
def test_a_bad_confirmation_link_gets_a_german_page(client, event, token, status, message):
    for method in (client.get, client.post):
        response = method(f"{REGISTER}bestaetigen/{token}/", HTTP_HOST=HOST)
        assert response.status_code == status
        assert message in response.text


def test_an_expired_confirmation_link_gets_a_german_page(
    client, event, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(REGISTER, _booking_data(event, 1), HTTP_HOST=HOST)
    link = _confirm_link(mail.outbox[0])
    Booking.objects.update(created_at=timezone.now() - datetime.timedelta(hours=3))

    for method in (client.get, client.post):
        response = method(link, HTTP_HOST=HOST)
        assert response.status_code == 410
        assert "Dieser Bestätigungslink ist abgelaufen" in response.text
    assert Booking.objects.get().status == BookingStatus.UNCONFIRMED


def test_a_confirmation_link_works_only_at_its_own_event(
    client, event, index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(REGISTER, _booking_data(event, 1), HTTP_HOST=HOST)
    link = _confirm_link(mail.outbox[0])
    EventPageFactory(parent=index, slug="andere", registration_open=True)

    elsewhere = client.post(link.replace("job-speed-dating", "andere"), HTTP_HOST=HOST)

    assert elsewhere.status_code == 404
    assert Booking.objects.get().status == BookingStatus.UNCONFIRMED


def test_a_form_with_errors_keeps_what_was_entered_and_says_what_is_missing(client, event):
    bureau = _department(event, "Bürgerbüro")

    response = client.post(
        REGISTER,
        {"bereich": bureau.pk, "name": "Ada Muster", "email": "keine-adresse"},
        HTTP_HOST=HOST,
    )

    assert response.status_code == 422
    html = response.text
    assert 'value="Ada Muster"' in html
    assert 'value="keine-adresse"' in html
    assert "Bitte wählen Sie eine Uhrzeit." in html
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in html
    assert "Ohne Ihr Einverständnis können wir den Termin nicht buchen." in html
    assert 'role="alert"' in html
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ({"bereich": "abc"}, 400, "Diesen Bereich gibt es bei dieser Veranstaltung nicht."),
        ({"bereich": "999999"}, 400, "Diesen Bereich gibt es bei dieser Veranstaltung nicht."),
    ],
)
def test_a_bad_department_gets_a_clear_answer(client, event, query, status, message):
    response = client.get(REGISTER, query, HTTP_HOST=HOST)

    assert response.status_code == status
    assert message in response.text


def test_a_forged_slot_is_refused_with_a_message(client, event):
    bureau = _department(event, "Bürgerbüro")
    data = {"bereich": bureau.pk, "name": "A", "email": "a@example.org", "consent": "on"}

    for slot in ("2020-01-01T10:00", event.start.isoformat(), "kein Datum"):
        response = client.post(REGISTER, {**data, "slot": slot}, HTTP_HOST=HOST)
        assert response.status_code == 422
        assert "Diese Uhrzeit gibt es bei diesem Bereich nicht." in response.text
    assert not Booking.objects.exists()


def test_registration_is_absent_unless_the_editors_open_it(client, index):
    EventPageFactory(parent=index, slug="ohne", registration_open=False)

    assert client.get("/veranstaltungen/ohne/anmeldung/", HTTP_HOST=HOST).status_code == 404


def test_an_unknown_booking_link_is_not_found(client, event):
    url = f"{REGISTER}00000000-0000-4000-8000-000000000000/"

    assert client.get(url, HTTP_HOST=HOST).status_code == 404
    assert client.post(url, HTTP_HOST=HOST).status_code == 404


# Queries


def test_more_events_cost_the_index_no_more_queries(client, index, event):
    client.get("/veranstaltungen/", HTTP_HOST=HOST)  # warm: branding
    with_one = count_queries(client, "/veranstaltungen/", host=HOST)
    for number in range(10):
        _past(index, title=f"Vergangen {number}")
        EventPageFactory(parent=index, title=f"Bald {number}")

    get_with_query_budget(client, "/veranstaltungen/", host=HOST, max_queries=with_one)


@pytest.mark.parametrize("path", ["", "anmeldung/"])
def test_more_departments_and_bookings_cost_no_more_queries(client, event, path):
    url = f"/veranstaltungen/job-speed-dating/{path}"
    client.get(url, HTTP_HOST=HOST)
    with_two = count_queries(client, url, host=HOST)
    for number in range(20):
        department = EventDepartmentFactory(event=event, name=f"Amt {number}")
        Booking.objects.create(
            event=event, department=department, slot=event.start, name="X", email="x@e.org"
        )

    get_with_query_budget(client, url, host=HOST, max_queries=with_two)


def test_a_bot_filling_the_honeypot_is_told_what_a_person_is_and_books_nothing(client, event):
    response = client.post(
        REGISTER, {**_booking_data(event, 1), "homepage": "https://spam.example"}, HTTP_HOST=HOST
    )

    assert response.status_code == 303
    assert response["Location"] == f"{REGISTER}gesendet/"
    assert not Booking.objects.exists()
    assert mail.outbox == []
