"""careers/search.py and /suche/: full text, facets with counts, bad input, no N+1."""

import datetime
import re

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from campaign.factories import EmployerDirectoryPageFactory, SiteFactory
from careers.choices import EmploymentType, EntryPath, Status
from careers.factories import JobPostingIndexPageFactory, JobPostingPageFactory
from careers.levels import CareerLevel, career_level
from careers.search import JobSearch, Scope
from tests.careers.conftest import HOST
from tests.support import count_queries, get_with_query_budget, skip_unless_available

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


def _results(response):
    """Titles of the result list, without the highlighting marks."""
    items = re.findall(r'<h3 class="kern-heading-small"><a [^>]*>(.*?)</a>', response.text)
    return [re.sub(r"</?mark>", "", item) for item in items]


def _facet_count(response, parameter, label):
    match = re.search(
        rf'name="{parameter}" value="[^"]*"[^>]*>\s*<label [^>]*>{re.escape(label)} '
        r'<span class="careers-facet__count">\((\d+)\)</span>',
        response.text,
    )
    return int(match.group(1)) if match else None


@pytest.mark.parametrize(
    ("grade", "level"),
    [
        ("E 4", CareerLevel.BASIC),
        ("E 5", CareerLevel.MIDDLE),
        ("A 8", CareerLevel.MIDDLE),
        ("e9b", CareerLevel.UPPER),
        ("A 9", CareerLevel.UPPER),
        ("S 11b", CareerLevel.UPPER),
        ("E 13", CareerLevel.SENIOR),
        ("B 2", CareerLevel.SENIOR),
        ("Ausbildung", CareerLevel.TRAINING),
        ("nach Vereinbarung", None),
    ],
)
def test_pay_grades_fall_into_the_career_levels_visitors_know(grade, level):
    assert career_level(grade) == level


def test_search_finds_job_fields_and_postings_and_marks_the_words(client, job_field, make_posting):
    make_posting(title="Sachbearbeitung Verwaltung Bürgerbüro")
    make_posting(title="Hausmeister*in Rathaus", lead="Sie halten das Haus in Schuss.")

    response = get_with_query_budget(client, "/suche/?q=Verwaltung", host=HOST, max_queries=25)

    assert set(_results(response)) == {
        "Allgemeine Verwaltung",
        "Sachbearbeitung Verwaltung Bürgerbüro",
    }
    assert "<mark>Verwaltung</mark>" in response.text
    assert "2 Ergebnisse für „Verwaltung“" in response.text


def test_expired_postings_are_never_found(client, make_posting):
    make_posting(title="Verwaltung offen")
    make_posting(title="Verwaltung abgelaufen", application_deadline=YESTERDAY)

    with_query = client.get("/suche/?q=Verwaltung", HTTP_HOST=HOST)
    browsing = client.get("/suche/?art=stelle", HTTP_HOST=HOST)

    assert "Verwaltung offen" in _results(with_query)
    assert "Verwaltung abgelaufen" not in _results(with_query)
    assert _results(browsing) == ["Verwaltung offen"]


def test_facets_count_what_each_choice_would_show(client, make_posting, departments):
    wedding, health = departments
    make_posting(
        title="Stelle A", departments=[wedding], employment_types=[EmploymentType.FULL_TIME]
    )
    make_posting(
        title="Stelle B", departments=[health], employment_types=[EmploymentType.PART_TIME]
    )
    make_posting(
        title="Stelle C", departments=[health], employment_types=[EmploymentType.PART_TIME]
    )

    everything = client.get("/suche/?art=stelle", HTTP_HOST=HOST)
    assert _facet_count(everything, "amt", "Gesundheitsamt") == 2
    assert _facet_count(everything, "amt", "Rathaus Wedding") == 1

    narrowed = client.get(f"/suche/?art=stelle&amt={health.pk}", HTTP_HOST=HOST)
    assert sorted(_results(narrowed)) == ["Stelle B", "Stelle C"]
    # Its own facet keeps counting the other choice: ticking it would add one.
    assert _facet_count(narrowed, "amt", "Rathaus Wedding") == 1
    # Other facets count within the narrowed results.
    assert _facet_count(narrowed, "arbeitszeit", "Teilzeit") == 2
    assert _facet_count(narrowed, "arbeitszeit", "Vollzeit") is None  # nothing to add: hidden

    both = client.get(f"/suche/?art=stelle&amt={health.pk}&amt={wedding.pk}", HTTP_HOST=HOST)
    assert len(_results(both)) == 3
    assert f'href="?art=stelle&amp;amt={wedding.pk}"' in both.text  # removes Gesundheitsamt


def test_entry_path_and_pay_level_facets(client, make_posting, job_field):
    make_posting(title="Azubi Verwaltung", status=Status.AUSBILDUNG, pay_grades="")
    make_posting(title="Sachbearbeitung", status=Status.TARIF, pay_grades="E 9b")
    make_posting(title="Referent*in", status=Status.BEAMTE, pay_grades="A 13")

    training = client.get(f"/suche/?einstieg={EntryPath.AUSBILDUNG}", HTTP_HOST=HOST)
    upper = client.get(f"/suche/?art=stelle&entgelt={CareerLevel.UPPER}", HTTP_HOST=HOST)

    # The job field offers Ausbildung too; the civil-servant post does not.
    assert sorted(_results(training)) == ["Allgemeine Verwaltung", "Azubi Verwaltung"]
    assert _results(upper) == ["Sachbearbeitung"]


