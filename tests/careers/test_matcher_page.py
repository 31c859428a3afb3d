"""careers/models/matcher.py: the questionnaire, ranked results with reasons, bad input,
job fields as well as locations, and a query count that does not grow with the profiles."""

import re

import pytest
from django.core.cache import cache
from django.db import connection

from careers.factories import (
    DimensionFactory,
    JobFieldPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    MatcherPageFactory,
)
from careers.models import DimensionValue, JobFieldCriterion
from tests.careers.conftest import HOST
from tests.support import get_with_query_budget, queries_of, same_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def dimensions(site):
    branche = DimensionFactory(
        site=site,
        name="Branche",
        slug="branche",
        question="In welcher Branche möchten Sie arbeiten?",
        sort_order=1,
        values=[("chemie", "Chemie"), ("life-sciences", "Life Sciences"), ("it", "IT")],
    )
    leben = DimensionFactory(
        site=site,
        name="Lebensumfeld",
        slug="lebensumfeld",
        question="Wie möchten Sie leben?",
        sort_order=2,
        values=[
            ("grossstadt", "Großstadt", "Leben in der Stadt"),
            ("land", "Land", "Leben auf dem Land"),
        ],
    )
    return branche, leben


def _value(slug):
    return DimensionValue.objects.get(slug=slug)


@pytest.fixture
def location_index(home):
    return LocationIndexPageFactory(parent=home, title="Zukunftsorte", slug="zukunftsorte")


@pytest.fixture
def locations(location_index, dimensions):
    specs = {
        "Wissenschaftshafen Magdeburg": [("life-sciences", 2), ("grossstadt", 3)],
        "Leuna": [("chemie", 3), ("land", 1)],
        "Harz (Wernigerode)": [("land", 3)],
        "Weinberg Campus Halle": [("life-sciences", 2), ("grossstadt", 3)],
    }
    return {
        title: LocationPageFactory(
            parent=location_index,
            title=title,
            criteria=[(_value(slug), weight) for slug, weight in criteria],
            contacts=[{"name": f"Kontakt {title}"}],
        )
        for title, criteria in specs.items()
    }


@pytest.fixture
def matcher(home, location_index):
    return MatcherPageFactory(parent=home, source=location_index)


def _titles(text):
    return re.findall(
        r'<h3 class="kern-heading-small"><a class="kern-link" href="[^"]+">([^<]+)</a>', text
    )


def test_questionnaire_has_a_fieldset_and_legend_per_dimension(client, matcher, locations):
    text = client.get(matcher.url, HTTP_HOST=HOST).text

    assert text.count("<h1") == 1
    assert text.count("<fieldset") == 2
    assert '<legend class="kern-label">In welcher Branche möchten Sie arbeiten?</legend>' in text
    assert (
        'type="checkbox" id="m-branche-life-sciences" name="branche" value="life-sciences"' in text
    )
    assert 'name="wichtig" value="lebensumfeld"' in text
    assert "Lebensumfeld ist mir besonders wichtig" in text
    assert 'method="get"' in text


def test_no_answers_list_every_location_alphabetically(client, matcher, locations):
    text = client.get(matcher.url, HTTP_HOST=HOST).text

    assert "Sie haben noch nichts gewählt" in text
    assert 'role="status"' in text
    assert _titles(text) == sorted(locations, key=str.casefold)
    assert "Übereinstimmung" not in text


def test_answers_rank_locations_with_score_and_reasons(client, matcher, locations):
    url = f"{matcher.url}?branche=life-sciences&lebensumfeld=grossstadt"
    text = client.get(url, HTTP_HOST=HOST).text

    # A tie: both have the same points and share the first place, alphabetically.
    assert _titles(text) == ["Weinberg Campus Halle", "Wissenschaftshafen Magdeburg"]
    assert text.count("Platz 1 · 100 % Übereinstimmung (gleichauf)") == 2
    assert "passt, weil: Branche Life Sciences, Leben in der Stadt" in text
    assert "2 Orte passen zu Ihren Angaben." in text
    assert "Zu keiner Ihrer Angaben passen: 2 Orte." in text
    assert 'id="m-branche-life-sciences" name="branche" value="life-sciences" checked' in text
    assert "Ein Kontakt vor Ort" in text
    assert "#kontakte" in text


def test_important_dimension_changes_the_order(client, matcher, locations):
    plain = client.get(f"{matcher.url}?branche=chemie&lebensumfeld=land", HTTP_HOST=HOST).text
    living = client.get(
        f"{matcher.url}?branche=chemie&lebensumfeld=land&wichtig=lebensumfeld", HTTP_HOST=HOST
    ).text

    assert _titles(plain) == ["Leuna", "Harz (Wernigerode)"]  # 3 + 1 points against 3
    assert _titles(living) == ["Harz (Wernigerode)", "Leuna"]  # 6 points against 3 + 2
    assert 'name="wichtig" value="lebensumfeld" checked' in living


def test_answers_nobody_has_say_so(client, matcher, locations):
    text = client.get(f"{matcher.url}?branche=it", HTTP_HOST=HOST).text

    assert "Keine Orte passen zu dieser Auswahl" in text
    assert _titles(text) == []


