"""Fixtures of the kiosk tests: the Düsseldorf demo's next speed dating and its kiosk."""

import pytest
from django.utils import timezone
from wagtail.models import Site

from campaign.models import EventKiosk, EventPage
from careers.kiosk import services
from tests.careers.applications.conftest import (  # noqa: F401  (fixtures)
    HOST,
    _own_files_root,
    pdf_bytes,
)


@pytest.fixture
def site(demo_sites):
    return Site.objects.get(hostname=HOST)


@pytest.fixture
def event(site):
    return (
        EventPage.objects.live()
        .descendant_of(site.root_page)
        .filter(end__gte=timezone.now())
        .order_by("start")
        .first()
    )


@pytest.fixture
def kiosk(event):
    return EventKiosk.objects.filter(event=event).first()


def kiosk_path(kiosk, rest=""):
    return f"/kiosk/{services.kiosk_token(kiosk)}/{rest}"
