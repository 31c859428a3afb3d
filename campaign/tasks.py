"""Background work of campaign pages: a photo calendar's PDF after publishing.

Publishing enqueues the rendering; the worker of django-tasks-db runs it (in
development and tests the immediate backend runs it at once). Should the
worker lag, the first download renders the PDF itself: a stale file is never
served.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django_tasks import task

_on_request_only = ContextVar("calendar_pdfs_on_request_only", default=False)


@contextmanager
def calendar_pdfs_on_first_request():
    """Within: publishing leaves the PDF to its first download.

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
