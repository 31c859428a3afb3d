"""Booking conversations at an event: confirming by e-mail, seats, the waiting list.

A booking from the site starts UNCONFIRMED and sends nothing but a mail with
a confirmation link (double opt-in): nobody can book for, or mail to, an
address that is not theirs. The link holds for BOOKING_CONFIRMATION_HOLD.

Who gets a seat: each department talks to `seats_per_slot` visitors at a
time, in the order the bookings came. An unconfirmed booking keeps its place
in that order while its link holds, so a double click or two visitors at the
last seat cannot overbook, and a confirmation cannot jump people who asked
earlier. When it is confirmed, it takes a seat if fewer than `seats_per_slot`
bookings are ahead of it (confirmed ones, and waiting or still-held
unconfirmed ones that came earlier), else a place on the waiting list. An
unconfirmed booking whose hold has passed is ahead of nobody and is deleted
by `release_unconfirmed`; then, like after a cancellation, the longest-waiting
bookings move up while seats are free and are told by e-mail.

All of it runs under a row lock on the department, so two requests never
count the same seat.
"""

import datetime
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from campaign.events.models import Booking, BookingStatus, EventDepartment
from campaign.sites.signed_links import ExpiredLink, GoneLink, SignedLink

# Bookings are kept this long after their event (for questions on the day),
# then deleted: they hold names and e-mail addresses.
RETENTION = datetime.timedelta(days=30)
# Untimed: the hold runs from the booking's creation (booking_to_confirm).
CONFIRM_LINK = SignedLink("campaign.events.bookings.confirm", sep="/")


class BookingRefused(Exception):
    """A booking the event cannot take; the visitor reads the message."""


class UnknownBooking(GoneLink):
    """A genuine link whose booking is gone (cancelled, released or deleted)."""


def hold():
    return settings.BOOKING_CONFIRMATION_HOLD


def _held(now=None):
    """Unconfirmed bookings whose confirmation link still holds their place."""
    cutoff = (now or timezone.now()) - hold()
    return Q(status=BookingStatus.UNCONFIRMED, created_at__gte=cutoff)


def _in_line(now=None):
    """Bookings that take a seat or stand in line for one."""
    return Q(status__in=[BookingStatus.CONFIRMED, BookingStatus.WAITING]) | _held(now)


def taken_counts(event, now=None):
    """{(department id, slot): bookings a newcomer would find ahead}, in one query."""
    rows = (
        Booking.objects.filter(_in_line(now), event=event)
        .values("department_id", "slot")
        .annotate(taken=Count("id"))
    )
    return Counter({(row["department_id"], row["slot"]): row["taken"] for row in rows})


def confirmed_counts(event):
    """{(department id, slot): confirmed bookings}: what editors count as Anmeldungen."""
    rows = (
        Booking.objects.filter(event=event, status=BookingStatus.CONFIRMED)
        .values("department_id", "slot")
        .annotate(taken=Count("id"))
    )
    return Counter({(row["department_id"], row["slot"]): row["taken"] for row in rows})


def free_seats(event, department, counts=None):
    """[(slot, free seats)] of one department, in time order; `counts` from taken_counts."""
    counts = taken_counts(event) if counts is None else counts
    return [
        (slot, max(department.seats_per_slot - counts[(department.pk, slot)], 0))
        for slot in event.slots()
    ]


def book(event, department, slot, *, name, email):
    """Ask for `slot` with `department`: an UNCONFIRMED booking and its confirmation mail.

    Asked again with the same address while unconfirmed, the same booking's
    mail goes out once more.
    """
    if not event.accepts_bookings():
        raise BookingRefused("closed")
    if slot not in event.slots():
        raise BookingRefused("slot")
    with transaction.atomic():
        department = EventDepartment.objects.select_for_update().get(pk=department.pk, event=event)
        _release(department.pk, slot)
        active = (
            Booking.objects.filter(_in_line(), event=event, slot=slot, email__iexact=email)
            .order_by("pk")
            .first()
        )
        asked_again = (
            active is not None
            and active.status == BookingStatus.UNCONFIRMED
            and active.department_id == department.pk
        )
        if active is not None and not asked_again:
            raise BookingRefused("twice")
        booking = active or Booking.objects.create(
            event=event,
            department=department,
            slot=slot,
            name=name,
            email=email,
            status=BookingStatus.UNCONFIRMED,
        )
        _mail_on_commit(booking)
    return booking


def confirm_token(booking):
    return CONFIRM_LINK.token(booking.pk, booking.token.hex)


