"""campaign/events/ics.py: the calendar files a visitor imports."""

import icalendar
import pytest

from campaign.events import ics
from campaign.factories import EventDepartmentFactory, EventPageFactory, SiteFactory
from campaign.models import Booking

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    site = SiteFactory(hostname="termine.localhost")
    return EventPageFactory(
        parent=site.root_page,
        title="Job-Speed-Dating; mit „Anführungszeichen“, Kommas",
        venue_name="Zentralbibliothek im KAP1",
        venue_street="Konrad-Adenauer-Platz 1",
        venue_postal_code="40210",
        venue_city="Düsseldorf",
    )


def test_the_event_file_carries_time_place_and_title_intact(event):
    url = "http://termine.localhost/veranstaltung/"

    (entry,) = icalendar.Calendar.from_ical(ics.event_ics(event, url)).walk("VEVENT")

    assert entry.decoded("dtstart") == event.start
    assert entry.decoded("dtend") == event.end
    assert str(entry["summary"]) == event.title
    assert str(entry["location"]) == (
        "Zentralbibliothek im KAP1, Konrad-Adenauer-Platz 1, 40210 Düsseldorf"
    )
    assert str(entry["url"]) == url
    assert str(entry["uid"]).endswith("@termine.localhost")


def test_a_booking_file_is_the_conversation_not_the_whole_day(event):
    booking = Booking.objects.create(
        event=event,
        department=EventDepartmentFactory(event=event, name="Bürgerbüro"),
        slot=event.start,
        name="Eine Person",
        email="person@example.org",
    )

    calendar = icalendar.Calendar.from_ical(ics.booking_ics(booking, "http://x.localhost/b/"))
    (entry,) = calendar.walk("VEVENT")

    assert entry.decoded("dtstart") == event.start
    assert (entry.decoded("dtend") - entry.decoded("dtstart")).total_seconds() == 15 * 60
    assert "Bürgerbüro" in str(entry["summary"])
    assert "person@example.org" not in calendar.to_ical().decode()
