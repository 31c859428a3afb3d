"""iCalendar files (RFC 5545) for an event and for one booked conversation.

Times are written in UTC: every calendar program shows them in its own time
zone, and the file needs no VTIMEZONE definition that ends in 2038.
"""

import datetime

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

PRODID = "-//Stellwerk//Veranstaltungen//DE"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def _calendar():
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    return calendar


def _utc(moment):
    return moment.astimezone(datetime.UTC)


def _entry(uid, summary, start, end, *, event, url, description):
    entry = icalendar.Event()
    entry.add("uid", uid)
    entry.add("dtstamp", _utc(timezone.now()))
    entry.add("dtstart", _utc(start))
    entry.add("dtend", _utc(end))
    entry.add("summary", summary)
    entry.add("location", ", ".join(event.address_lines()))
    entry.add("description", description)
    entry.add("url", url)
    return entry


def _host(url):
    return url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0]


def event_ics(event, url):
    """The whole event, for "in den Kalender übernehmen"; `url` is the page's absolute URL."""
    calendar = _calendar()
    calendar.add_component(
        _entry(
            f"event-{event.pk}@{_host(url)}",
            event.title,
            event.start,
            event.end,
            event=event,
            url=url,
            description=event.lead,
        )
    )
    return calendar.to_ical()


def booking_ics(booking, url):
    """One booked conversation; `url` is the booking's absolute URL (to see or cancel it)."""
    event = booking.event
    calendar = _calendar()
    calendar.add_component(
        _entry(
            f"booking-{booking.token}@{_host(url)}",
            _("Gespräch: %(department)s – %(event)s")
            % {"department": booking.department.name, "event": event.title},
            booking.slot,
            booking.slot_end,
            event=event,
            url=url,
            description=_("Ansehen oder stornieren: %(url)s") % {"url": url},
        )
    )
    return calendar.to_ical()