@pytest.mark.parametrize(
    "query",
    ["branche=gibt-es-nicht", "wichtig=nichts", "seite=abc", "seite=0"],
)
def test_unknown_values_are_a_400_with_a_german_message(client, matcher, locations, query):
    response = client.get(f"{matcher.url}?{query}", HTTP_HOST=HOST)

    assert response.status_code == 400
    assert "Diese Auswahl können wir so nicht auswerten" in response.text
    assert "Fragebogen neu beginnen" in response.text


def test_unrelated_parameters_are_ignored_and_a_page_too_far_is_a_404(client, matcher, locations):
    assert client.get(f"{matcher.url}?utm_source=flyer", HTTP_HOST=HOST).status_code == 200
    assert client.get(f"{matcher.url}?seite=9", HTTP_HOST=HOST).status_code == 404


def test_a_matcher_whose_source_was_deleted_is_not_found(client, matcher):
    type(matcher).objects.filter(pk=matcher.pk).update(source=None)  # as SET_NULL leaves it
    page = matcher

    assert client.get(page.url, HTTP_HOST=HOST).status_code == 404


def test_job_field_matcher_counts_open_postings(
    client, home, job_field_index, job_field, make_posting, site
):
    DimensionFactory(
        site=site,
        name="Arbeitsweise",
        slug="arbeitsweise",
        values=[("buero", "Büro", "Arbeit im Büro"), ("draussen", "Draußen")],
    )
    outdoors = JobFieldPageFactory(parent=job_field_index, title="Grünflächenpflege")
    JobFieldCriterion.objects.create(page=job_field, value=_value("buero"), weight=2)
    JobFieldCriterion.objects.create(page=outdoors, value=_value("draussen"))
    make_posting(title="Sachbearbeitung")
    matcher = MatcherPageFactory(
        parent=home,
        title="Welches Berufsfeld passt?",
        slug="berufsfeld-finden",
        source=job_field_index,
    )

    text = client.get(f"{matcher.url}?arbeitsweise=buero", HTTP_HOST=HOST).text

    assert _titles(text) == ["Allgemeine Verwaltung"]
    assert "passt, weil: Arbeit im Büro" in text
    assert "Eine offene Stelle" in text
    assert "Ein Berufsfeld passt zu Ihren Angaben." in text
    assert "Passende Berufsfelder zeigen" in text


def _many_locations(location_index, number):
    values = list(DimensionValue.objects.order_by("pk"))
    existing = location_index.get_children().count()
    for n in range(existing, number):
        LocationPageFactory(
            parent=location_index,
            title=f"Ort {n:03d}",
            criteria=[(values[n % len(values)], 1 + n % 3), (values[(n + 2) % len(values)], 1)],
            contacts=[{"name": "Firma"}],
        )


def test_query_count_is_the_same_for_12_and_500_locations(
    client, matcher, location_index, dimensions
):
    answered = f"{matcher.url}?branche=chemie&branche=it&lebensumfeld=land&wichtig=branche"

    def measured():
        # Both sides start from the same caches: emptied, then one visit fills
        # them (creating 488 pages may take longer than a cache entry lives).
        cache.clear()
        client.get(matcher.url, HTTP_HOST=HOST)
        return queries_of(client, answered, host=HOST), queries_of(client, matcher.url, host=HOST)

    _many_locations(location_index, 12)
    twelve, twelve_unanswered = measured()
    _many_locations(location_index, 500)
    # As the database's autovacuum would after such growth: with the statistics
    # of 12 locations the planner picked a plan that ran for minutes.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    five_hundred, five_hundred_unanswered = measured()

    assert same_queries(five_hundred, twelve)
    assert same_queries(five_hundred_unanswered, twelve_unanswered)
    assert len(twelve) <= 20
    page = client.get(answered, HTTP_HOST=HOST)
    assert "Seite 1 von" in page.text


# The Mitte address `make bench` loads (.ci/bench.py).
BENCH_MATCHER = "/berufsfeld-finden/?arbeitsweise=draussen&einstieg=ausbildung&wichtig=arbeitsweise"


def test_demo_matchers_of_zukunftsorte_and_mitte(client, demo_sites):
    from careers.models import LocationPage, MatcherPage

    zukunftsorte = next(s for s in demo_sites if s.hostname == "zukunftsorte.localhost")
    places = LocationPage.objects.live().descendant_of(zukunftsorte.root_page)
    assert places.count() == 12
    assert all(place.criteria.count() >= 5 and place.contacts.count() >= 2 for place in places)
    assert not places.filter(latitude=None).exists()
    assert MatcherPage.objects.descendant_of(zukunftsorte.root_page).count() == 1

    text = client.get(
        "/ort-finden/?branche=chemie&arbeitsumfeld=industrie&lebensumfeld=pendeln",
        HTTP_HOST="zukunftsorte.localhost",
    ).text
    assert _titles(text)[0] == "Chemiestandort Leuna"
    assert "passt, weil: Branche Chemie, Arbeit in der Industrie, gute Pendelverbindung" in text

    client.get(BENCH_MATCHER, HTTP_HOST="mitte.localhost")
    mitte = get_with_query_budget(client, BENCH_MATCHER, host="mitte.localhost", max_queries=20)
    assert "passt, weil: Arbeit draußen, Einstieg mit Ausbildung" in mitte.text
    assert "Passende Berufsfelder zeigen" in mitte.text