def booking_to_confirm(event, token, now=None):
    """The booking of a confirmation link; InvalidLink, ExpiredLink or UnknownBooking else.

    The hold runs from the booking's creation, not from the link's signature:
    a link mailed again expires with the first, and a link clicked again
    after confirming still leads to the booking.
    """
    pk, key = CONFIRM_LINK.read(token)
    booking = (
        Booking.objects.select_related("department")
        .filter(pk=pk, event=event)
        .exclude(status=BookingStatus.CANCELLED)
        .first()
    )
    if booking is None or booking.token.hex != key:
        raise UnknownBooking
    if booking.status == BookingStatus.UNCONFIRMED and not _is_held(booking, now):
        raise ExpiredLink
    return booking


def _is_held(booking, now=None):
    return booking.created_at >= (now or timezone.now()) - hold()


def confirm(booking, now=None):
    """A seat if fewer than seats_per_slot are ahead, else the waiting list; then the mail.

    Confirming twice changes nothing. ExpiredLink when the hold has passed.
    """
    with transaction.atomic():
        department = EventDepartment.objects.select_for_update().get(pk=booking.department_id)
        booking.refresh_from_db()
        if booking.status != BookingStatus.UNCONFIRMED:
            return booking
        if not _is_held(booking, now):
            raise ExpiredLink
        ahead = _ahead_of(booking, now)
        booking.status = (
            BookingStatus.CONFIRMED if ahead < department.seats_per_slot else BookingStatus.WAITING
        )
        booking.save(update_fields=["status"])
        _mail_on_commit(booking)
    return booking


def _ahead_of(booking, now=None):
    """Confirmed bookings of the slot, and those in line that came before `booking`."""
    earlier = Q(created_at__lt=booking.created_at) | Q(
        created_at=booking.created_at, pk__lt=booking.pk
    )
    return (
        Booking.objects.filter(department_id=booking.department_id, slot=booking.slot)
        .filter(Q(status=BookingStatus.CONFIRMED) | (_in_line(now) & earlier))
        .exclude(pk=booking.pk)
        .count()
    )


def cancel(booking):
    """Cancel a booking; a freed seat goes to the first on the slot's waiting list.

    Returns the booking that moved up, if any.
    """
    with transaction.atomic():
        EventDepartment.objects.select_for_update().get(pk=booking.department_id)
        booking.refresh_from_db()
        if booking.status == BookingStatus.CANCELLED:
            return None
        booking.status = BookingStatus.CANCELLED
        booking.save(update_fields=["status"])
        moved_up = _move_up(booking.department_id, booking.slot)
    return moved_up[0] if moved_up else None


def _move_up(department_id, slot, now=None):
    """Give free seats to the waiting list, longest-waiting first; return who moved up.

    Call under the department's row lock.
    """
    seats = EventDepartment.objects.values_list("seats_per_slot", flat=True).get(pk=department_id)
    moved_up = []
    waiting = Booking.objects.filter(
        department_id=department_id, slot=slot, status=BookingStatus.WAITING
    ).order_by("created_at", "pk")
    for successor in waiting:
        if _ahead_of(successor, now) >= seats:
            break
        successor.status = BookingStatus.CONFIRMED
        successor.save(update_fields=["status"])
        _mail_on_commit(successor, moved_up=True)
        moved_up.append(successor)
    return moved_up


def _release(department_id, slot, now=None):
    """Delete the slot's unconfirmed bookings whose hold has passed; fill freed seats.

    Call under the department's row lock.
    """
    cutoff = (now or timezone.now()) - hold()
    stale = Booking.objects.filter(
        department_id=department_id,
        slot=slot,
        status=BookingStatus.UNCONFIRMED,
        created_at__lt=cutoff,
    )
    deleted, _ = stale.delete()
    if deleted:
        _move_up(department_id, slot, now)
    return deleted


def release_unconfirmed(now=None):
    """Delete unconfirmed bookings past their hold, freeing their places; return how many."""
    cutoff = (now or timezone.now()) - hold()
    slots = set(
        Booking.objects.filter(status=BookingStatus.UNCONFIRMED, created_at__lt=cutoff)
        .values_list("department_id", "slot")
        .distinct()
    )
    released = 0
    for department_id in sorted({department_id for department_id, _slot in slots}):
        with transaction.atomic():
            EventDepartment.objects.select_for_update().get(pk=department_id)
            for slot in sorted(slot for d, slot in slots if d == department_id):
                released += _release(department_id, slot, now)
    return released


def delete_expired(now=None):
    """Delete the bookings of events that ended more than RETENTION ago; return how many."""
    limit = (now or timezone.now()) - RETENTION
    deleted, _ = Booking.objects.filter(event__end__lt=limit).delete()
    return deleted


def _mail_on_commit(booking, moved_up=False):
    from campaign.events.tasks import send_booking_mail

    transaction.on_commit(lambda: send_booking_mail.enqueue(booking.pk, moved_up))
