"""Background work of campaign pages (django-tasks): a photo calendar's PDF after
publishing, the booking e-mails of events (the confirmation link first),
visitors' feedback on barriers.

Publishing enqueues the rendering; the worker of django-tasks-db runs it (in
tests the immediate backend runs it at once). A request never renders: until
the worker has made the current PDF, the download serves the one made before
(unless a motif printed in it has run out of its usage rights), and a download
that finds the PDF missing or stale queues it.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from campaign import ics
from campaign.models.events import Booking, BookingStatus

logger = logging.getLogger("campaign.tasks")
_on_request_only = ContextVar("calendar_pdfs_on_request_only", default=False)


@contextmanager
def calendar_pdfs_on_first_request():
    """Within: publishing leaves the PDF to its first download, which queues it.

    For the demo build, which tests run many times over: a second of
    rendering per build would add up, and most test runs never download it.
    """
    token = _on_request_only.set(True)
    try:
        yield
    finally:
        _on_request_only.reset(token)


def enqueue_calendar_pdf(page):
    if _on_request_only.get():
        return None
    return make_calendar_pdf.enqueue(page.pk)


# A download that finds the PDF stale queues it once in this many seconds:
# however many visitors come, the queue gets one task per page.
PDF_REQUEST_INTERVAL = 600


def request_calendar_pdf(page):
    """Queue the PDF for a download that found none current, at most once per interval."""
    if cache.add(f"calendar-pdf-requested:{page.pk}", True, PDF_REQUEST_INTERVAL):
        make_calendar_pdf.enqueue(page.pk)


@task()
def make_calendar_pdf(page_id):
    """Make the PDF of a live calendar page unless a current one is stored."""
    from campaign.calendar_files import pdf_for
    from campaign.models import PhotoCalendarPage

    page = PhotoCalendarPage.objects.live().filter(pk=page_id).first()
    if page is None:
        return None
    pdf = pdf_for(page)
    return pdf.file.name if pdf is not None else None


def booking_url(booking):
    event = booking.event
    return event.get_full_url() + event.reverse_subpage("booking", kwargs={"token": booking.token})


def booking_confirm_url(booking):
    from campaign.bookings import confirm_token

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
    from campaign.bookings import hold

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


@task()
def send_accessibility_feedback_mail(feedback_id):
    """Pass a visitor's feedback on barriers to the site's editors.

    To the statement's feedback address, else the press office's; replies go
    straight to the visitor when they gave an address.
    """
    from django.conf import settings
    from django.urls import reverse

    from campaign.models import AccessibilityFeedback, AccessibilityStatementPage, EmployerSettings

    feedback = AccessibilityFeedback.objects.select_related("site").filter(pk=feedback_id).first()
    if feedback is None:
        return
    site = feedback.site
    statement = AccessibilityStatementPage.objects.child_of(site.root_page).first()
    press_email = (
        EmployerSettings.objects.filter(site=site).values_list("press_email", flat=True).first()
    )
    recipient = (statement.feedback_email if statement else "") or press_email
    if not recipient:
        # Stored all the same: the editors find it in the admin.
        logger.warning("Rückmeldung %s: keine Empfangsadresse für %s", feedback.pk, site)
        return
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "rueckmeldungen:edit", args=[feedback.pk]
    )
    with translation.override("de"):
        context = {
            "feedback": feedback,
            "site_name": site.site_name or site.hostname,
            "admin_url": admin_url,
        }
        subject = render_to_string(
            "campaign/mail/accessibility_feedback_subject.txt", context
        ).strip()
        body = render_to_string("campaign/mail/accessibility_feedback.txt", context)
    reply_to = [feedback.email] if feedback.email else None
    EmailMessage(subject=subject, body=body, to=[recipient], reply_to=reply_to).send()
