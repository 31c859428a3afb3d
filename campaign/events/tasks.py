"""Background work of events (django-tasks): the booking e-mails, the
confirmation link first, then the seat with its .ics or the waiting list."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from campaign.events import ics
from campaign.events.models import Booking, BookingStatus


def booking_url(booking):
    event = booking.event
    return event.get_full_url() + event.reverse_subpage("booking", kwargs={"token": booking.token})


def booking_confirm_url(booking):
    from campaign.events.bookings import confirm_token

    event = booking.event
    return event.get_full_url() + event.reverse_subpage(
        "confirm_booking", kwargs={"token": confirm_token(booking)}
    )


@task()
def send_booking_mail(booking_id, moved_up=False):
    """Ask to confirm a new booking; once confirmed, confirm the seat (with its .ics)
    or the place on the waiting list.

    Looks the booking up afresh: it may have been cancelled since it was queued.
    """
    from campaign.events.bookings import hold

    booking = Booking.objects.select_related("event", "department").filter(pk=booking_id).first()
    if booking is None or booking.status == BookingStatus.CANCELLED:
        return
    if booking.status == BookingStatus.UNCONFIRMED:
        template = "campaign/mail/booking_confirm"
        url = booking_confirm_url(booking)
    else:
        template = "campaign/mail/booking"
        url = booking_url(booking)
    with translation.override("de"):
        context = {
            "booking": booking,
            "event": booking.event,
            "url": url,
            "moved_up": moved_up,
            "hold_minutes": int(hold().total_seconds() // 60),
        }
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[booking.email])
    if booking.status == BookingStatus.CONFIRMED:
        message.attach("termin.ics", ics.booking_ics(booking, url), "text/calendar")
    message.send()
