"""Booking conversations at an event: free seats, the waiting list, cancelling.

Each department of an event talks to `seats_per_slot` visitors at a time. A
booking into a full slot goes onto that slot's waiting list; when a confirmed
booking is cancelled, the longest-waiting one moves up and is told by e-mail.
Both run under a row lock on the department, so two visitors booking the last
seat at once cannot both get it.
"""

import datetime
from collections import Counter

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from campaign.models.events import Booking, BookingStatus, EventDepartment

# Bookings are kept this long after their event (for questions on the day),
# then deleted: they hold names and e-mail addresses.
RETENTION = datetime.timedelta(days=30)


class BookingRefused(Exception):
    """A booking the event cannot take; the visitor reads the message."""


def confirmed_counts(event):
    """{(department id, slot): confirmed bookings} of the whole event, in one query."""
    rows = (
        Booking.objects.filter(event=event, status=BookingStatus.CONFIRMED)
        .values("department_id", "slot")
        .annotate(taken=Count("id"))
    )
    return Counter({(row["department_id"], row["slot"]): row["taken"] for row in rows})


def free_seats(event, department, counts=None):
    """[(slot, free seats)] of one department, in time order."""
    counts = confirmed_counts(event) if counts is None else counts
    return [
        (slot, max(department.seats_per_slot - counts[(department.pk, slot)], 0))
        for slot in event.slots()
    ]


def book(event, department, slot, *, name, email):
    """Book `slot` with `department`: confirmed while seats are free, else waiting."""
    if not event.accepts_bookings():
        raise BookingRefused("closed")
    if slot not in event.slots():
        raise BookingRefused("slot")
    with transaction.atomic():
        department = EventDepartment.objects.select_for_update().get(pk=department.pk, event=event)
        active = Booking.objects.filter(event=event, slot=slot, email__iexact=email).exclude(
            status=BookingStatus.CANCELLED
        )
        if active.exists():
            raise BookingRefused("twice")
        taken = Booking.objects.filter(
            department=department, slot=slot, status=BookingStatus.CONFIRMED
        ).count()
        status = (
            BookingStatus.CONFIRMED if taken < department.seats_per_slot else BookingStatus.WAITING
        )
        booking = Booking.objects.create(
            event=event, department=department, slot=slot, name=name, email=email, status=status
        )
        _mail_on_commit(booking)
    return booking


def cancel(booking):
    """Cancel a booking; a freed seat goes to the first on the slot's waiting list.

    Returns the booking that moved up, if any.
    """
    with transaction.atomic():
        EventDepartment.objects.select_for_update().get(pk=booking.department_id)
        booking.refresh_from_db()
        if booking.status == BookingStatus.CANCELLED:
            return None
        freed = booking.status == BookingStatus.CONFIRMED
        booking.status = BookingStatus.CANCELLED
        booking.save(update_fields=["status"])
        if not freed:
            return None
        successor = (
            Booking.objects.filter(
                department_id=booking.department_id,
                slot=booking.slot,
                status=BookingStatus.WAITING,
            )
            .order_by("created_at", "pk")
            .first()
        )
        if successor is None:
            return None
        successor.status = BookingStatus.CONFIRMED
        successor.save(update_fields=["status"])
        _mail_on_commit(successor, moved_up=True)
    return successor


def delete_expired(now=None):
    """Delete the bookings of events that ended more than RETENTION ago; return how many."""
    limit = (now or timezone.now()) - RETENTION
    deleted, _ = Booking.objects.filter(event__end__lt=limit).delete()
    return deleted


def _mail_on_commit(booking, moved_up=False):
    from campaign.tasks import send_booking_mail

    transaction.on_commit(lambda: send_booking_mail.enqueue(booking.pk, moved_up))
