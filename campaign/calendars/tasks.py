"""Background work of photo calendars (django-tasks): the PDF after publishing.

Publishing enqueues the rendering; the worker of django-tasks-db runs it (in
tests the immediate backend runs it at once). A request never renders: until
the worker has made the current PDF, the download serves the one made before
(unless a motif printed in it has run out of its usage rights), and a download
that finds the PDF missing or stale queues it.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django_tasks import task

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
    from campaign.calendars.files import pdf_for
    from campaign.models import PhotoCalendarPage

    page = PhotoCalendarPage.objects.live().filter(pk=page_id).first()
    if page is None:
        return None
    pdf = pdf_for(page)
    return pdf.file.name if pdf is not None else None
