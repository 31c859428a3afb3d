"""careers/models/locations.py: a location's profile, contacts, map position, postings."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from careers.factories import (
    DepartmentFactory,
    DimensionFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
)
from careers.models import DimensionValue, LocationPage
from careers.rules import POSTINGS_PER_PAGE
from tests.careers.conftest import HOST
from tests.support import count_queries, get_with_query_budget

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


@pytest.fixture
def location_index(home):
    return LocationIndexPageFactory(parent=home, title="Zukunftsorte", slug="zukunftsorte")


@pytest.fixture
def branche(site):
    return DimensionFactory(
        site=site,
        name="Branche",
        slug="branche",
        values=[("chemie", "Chemie"), ("life-sciences", "Life Sciences")],
    )


@pytest.fixture
def harbour(location_index, branche, site):
    life_sciences = DimensionValue.objects.get(slug="life-sciences")
    return LocationPageFactory(
        parent=location_index,
        title="Wissenschaftshafen Magdeburg",
        lead="Forschung am Wasser, mitten in der Landeshauptstadt.",
        latitude=Decimal("52.13950"),
        longitude=Decimal("11.64050"),
        what_is_there="<p>Institute, Start-ups und ein Innovationszentrum.</p>",
        living="<p>Großstadt an der Elbe, Kitas in der Nähe.</p>",
        criteria=[(life_sciences, 3)],
        contacts=[
            {
                "name": "Fraunhofer-Institut IFF",
                "kind": "forschung",
                "description": "Fabrikbetrieb und -automatisierung",
                "email": "info@iff.example",
                "phone": "0391 4090-0",
                "url": "https://iff.example",
            },
            {"name": "Hafen-Start-up GmbH", "kind": "unternehmen", "email": "jobs@start.example"},
        ],
    )


def test_location_page_shows_profile_contacts_and_map_position_as_text(client, harbour):
    # A first visit, branding and locale lookups included.
    response = get_with_query_budget(client, harbour.url, host=HOST, max_queries=21)
    text = response.text

    assert text.count("<h1") == 1
    assert "Wissenschaftshafen Magdeburg" in text
    assert "52,1395° N, 11,6405° O" in text
    assert (
        'href="https://www.openstreetmap.org/?mlat=52.13950&amp;mlon=11.64050'
        '#map=14/52.13950/11.64050"' in text
    )
    assert "<iframe" not in text
    assert "Fraunhofer-Institut IFF" in text
    assert "Forschungseinrichtung – Fabrikbetrieb und -automatisierung" in text
    assert 'href="mailto:jobs@start.example"' in text
    assert 'href="tel:03914090-0"' in text
    assert "Life Sciences" in text  # its criteria as facts
    assert "Großstadt an der Elbe" in text


def test_location_without_position_or_contacts_says_so(client, location_index):
    bare = LocationPageFactory(parent=location_index, latitude=None, longitude=None)

    text = client.get(bare.url, HTTP_HOST=HOST).text

    assert "openstreetmap" not in text
    assert "noch keine Kontakte" in text
    assert bare.position_text == ""


def test_southern_and_western_positions():
    page = LocationPage(latitude=Decimal("-33.5"), longitude=Decimal("-70.25"))

    assert page.position_text == "33,5000° S, 70,2500° W"


def test_open_postings_of_the_location_departments(client, harbour, site, make_posting):
    port = DepartmentFactory(site=site, name="Standort Wissenschaftshafen", city="Magdeburg")
    harbour.departments.add(port)
    harbour.save()
    make_posting(title="Laborant*in", departments=[port])
    make_posting(title="Abgelaufen am Hafen", departments=[port], application_deadline=YESTERDAY)
    make_posting(title="Woanders")  # another department

    text = client.get(harbour.url, HTTP_HOST=HOST).text

    assert "Eine offene Stelle" in text
    assert "Laborant*in" in text
    assert "Abgelaufen am Hafen" not in text
    assert "Woanders" not in text


def test_index_lists_locations_with_counts_in_a_fixed_number_of_queries(
    client, location_index, harbour
):
    client.get(location_index.url, HTTP_HOST=HOST)
    one = count_queries(client, location_index.url, host=HOST)
    for number in range(10):
        LocationPageFactory(parent=location_index, title=f"Ort {number:02d}")
    eleven = get_with_query_budget(client, location_index.url, host=HOST, max_queries=one)

    assert "11 Orte" in eleven.text
    assert eleven.text.index("Ort 00") < eleven.text.index("Wissenschaftshafen")
    assert "Kontakte vor Ort" in eleven.text


def test_page_and_location_queries_do_not_grow_with_contacts(client, harbour):
    client.get(harbour.url, HTTP_HOST=HOST)  # the branding's cache is warm from here on
    before = count_queries(client, harbour.url, host=HOST)
    harbour.contacts.create(name="Noch ein Unternehmen")
    harbour.contacts.create(name="Und noch eins")

    assert count_queries(client, harbour.url, host=HOST) == before


def test_a_place_with_many_postings_shows_them_a_page_at_a_time(
    client, harbour, site, make_posting
):
    port = DepartmentFactory(site=site, name="Standort Wissenschaftshafen", city="Magdeburg")
    harbour.departments.add(port)
    harbour.save()
    for number in range(POSTINGS_PER_PAGE + 1):
        make_posting(title=f"Laborant*in {number:02d}", departments=[port])

    first = client.get(harbour.url, HTTP_HOST=HOST).text
    second = client.get(harbour.url + "?seite=2", HTTP_HOST=HOST).text

    assert f"{POSTINGS_PER_PAGE + 1} offene Stellen" in first
    assert first.count("Laborant*in ") == POSTINGS_PER_PAGE
    assert second.count("Laborant*in ") == 1
    assert client.get(harbour.url + "?seite=3", HTTP_HOST=HOST).status_code == 404
