"""campaign/events/bookings.py: confirming by mail, seats, the waiting list and who moves up."""

import datetime
import io
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from campaign.events import bookings
from campaign.factories import EventDepartmentFactory, EventPageFactory, SiteFactory
from campaign.models import Booking, BookingStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    site = SiteFactory(hostname="termine.localhost")
    return EventPageFactory(parent=site.root_page, registration_open=True, slot_minutes=30)


@pytest.fixture
def department(event):
    return EventDepartmentFactory(event=event, name="Bürgerbüro", seats_per_slot=2)


def _ask(event, department, number, slot=None):
    """A booking as the form makes it: unconfirmed until the mailed link is followed."""
    return bookings.book(
        event,
        department,
        slot or event.start,
        name=f"Person {number}",
        email=f"person{number}@example.org",
    )


def _book(event, department, number, slot=None):
    """Asked for and confirmed."""
    return bookings.confirm(_ask(event, department, number, slot))


def _later(minutes):
    return timezone.now() + datetime.timedelta(minutes=minutes)


def test_the_slots_run_from_start_to_end(event):
    slots = event.slots()

    assert len(slots) == 4  # two hours in half hours
    assert slots[0] == event.start
    assert slots[-1] == event.end - datetime.timedelta(minutes=30)


def test_seats_are_confirmed_until_full_then_the_waiting_list_begins(event, department):
    first, second, third, fourth = (_book(event, department, n) for n in range(4))

    assert [b.status for b in (first, second)] == [BookingStatus.CONFIRMED] * 2
    assert [b.status for b in (third, fourth)] == [BookingStatus.WAITING] * 2
    assert (third.waiting_position(), fourth.waiting_position()) == (1, 2)
    free = dict(bookings.free_seats(event, department))
    assert free[event.start] == 0
    assert free[event.start + datetime.timedelta(minutes=30)] == 2


def test_cancelling_moves_the_first_on_the_waiting_list_up_and_tells_them(
    event, department, django_capture_on_commit_callbacks
):
    first, _second, third, fourth = (_book(event, department, n) for n in range(4))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        moved_up = bookings.cancel(first)

    assert moved_up == third
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == BookingStatus.CONFIRMED
    assert fourth.waiting_position() == 1
    assert [message.to for message in mail.outbox] == [["person2@example.org"]]
    assert "nachgerückt" in mail.outbox[0].subject
    assert mail.outbox[0].attachments[0][0] == "termin.ics"