def test_campaign_pages_are_found_until_a_careers_filter_is_ticked(client, home, make_posting):
    from campaign.factories import StandardPageFactory

    StandardPageFactory(parent=home, title="Verwaltung erleben", lead="Ein Tag im Rathaus.")
    make_posting(title="Verwaltung im Bürgeramt")

    plain = client.get("/suche/?q=Verwaltung", HTTP_HOST=HOST)
    narrowed = client.get("/suche/?q=Verwaltung&art=stelle", HTTP_HOST=HOST)

    assert "Verwaltung erleben" in _results(plain)
    assert _results(narrowed) == ["Verwaltung im Bürgeramt"]


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("amt=999999", 400, "gibt es in diesem Filter nicht"),
        ("entgelt=sehr-viel", 400, "gibt es in diesem Filter nicht"),
        ("q=" + "x" * 201, 400, "Der Suchbegriff ist zu lang"),
        ("seite=zwei", 400, "Die Seitenzahl muss eine ganze Zahl sein"),
        ("seite=0", 400, "Die Seitenzahl beginnt bei 1"),
        ("seite=99", 404, ""),
    ],
)
def test_bad_addresses_get_a_german_message_not_an_error(
    client, make_posting, query, status, message
):
    make_posting()

    response = client.get(f"/suche/?{query}", HTTP_HOST=HOST)

    assert response.status_code == status
    assert message in response.content.decode()


def test_search_terms_with_stems_on_postgresql(client, job_field, make_posting):
    skip_unless_available(connection.vendor == "postgresql", "Wortstämme nur mit PostgreSQL")
    make_posting(title="Fachkraft für Verwaltungen", lead="Sie verwalten Akten.")

    response = client.get("/suche/?q=Verwaltung", HTTP_HOST=HOST)

    # German stemming: "Verwaltung" also finds "Verwaltungen".
    assert "Fachkraft für Verwaltungen" in _results(response)


def test_pagination_keeps_the_filters(client, make_posting, departments):
    for number in range(25):
        make_posting(title=f"Stelle {number:02}", departments=[departments[1]])

    first = client.get(f"/suche/?art=stelle&amt={departments[1].pk}", HTTP_HOST=HOST)
    second = client.get(f"/suche/?art=stelle&amt={departments[1].pk}&seite=2", HTTP_HOST=HOST)

    assert len(_results(first)) == 20
    assert f"?art=stelle&amp;amt={departments[1].pk}&amp;seite=2" in first.text
    assert len(_results(second)) == 5


def test_query_count_does_not_grow_with_the_results(client, make_posting, job_field):
    for number in range(10):
        make_posting(title=f"Verwaltung {number}")
    few = count_queries(client, "/suche/?q=Verwaltung", host=HOST)
    for number in range(10, 200):
        make_posting(title=f"Verwaltung {number}")

    response = get_with_query_budget(client, "/suche/?q=Verwaltung", host=HOST, max_queries=few)
    browse = get_with_query_budget(client, "/suche/?art=stelle", host=HOST, max_queries=few)

    assert "201 Ergebnisse" in response.text  # 200 postings and the job field
    assert "200 Ergebnisse" in browse.text
    assert len(_results(response)) == 20


def test_directory_site_searches_the_postings_of_every_employer(client, make_posting, site):
    make_posting(title="Verwaltung Beispiel")
    other = SiteFactory(hostname="anderswo.localhost", site_name="Stadt Anderswo")
    index = JobPostingIndexPageFactory(parent=other.root_page)
    JobPostingPageFactory(parent=index, title="Verwaltung Anderswo", reference="A-1")
    JobPostingPageFactory(
        parent=index, title="Verwaltung vorbei", reference="A-2", application_deadline=YESTERDAY
    )
    directory = SiteFactory(
        hostname="alle.localhost",
        site_name="Stellwerk",
        root_page=EmployerDirectoryPageFactory(parent=Page.get_first_root_node()),
    )

    everyone = client.get("/suche/?q=Verwaltung", HTTP_HOST=directory.hostname)
    one = client.get(
        "/suche/?q=Verwaltung&arbeitgeber=anderswo.localhost", HTTP_HOST="alle.localhost"
    )

    assert "Stellen bei allen Arbeitgebern" in everyone.text
    assert sorted(_results(everyone)) == ["Verwaltung Anderswo", "Verwaltung Beispiel"]
    assert "Stadt Anderswo" in everyone.text
    assert _results(one) == ["Verwaltung Anderswo"]
    assert "http://anderswo.localhost/" in one.text  # links to the employer's own site


def test_search_object_without_http(site, make_posting, departments, job_field):
    one = make_posting(title="Eins", departments=departments)
    make_posting(title="Zwei", departments=departments[:1])

    search = JobSearch(Scope.for_site(site), "", {"amt": [str(departments[1].pk)]})

    # The job field serves both departments; of the postings only "Eins" does.
    assert [(c.kind, c.pk) for c in search.results] == [
        ("stelle", one.pk),
        ("berufsfeld", job_field.pk),
    ]
