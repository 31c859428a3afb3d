"""What an event page serves beside itself: its .ics, the registration and the bookings.

Registration is two plain steps that work without JavaScript: choose a
department (`anmeldung/`), then a time with name and e-mail
(`anmeldung/?bereich=3`). Sending it leads to `anmeldung/gesendet/`, which
asks to confirm by the mailed link (the same answer for every address); the
link (`anmeldung/bestaetigen/<signed>/`) shows a button and confirms on POST,
so a mail scanner following it books nothing. Then the booking's own page
(`anmeldung/<token>/`) shows it, offers its .ics and cancels it.

Booking POSTs are limited per visitor (BOOKING_LIMIT); past it, 429 with the
form as typed and Retry-After.
"""

from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from campaign.events import bookings, ics
from campaign.events.forms import BookingForm
from campaign.events.models import Booking, BookingStatus
from campaign.sites import signed_links
from campaign.sites.public_forms import render_public_form, typed_input
from campaign.sites.rate_limits import RateLimit
from campaign.sites.signed_links import InvalidLink

DEPARTMENT_PARAMETER = "bereich"
# One visitor may book a few departments of a fair in an hour, not fill its slots.
BOOKING_LIMIT = RateLimit("event-bookings", limit=10, window=60 * 60)
REFUSALS = {
    "twice": lambda: _("Zu dieser Uhrzeit haben Sie schon ein Gespräch gebucht."),
    "slot": lambda: _("Diese Uhrzeit gibt es bei diesem Bereich nicht."),
}


def event_ics(request, event):
    url = request.build_absolute_uri(event.get_url(request))
    response = HttpResponse(ics.event_ics(event, url), content_type=ics.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def _render(request, event, template, context, status=200):
    # Registration shows who booked what: never kept in a shared cache.
    return render_public_form(request, template, {**event.get_context(request), **context}, status)


def register(request, event):
    if not event.registration_open:
        raise Http404
    template = "campaign/event_registration.html"
    if not event.accepts_bookings():
        context = {"closed": True}
        return _render(request, event, template, context, status=410)
    departments = list(event.departments.all())
    counts = bookings.taken_counts(event)
    chosen = request.POST.get(DEPARTMENT_PARAMETER) or request.GET.get(DEPARTMENT_PARAMETER)
    if chosen is None:
        overview = [
            (department, sum(free for _, free in bookings.free_seats(event, department, counts)))
            for department in departments
        ]
        return _render(request, event, template, {"overview": overview})
    department = next((d for d in departments if str(d.pk) == chosen), None)
    if department is None:
        problem = _("Diesen Bereich gibt es bei dieser Veranstaltung nicht.")
        return _render(request, event, template, {"problem": problem}, status=400)

    seats = bookings.free_seats(event, department, counts)
    context = {"department": department, "parameter": DEPARTMENT_PARAMETER}
    if request.method == "POST" and BOOKING_LIMIT.exceeded(request):
        context["form"] = BookingForm(initial=typed_input(request), seats=seats)
        context["problem_above_form"] = _(
            "Von Ihrem Anschluss kamen in kurzer Zeit viele Anmeldungen. Bitte warten Sie eine "
            "Stunde und versuchen Sie es dann noch einmal."
        )
        response = _render(request, event, template, context, status=429)
        response["Retry-After"] = str(BOOKING_LIMIT.window)
        return response
    if request.method == "POST":
        BOOKING_LIMIT.count(request)
    form = BookingForm(request.POST or None, seats=seats)
    if request.method == "POST" and form.is_spam():
        return _sent(request, event)  # what a person is told: the bot learns nothing
    if request.method == "POST" and form.is_valid():
        try:
            bookings.book(
                event,
                department,
                form.cleaned_data["slot"],
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
            )
        except bookings.BookingRefused as refusal:
            if str(refusal) == "closed":
                return _render(request, event, template, {"closed": True}, status=410)
            form.add_error("slot", REFUSALS[str(refusal)]())
        else:
            return _sent(request, event)
    status = 422 if form.errors else 200
    context["form"] = form
    return _render(request, event, template, context, status=status)


def _sent(request, event):
    url = event.get_url(request) + event.reverse_subpage("booking_sent")
    return HttpResponseRedirect(url, status=303)


def booking_sent(request, event):
    """After booking: check your mail. Names no booking, so it tells nobody whose it is."""
    if not event.registration_open:
        raise Http404
    return _render(request, event, "campaign/event_registration.html", {"sent": True})


def _link_problem(request, event, error):
    message, status = signed_links.problem(
        error,
        expired=_(
            "Dieser Bestätigungslink ist abgelaufen, und der Platz ist wieder frei. Bitte "
            "buchen Sie den Termin noch einmal."
        ),
        gone=_(
            "Diese Anmeldung gibt es nicht mehr. Vielleicht wurde sie storniert oder nicht "
            "rechtzeitig bestätigt."
        ),
    )
    context = {"link_problem": message}
    return _render(request, event, "campaign/event_booking_confirm.html", context, status=status)


def confirm_booking(request, event, token):
    """GET: the booking and a button; POST: confirmed, then on to the booking's page."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        booking = bookings.booking_to_confirm(event, token)
        if request.method == "POST":
            booking = bookings.confirm(booking)
    except InvalidLink as error:
        return _link_problem(request, event, error)
    booking.event = event
    if booking.status != BookingStatus.UNCONFIRMED:
        url = event.get_url(request) + event.reverse_subpage(
            "booking", kwargs={"token": booking.token}
        )
        return HttpResponseRedirect(url, status=303)
    context = {"booking": booking}
    return _render(request, event, "campaign/event_booking_confirm.html", context)


def _booking_or_404(event, token):
    booking = Booking.objects.select_related("department").filter(event=event, token=token).first()
    if booking is None:
        raise Http404
    booking.event = event
    return booking


def booking(request, event, token):
    booking = _booking_or_404(event, token)
    moved_up = None
    if request.method == "POST":
        moved_up = bookings.cancel(booking)
        booking.refresh_from_db(fields=["status"])
    context = {
        "booking": booking,
        "just_cancelled": request.method == "POST",
        "someone_moved_up": moved_up is not None,
        "statuses": BookingStatus,
    }
    return _render(request, event, "campaign/event_booking.html", context)


def booking_ics(request, event, token):
    booking = _booking_or_404(event, token)
    if booking.status not in (BookingStatus.CONFIRMED, BookingStatus.WAITING):
        raise Http404
    url = request.build_absolute_uri(
        event.get_url(request) + event.reverse_subpage("booking", kwargs={"token": token})
    )
    response = HttpResponse(ics.booking_ics(booking, url), content_type=ics.CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="termin.ics"'
    add_never_cache_headers(response)
    return response