def test_cancelling_a_place_on_the_waiting_list_moves_nobody(event, department):
    bookings_made = [_book(event, department, n) for n in range(3)]

    assert bookings.cancel(bookings_made[2]) is None
    assert bookings.cancel(bookings_made[2]) is None  # twice: nothing happens
    statuses = list(Booking.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == [BookingStatus.CONFIRMED, BookingStatus.CONFIRMED, BookingStatus.CANCELLED]


def test_a_booking_asks_for_confirmation_by_mail_before_it_counts(
    event, department, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = _ask(event, department, 1)

    (message,) = mail.outbox
    assert message.to == ["person1@example.org"]
    assert message.subject.startswith("Bitte bestätigen Sie Ihre Anmeldung")
    assert "Bürgerbüro" in message.body
    assert bookings.confirm_token(booking) in message.body
    assert str(booking.token) not in message.body  # the booking's page only after confirming
    assert message.attachments == []
    assert booking.status == BookingStatus.UNCONFIRMED
    assert bookings.confirmed_counts(event)[(department.pk, event.start)] == 0
    # Held meanwhile: the form offers one seat fewer.
    assert dict(bookings.free_seats(event, department))[event.start] == 1

    assert bookings.booking_to_confirm(event, bookings.confirm_token(booking)) == booking
    bookings.confirm(booking)
    assert bookings.confirmed_counts(event)[(department.pk, event.start)] == 1


def test_an_unconfirmed_booking_holds_its_place_so_the_last_seat_is_not_sold_twice(
    event, department
):
    first, second, third = (_ask(event, department, n) for n in range(3))

    # The third asked last: though it confirms first, the two before keep their seats.
    assert bookings.confirm(third).status == BookingStatus.WAITING
    assert bookings.confirm(second).status == BookingStatus.CONFIRMED
    assert bookings.confirm(first).status == BookingStatus.CONFIRMED
    assert bookings.confirm(first).status == BookingStatus.CONFIRMED  # twice: no change
    assert third.waiting_position() == 1


def test_a_stale_unconfirmed_booking_is_released_and_the_waiting_list_moves_up(
    event, department, settings, django_capture_on_commit_callbacks
):
    stale = _ask(event, department, 0)
    _book(event, department, 1)
    waiting = _ask(event, department, 2)
    assert bookings.confirm(waiting).status == BookingStatus.WAITING
    mail.outbox.clear()

    later = _later(settings.BOOKING_CONFIRMATION_HOLD.total_seconds() / 60 + 1)
    with pytest.raises(bookings.ExpiredLink):
        bookings.booking_to_confirm(event, bookings.confirm_token(stale), now=later)
    with django_capture_on_commit_callbacks(execute=True):
        assert bookings.release_unconfirmed(now=later) == 1

    assert not Booking.objects.filter(pk=stale.pk).exists()
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED
    assert [m.to for m in mail.outbox] == [["person2@example.org"]]
    assert "nachgerückt" in mail.outbox[0].subject
    assert bookings.release_unconfirmed(now=later) == 0


def test_a_fresh_unconfirmed_booking_is_not_released(event, department):
    _ask(event, department, 0)

    assert bookings.release_unconfirmed(now=_later(30)) == 0
    assert Booking.objects.get().status == BookingStatus.UNCONFIRMED


def test_asking_again_while_unconfirmed_sends_the_link_again_and_makes_no_second_booking(
    event, department, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = _ask(event, department, 1)
        again = _ask(event, department, 1)

    assert first == again
    assert Booking.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["person1@example.org"]] * 2


def test_a_confirmed_booking_sends_its_confirmation_with_the_ics(
    event, department, django_capture_on_commit_callbacks
):
    booking = _ask(event, department, 1)
    with django_capture_on_commit_callbacks(execute=True):
        bookings.confirm(booking)

    (message,) = mail.outbox
    assert message.to == ["person1@example.org"]
    assert event.title in message.subject
    assert "Bürgerbüro" in message.body
    assert str(booking.token) in message.body  # the link to see or cancel it
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("termin.ics", "text/calendar")
    assert "BEGIN:VEVENT" in content


def test_a_place_on_the_waiting_list_is_confirmed_by_mail_without_a_date(
    event, department, django_capture_on_commit_callbacks
):
    _book(event, department, 1)
    _book(event, department, 2)
    third = _ask(event, department, 3)
    with django_capture_on_commit_callbacks(execute=True):
        bookings.confirm(third)

    (message,) = mail.outbox
    assert message.subject.startswith("Warteliste")
    assert "an Stelle 1" in message.body
    assert message.attachments == []


def test_nobody_books_the_same_time_twice(event, department):
    other = EventDepartmentFactory(event=event, name="IT-Support")
    _book(event, department, 1)

    with pytest.raises(bookings.BookingRefused, match="twice"):
        bookings.book(event, other, event.start, name="P", email="PERSON1@example.org")
    # Another time with the other department is fine.
    later = event.start + datetime.timedelta(minutes=30)
    assert _book(event, other, 1, slot=later).status == BookingStatus.CONFIRMED


def test_no_booking_outside_the_slots_or_after_the_deadline(event, department):
    with pytest.raises(bookings.BookingRefused, match="slot"):
        _book(event, department, 1, slot=event.start + datetime.timedelta(minutes=7))

    event.registration_closes = timezone.now() - datetime.timedelta(minutes=1)
    with pytest.raises(bookings.BookingRefused, match="closed"):
        _book(event, department, 1)
    assert not Booking.objects.exists()


def test_bookings_are_deleted_a_month_after_their_event(event, department):
    _book(event, department, 1)
    past = EventPageFactory(
        parent=event.get_parent(),
        start=timezone.now() - datetime.timedelta(days=40),
        end=timezone.now() - datetime.timedelta(days=40) + datetime.timedelta(hours=2),
    )
    Booking.objects.create(
        event=past,
        department=EventDepartmentFactory(event=past),
        slot=past.start,
        name="Alt",
        email="alt@example.org",
    )

    assert bookings.delete_expired() == 1
    assert list(Booking.objects.values_list("name", flat=True)) == ["Person 1"]


def test_the_daily_command_releases_and_deletes_what_has_expired(event, department):
    past = EventPageFactory(
        parent=event.get_parent(),
        start=timezone.now() - datetime.timedelta(days=31, hours=3),
        end=timezone.now() - datetime.timedelta(days=31),
    )
    Booking.objects.create(
        event=past,
        department=EventDepartmentFactory(event=past),
        slot=past.start,
        name="Alt",
        email="alt@example.org",
    )
    unconfirmed = _ask(event, department, 1)
    Booking.objects.filter(pk=unconfirmed.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=3)
    )
    out = io.StringIO()

    call_command("delete_expired_bookings", stdout=out)

    assert out.getvalue().splitlines() == [
        "1 unbestätigte Anmeldungen freigegeben",
        "1 abgelaufene Anmeldungen gelöscht",
    ]
    assert not Booking.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_double_click_makes_one_booking_not_two(fresh_demo, event, department):
    # fresh_demo: after other tests emptied the database, the tree and locale to build in.
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time: there is no race to lose")
    start = threading.Barrier(2)

    def click(_number):
        start.wait()
        try:
            return _ask(event, department, 1).pk
        finally:
            connection.close()

    with ThreadPoolExecutor(2) as pool:
        pks = set(pool.map(click, range(2)))

    assert len(pks) == 1
    assert Booking.objects.count() == 1
