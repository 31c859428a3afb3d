"""The editors' overview on the admin dashboard: what waits for them.

One panel per section, each a heading and a list of entries linking to where
the work is done. A section is a function of the request that returns a
`Section`, or None when it has nothing to show (it then does not appear).
Apps register theirs through the Wagtail hook `register_dashboard_sections`,
a function returning a list of sections, so this module imports none of them
(careers: new applications). The hooks' `order` sets the panel's order, what
waits for the editor first: ORDER_OWN_WORK, ORDER_INBOX, ORDER_UPCOMING.
Each section should cost a fixed number of queries.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState, get_default_page_content_type

from campaign.calendars.files import is_fresh, stored_pdf
from campaign.models import BookingStatus, EventPage, PhotoCalendarPage
from campaign.sites.admin_scoping import within_sites

HOOK = "register_dashboard_sections"
# The hooks' order: the editor's own drafts, then what came in, then what is coming.
ORDER_OWN_WORK = 10
ORDER_INBOX = 20
ORDER_UPCOMING = 30


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    status: str = ""
    date: datetime | None = None


@dataclass(frozen=True)
class Section:
    slug: str  # unique on the dashboard, for the panel's id
    heading: str
    entries: list = field(default_factory=list)
    date_label: str = ""  # what an entry's date means, e.g. "Eingereicht"
    date_format: str = "SHORT_DATETIME_FORMAT"  # "SHORT_DATE_FORMAT" for dates without a time


def my_drafts_in_review(request):
    """The pages the user submitted to a workflow that has not finished yet."""
    states = list(
        WorkflowState.objects.active()
        .filter(requested_by=request.user, base_content_type=get_default_page_content_type())
        .select_related("current_task_state__task")
        .order_by("-created_at")
    )
    if not states:
        return None
    # The title of the draft under review, not of the live page: the revision keeps it.
    pages = Page.objects.select_related("latest_revision").in_bulk(
        [int(state.object_id) for state in states]
    )
    entries = []
    for state in states:
        page = pages.get(int(state.object_id))
        if page is None:
            continue
        revision = page.latest_revision
        entries.append(
            Entry(
                title=revision.object_str if revision else page.title,
                url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                status=_review_status(state.current_task_state),
                date=state.created_at,
            )
        )
    return Section(
        slug="meine-entwuerfe",
        heading=gettext("Meine Entwürfe in Prüfung"),
        entries=entries,
        date_label=gettext("Eingereicht"),
    )


def _review_status(task_state):
    if task_state is None:
        return ""
    task = task_state.task.name
    if task_state.status == TaskState.STATUS_REJECTED:
        return gettext("Änderungen erbeten: %(task)s") % {"task": task}
    return gettext("Wartet auf: %(task)s") % {"task": task}


def upcoming_events(request):
    """The next events on the user's sites, with how many have booked."""
    events = EventPage.objects.filter(end__gte=timezone.now())
    condition = within_sites(request.user, "path")
    if condition is not None:
        events = events.filter(condition)
    events = events.annotate(
        confirmed=Count("bookings", filter=Q(bookings__status=BookingStatus.CONFIRMED)),
        waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITING)),
    ).order_by("start")[:UPCOMING_EVENTS]
    entries = [
        Entry(
            title=event.title,
            url=reverse("wagtailadmin_pages:edit", args=[event.pk]),
            status=_bookings_status(event) if event.registration_open else "",
            date=event.start,
        )
        for event in events
    ]
    return Section(
        slug="veranstaltungen",
        heading=gettext("Nächste Veranstaltungen"),
        entries=entries,
        date_label=gettext("Beginn"),
    )


def _bookings_status(event):
    status = ngettext("%(count)s Anmeldung", "%(count)s Anmeldungen", event.confirmed) % {
        "count": event.confirmed
    }
    if event.waiting:
        status += ", " + gettext("%(count)s auf der Warteliste") % {"count": event.waiting}
    return status


UPCOMING_EVENTS = 5


def calendar_pdfs_to_make(request):
    """Live photo calendars of the user's sites whose PDF is missing or stale.

    Publishing queues the PDF; this shows what a lagging worker has not made
    yet. Opening the link queues it (or serves the one made before).
    """
    calendars = PhotoCalendarPage.objects.live().select_related("pdf_file").order_by("title")
    condition = within_sites(request.user, "path")
    if condition is not None:
        calendars = calendars.filter(condition)
    entries = []
    for calendar in calendars:
        pdf = stored_pdf(calendar)
        if pdf is not None and is_fresh(pdf, calendar):
            continue
        entries.append(
            Entry(
                title=calendar.title,
                url=calendar.url + calendar.reverse_subpage("pdf"),
                status=gettext("noch nicht erstellt") if pdf is None else gettext("veraltet"),
            )
        )
    return Section(
        slug="kalender-pdf",
        heading=gettext("Kalender als PDF erstellen"),
        entries=entries,
    )


def registered_sections():
    """The sections of every `register_dashboard_sections` hook, in the hooks' order."""
    return [section for registered in hooks.get_hooks(HOOK) for section in registered()]


class EditorOverviewPanel(Component):
    name = "stellwerk_editor_overview"
    template_name = "campaign/admin/editor_overview.html"
    order = 50  # above Wagtail's own panels

    def __init__(self, sections=None):
        self.sections = registered_sections() if sections is None else sections

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        built = (build(request) for build in self.sections)
        return {"sections": [section for section in built if section and section.entries]}

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["sections"]:
            return ""  # nothing waits: no panel rather than an empty one
        return get_template(self.template_name).render(context)
