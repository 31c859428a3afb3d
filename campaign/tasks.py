"""Background work of the campaign content: the booking e-mails of events."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from campaign import ics
from campaign.models.events import Booking, BookingStatus


def booking_url(booking):
    event = booking.event
    return event.get_full_url() + event.reverse_subpage("booking", kwargs={"token": booking.token})


@task()
def send_booking_mail(booking_id, moved_up=False):
    """Confirm a booking (with its .ics) or a place on the waiting list.

    Looks the booking up afresh: it may have been cancelled since it was queued.
    """
    booking = Booking.objects.select_related("event", "department").filter(pk=booking_id).first()
    if booking is None or booking.status == BookingStatus.CANCELLED:
        return
    url = booking_url(booking)
    with translation.override("de"):
        context = {"booking": booking, "event": booking.event, "url": url, "moved_up": moved_up}
        subject = render_to_string("campaign/mail/booking_subject.txt", context).strip()
        body = render_to_string("campaign/mail/booking.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[booking.email])
    if booking.status == BookingStatus.CONFIRMED:
        message.attach("termin.ics", ics.booking_ics(booking, url), "text/calendar")
    message.send()
