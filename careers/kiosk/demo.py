"""The demo's kiosk (seed 004): the Düsseldorf speed dating's next edition has a
tablet link, which load_demo writes to the admin's login file."""

import datetime

from django.utils import timezone

from campaign.models import EventKiosk, EventPage
from careers.kiosk.admin import kiosk_url

LABEL = "Tablet am Eingang (Demo)"


def upcoming_events(site):
    return EventPage.objects.live().descendant_of(site.root_page).filter(end__gte=timezone.now())


def add_kiosks(site):
    """A kiosk for each upcoming event of the site that has none; safe to run again."""
    for event in upcoming_events(site).filter(kiosks__isnull=True):
        EventKiosk.objects.create(
            event=event, label=LABEL, valid_until=event.end + datetime.timedelta(days=1)
        )


def kiosk_logins(port):
    """The lines load_demo writes beside the admin's login."""
    return [
        f"Kiosk „{kiosk.event.title}“ ({kiosk.label}, gültig bis "
        f"{timezone.localtime(kiosk.valid_until):%d.%m.%Y %H:%M}): {kiosk_url(kiosk)}"
        for kiosk in EventKiosk.objects.filter(label=LABEL, valid_until__gte=timezone.now())
        .select_related("event")
        .order_by("pk")
    ]
