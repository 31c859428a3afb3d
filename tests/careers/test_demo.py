"""careers/demo: the Mitte job fields and the Düsseldorf Job-Speed-Dating postings.

The demo takes seconds to build, so each test here checks several things of
one build rather than one thing each.
"""

import shutil

import pytest
from wagtail.models import Page, Site

from campaign.models import EventPage
from careers.demo import build
from careers.models import (
    Department,
    JobFieldIndexPage,
    JobFieldPage,
    JobPostingIndexPage,
    JobPostingPage,
    PayRate,
)
from tests.support import get_with_query_budget

pytestmark = pytest.mark.django_db

MITTE, DUESSELDORF = "mitte.localhost", "duesseldorf.localhost"


def _home(hostname):
    return Site.objects.get(hostname=hostname).root_page


def _site_pages(model, hostname):
    return model.objects.live().descendant_of(_home(hostname))


def test_demo_content_tells_the_seed_stories(client, demo_sites):
    # Seed 000: more than 80 job fields in categories, the three town halls and Ämter.
    job_fields = _site_pages(JobFieldPage, MITTE)
    assert job_fields.count() >= 80
    categories = set(job_fields.values_list("category__name", flat=True))
    assert {"Verwaltung", "Soziales", "Gesundheit", "Technik/IT", "Ausbildung/Studium"} <= (
        categories
    )
    assert None not in categories
    assert not job_fields.filter(pay_scale=None).exists()
    mitte_departments = set(
        Department.objects.filter(site__hostname=MITTE).values_list("name", flat=True)
    )
    assert {"Rathaus Tiergarten", "Rathaus Mitte", "Rathaus Wedding", "Gesundheitsamt"} <= (
        mitte_departments
    )
    assert {"Sozialamt", "Amt für Bürgerdienste"} <= mitte_departments

    # Seed 004: 84 opportunities over about 20 departments, some past their deadline.
    postings = _site_pages(JobPostingPage, DUESSELDORF)
    assert postings.count() == 84
    assert 0 < postings.expired().count() < 84
    assert 18 <= Department.objects.filter(site__hostname=DUESSELDORF).count() <= 24
    titles = list(postings.values_list("title", flat=True))
    for role in (
        "Verwaltungskraft im Dienstleistungszentrum",
        "Verwaltungskraft im Bürgerbüro",
        "Zahnmedizinische Fachangestellte",
        "IT-Support",
    ):
        assert any(role in title for title in titles), role
    references = list(postings.values_list("reference", flat=True))
    assert len(set(references)) == len(references)

    assert {"TVöD VKA", "Besoldung Berlin"} <= set(
        PayRate.objects.values_list("scale__name", flat=True)
    )
    for hostname in (MITTE, DUESSELDORF):
        menu = set(_home(hostname).get_children().live().in_menu().values_list("title", flat=True))
        assert {"Berufsfelder", "Stellenangebote"} <= menu, hostname
        assert "Stellenangebote" in client.get("/", HTTP_HOST=hostname).text

    # Seed 000's film and the mayor's words show on a job field (film with ffmpeg only).
    administration = client.get(
        job_fields.get(title="Allgemeine Verwaltung").url, HTTP_HOST=MITTE
    ).text
    assert "Stephan von Dassel" in administration
    if shutil.which("ffmpeg"):
        assert "<video" in administration

    search = client.get("/suche/?q=Zahnmedizinische", HTTP_HOST=DUESSELDORF)
    assert "<mark>Zahnmedizinische</mark> Fachangestellte" in search.text


def test_building_again_adds_nothing(demo_sites):
    counts = (Page.objects.count(), Department.objects.count(), PayRate.objects.count())

    build(port=80, log=lambda message: None)

    assert (Page.objects.count(), Department.objects.count(), PayRate.objects.count()) == counts


# Warm requests on the demo, as measured: 18 for either index, 22 for a job
# field and 20 for a posting page, whatever the number of cards shown (each
# one more since routing looks up the active language's locale).
BUDGETS = [
    (MITTE, JobFieldIndexPage, 19),
    (MITTE, JobFieldPage, 25),  # the first one shows the film: film, versions, tracks
    (DUESSELDORF, JobPostingIndexPage, 19),
    (DUESSELDORF, JobPostingPage, 21),
]


def test_demo_careers_pages_stay_within_their_query_budgets(client, demo_sites):
    for hostname, model, budget in BUDGETS:
        pages = _site_pages(model, hostname)
        page = pages.open().first() if model is JobPostingPage else pages.first()
        url = page.get_url_parts()[2]
        client.get(url, HTTP_HOST=hostname)

        response = get_with_query_budget(client, url, host=hostname, max_queries=budget)

        assert response.text.count("<h1") == 1, url


def test_the_speed_dating_is_an_event_with_its_results_and_its_departments(client, demo_sites):
    past, upcoming = EventPage.objects.descendant_of(_home(DUESSELDORF)).order_by("start")

    html = client.get(past.get_url_parts()[2], HTTP_HOST=DUESSELDORF).text
    for figure in ("675", "1.988", "84", "444"):
        assert f">{figure}</dd>" in html, figure
    assert "Agentur für Arbeit Düsseldorf" in html
    assert "Jobcenter Düsseldorf" in html
    assert past.departments.count() == upcoming.departments.count() >= 20
    job_fields = [block.value["job_field"] for block in past.opportunities]
    assert len(job_fields) == 4
    assert all(isinstance(f, JobFieldPage) for f in job_fields)
    first_link = (
        f'href="{job_fields[0].get_url_parts()[2]}">Verwaltungskraft im Dienstleistungszentrum'
    )
    assert first_link in html
    assert "anmeldung/" not in html

    assert upcoming.accepts_bookings()
    registration = client.get(f"{upcoming.get_url_parts()[2]}anmeldung/", HTTP_HOST=DUESSELDORF)
    assert registration.status_code == 200
    assert "Amt für Informations- und Kommunikationstechnik" in registration.text
