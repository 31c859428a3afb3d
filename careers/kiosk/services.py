"""The kiosk's rules without HTTP: its link, the postings it offers, the counts,
the documents link of a short application."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, F, IntegerField, Value, When

from campaign.models import EventKiosk, KioskTally
from campaign.sites.page_cache import purge
from campaign.sites.signed_links import ExpiredLink, GoneLink, SignedLink
from careers.applications import services as applications
from careers.models import Application, JobPostingPage

# Untimed: a kiosk's validity is its row's (valid_until), which editors set.
KIOSK_LINK = SignedLink("careers.kiosk")
DOCUMENTS_LINK = SignedLink("careers.kiosk.documents", timestamped=True)
PARTICIPANTS = "teilnehmende"


class UnknownKiosk(GoneLink):
    """A genuine link whose kiosk was deleted."""


class UnknownApplication(GoneLink):
    """A genuine documents link whose application is gone (withdrawn, deleted)."""


def kiosk_token(kiosk):
    return KIOSK_LINK.token(kiosk.pk, kiosk.key)


def kiosk_for_token(token, now=None):
    """The kiosk a link opens; InvalidLink, ExpiredLink (past valid_until) or UnknownKiosk."""
    pk, key = KIOSK_LINK.read(token)
    kiosk = EventKiosk.objects.select_related("event").filter(pk=pk, key=key).first()
    if kiosk is None:
        raise UnknownKiosk
    if not kiosk.is_valid(now):
        raise ExpiredLink
    return kiosk


def postings(event, site=None):
    """The open postings of the event's site (`site`, when the caller knows it);
    those of the event's job fields first."""
    # The chosen pages' ids as stored: fetching the job fields is not needed.
    job_fields = [
        block["value"].get("job_field")
        for block in event.opportunities.raw_data
        if block["value"].get("job_field")
    ]
    site = site or event.get_site()
    return (
        JobPostingPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .open()
        .annotate(
            of_event=Case(
                When(job_field_id__in=job_fields, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("of_event", "title", "pk")
    )


def tallies(event):
    """{department id (None: participants): count} of the event."""
    return dict(event.kiosk_tallies.values_list("department_id", "count"))


def tap(event, department):
    """Count one more (a department's conversation, or with None a participant),
    atomically: the row is made once, then incremented in the database."""
    try:
        with transaction.atomic():
            tally, _created = KioskTally.objects.get_or_create(event=event, department=department)
    except IntegrityError:  # made by a tap of another tablet in between
        tally = KioskTally.objects.get(event=event, department=department)
    KioskTally.objects.filter(pk=tally.pk).update(count=F("count") + 1)
    purge.event_results_counted(event)


def apply(kiosk, posting, data):
    """A short application of `posting` left at the kiosk; mailed with the documents link."""
    application = applications.submit(posting, data, [], event=kiosk.event)
    purge.event_results_counted(kiosk.event)
    return application


def documents_token(application):
    return DOCUMENTS_LINK.token(application.pk, application.receipt_number)


def application_for_documents(token):
    """The application a documents link names; InvalidLink, ExpiredLink or UnknownApplication."""
    max_age = settings.KIOSK_DOCUMENTS_LINK_DAYS * 24 * 3600
    pk, receipt_number = DOCUMENTS_LINK.read(token, max_age=max_age)
    application = (
        Application.objects.select_related("posting")
        .filter(pk=pk, receipt_number=receipt_number, event__isnull=False)
        .first()
    )
    if application is None:
        raise UnknownApplication
    return application
