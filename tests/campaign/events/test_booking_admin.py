"""campaign/events/admin.py: the press office sees and exports its own events' bookings."""

import pytest

from campaign.models import Booking, BookingStatus, EventPage
from campaign.sites.roles import HR, PRESS_OFFICE
from tests.support import (
    count_queries,
    get_with_query_budget,
    login_with_second_factor,
    site_editor,
)

pytestmark = pytest.mark.django_db

BOOKINGS = "/admin/anmeldungen/"
ADMIN_HOST = "localhost"


def _editor(client, hostname, role=PRESS_OFFICE):
    user = site_editor(hostname, role)
    login_with_second_factor(client, user)
    return user


@pytest.fixture
def booking(demo_sites):
    event = EventPage.objects.get(slug="job-speed-dating-naechstes")
    return Booking.objects.create(
        event=event,
        department=event.departments.first(),
        slot=event.start,
        name="Ada Muster",
        email="ada@example.org",
    )


def test_the_press_office_lists_and_exports_its_bookings(client, booking):
    _editor(client, "duesseldorf.localhost")

    listing = get_with_query_budget(client, BOOKINGS, host=ADMIN_HOST, max_queries=25)
    assert "Ada Muster" in listing.text
    assert "Job-Speed-Dating: die nächste Runde" in listing.text
    export = client.get(BOOKINGS, {"export": "csv"}, HTTP_HOST=ADMIN_HOST)
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode()
    assert "ada@example.org" in content
    inspect = client.get(f"{BOOKINGS}inspect/{booking.pk}/", HTTP_HOST=ADMIN_HOST)
    assert inspect.status_code == 200
    assert "ada@example.org" in inspect.text


def test_another_sites_press_office_sees_none_of_them(client, booking):
    _editor(client, "mitte.localhost")

    listing = client.get(BOOKINGS, HTTP_HOST=ADMIN_HOST)
    assert listing.status_code == 200
    assert "Ada Muster" not in listing.text
    assert "Job-Speed-Dating" not in listing.text  # not even in the event filter
    export = client.get(BOOKINGS, {"export": "csv"}, HTTP_HOST=ADMIN_HOST)
    assert "ada@example.org" not in b"".join(export.streaming_content).decode()
    inspect = client.get(f"{BOOKINGS}inspect/{booking.pk}/", HTTP_HOST=ADMIN_HOST)
    assert inspect.status_code in (302, 404)
    assert "ada@example.org" not in inspect.content.decode()


def test_hr_has_no_access_to_visitors_bookings(client, booking):
    _editor(client, "duesseldorf.localhost", role=HR)

    response = client.get(BOOKINGS, HTTP_HOST=ADMIN_HOST)

    assert response.status_code == 302
    assert "Ada Muster" not in response.content.decode()


def test_more_bookings_cost_the_listing_no_more_queries(client, booking):
    _editor(client, "duesseldorf.localhost")
    client.get(BOOKINGS, HTTP_HOST=ADMIN_HOST)
    with_one = count_queries(client, BOOKINGS, host=ADMIN_HOST)
    for number in range(15):
        Booking.objects.create(
            event=booking.event,
            department=booking.department,
            slot=booking.slot,
            name=f"Person {number}",
            email=f"p{number}@example.org",
            status="waiting",
        )

    response = get_with_query_budget(client, BOOKINGS, host=ADMIN_HOST, max_queries=with_one)

    assert "Person 14" in response.text


def test_the_list_shows_each_bookings_status_and_filters_by_it(client, booking):
    Booking.objects.create(
        event=booking.event,
        department=booking.department,
        slot=booking.slot,
        name="Bert Unbestätigt",
        email="bert@example.org",
        status=BookingStatus.UNCONFIRMED,
    )
    _editor(client, "duesseldorf.localhost")

    listing = client.get(BOOKINGS, HTTP_HOST=ADMIN_HOST).text
    assert "Bert Unbestätigt" in listing
    assert "angefragt" in listing
    assert '<option value="unconfirmed">angefragt</option>' in listing
    confirmed = client.get(BOOKINGS, {"status": "confirmed"}, HTTP_HOST=ADMIN_HOST).text
    assert "Ada Muster" in confirmed
    assert "Bert Unbestätigt" not in confirmed
    unconfirmed = client.get(BOOKINGS, {"status": "unconfirmed"}, HTTP_HOST=ADMIN_HOST).text
    assert "Bert Unbestätigt" in unconfirmed
    assert "Ada Muster" not in unconfirmed
