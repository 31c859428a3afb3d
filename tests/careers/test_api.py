"""careers/api.py: the read-only JSON API of open postings and its OpenAPI schema."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from careers.levels import CareerLevel
from tests.careers.conftest import HOST
from tests.support import get_with_query_budget

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


def test_lists_open_postings_with_pay_and_places(client, make_posting):
    make_posting(title="Sachbearbeitung Wohngeld", reference="WG-1", pay_grades="E 9b")
    make_posting(title="Vorbei", reference="ALT-1", application_deadline=YESTERDAY)

    response = get_with_query_budget(client, "/api/v1/stellen", host=HOST, max_queries=20)

    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["reference"] == "WG-1"
    assert item["url"].startswith(f"http://{HOST}/")
    assert item["employer"] == "Bezirksamt Beispiel"
    assert item["job_field"] == "Allgemeine Verwaltung"
    assert item["pay_grades"] == ["E 9b"]
    # E 9b of the 2025 test table: steps 1 to 6 are 3650 to 4150 € (+150 from 2025).
    assert Decimal(item["salary"]["minimum"]) == Decimal("3650")
    assert Decimal(item["salary"]["maximum"]) == Decimal("4150")
    assert item["departments"][0]["address"] == "Müllerstraße 146, 13353 Berlin"


def test_filters_are_the_search_facets(client, make_posting):
    make_posting(title="Gehoben", reference="G-1", pay_grades="E 9b")
    make_posting(title="Mittel", reference="M-1", pay_grades="E 5")

    response = client.get(f"/api/v1/stellen?entgelt={CareerLevel.MIDDLE}", HTTP_HOST=HOST)

    assert [item["title"] for item in response.json()["items"]] == ["Mittel"]


def test_pages_and_one_posting(client, make_posting):
    postings = [make_posting(title=f"Stelle {n:02}", reference=f"S-{n}") for n in range(5)]

    second = client.get("/api/v1/stellen?pro_seite=2&seite=2", HTTP_HOST=HOST).json()
    one = client.get(f"/api/v1/stellen/{postings[0].pk}", HTTP_HOST=HOST)

    assert (second["count"], second["page"], second["pages"]) == (5, 2, 3)
    assert [item["title"] for item in second["items"]] == ["Stelle 02", "Stelle 03"]
    assert one.json()["reference"] == "S-0"


@pytest.mark.parametrize(
    ("query", "status", "detail"),
    [
        ("?entgelt=viel", 400, "Unbekannter Wert für entgelt: viel"),
        ("?seite=abc", 400, "Ungültige Angabe: seite."),
        ("?pro_seite=1000", 400, "Ungültige Angabe: pro_seite."),
        ("?seite=9", 404, "Diese Seite gibt es nicht."),
        ("/999999", 404, "Diese Stelle gibt es nicht oder nicht mehr."),
    ],
)
def test_bad_requests_get_a_german_answer(client, make_posting, query, status, detail):
    make_posting()

    response = client.get(f"/api/v1/stellen{query}", HTTP_HOST=HOST)

    assert response.status_code == status
    assert response.json() == {"detail": detail}


def test_expired_posting_is_gone_from_the_api(client, make_posting):
    gone = make_posting(application_deadline=YESTERDAY)

    assert client.get(f"/api/v1/stellen/{gone.pk}", HTTP_HOST=HOST).status_code == 404


def test_openapi_schema_describes_the_postings(client, site):
    schema = client.get("/api/v1/openapi.json", HTTP_HOST=HOST).json()

    assert schema["info"]["title"] == "Stellwerk: Stellenangebote"
    assert {"/api/v1/stellen", "/api/v1/stellen/{posting_id}"} <= set(schema["paths"])
    fields = schema["components"]["schemas"]["PostingOut"]["properties"]
    assert {"reference", "salary", "application_deadline", "departments"} <= set(fields)
    # No interactive docs: they would need scripts the CSP does not allow.
    assert client.get("/api/v1/docs/", HTTP_HOST=HOST).status_code == 404
