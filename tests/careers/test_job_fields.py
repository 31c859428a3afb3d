"""careers/models/job_fields.py: the index with live counts and categories, a job field."""

import datetime

import pytest
from django.utils import timezone

from careers.factories import JobCategoryFactory, JobFieldPageFactory
from careers.rules import POSTINGS_PER_PAGE
from tests.careers.conftest import HOST
from tests.support import count_queries, get_with_query_budget

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


def test_index_counts_only_open_live_postings(job_field_index, job_field, make_posting):
    make_posting(title="Offen 1")
    make_posting(title="Offen 2")
    make_posting(title="Abgelaufen", application_deadline=YESTERDAY)
    draft = make_posting(title="Entwurf")
    draft.unpublish()

    counted = {field.title: field.open_postings for field in job_field_index.job_fields()}

    assert counted == {"Allgemeine Verwaltung": 2}


def test_index_groups_by_category_and_filters_by_get_parameter(
    client, job_field_index, job_field, tvoed
):
    social = JobCategoryFactory(name="Soziales", slug="soziales", sort_order=5)
    JobFieldPageFactory(parent=job_field_index, title="Wohngeld", category=social)
    JobFieldPageFactory(parent=job_field_index, title="Jugendarbeit", category=social)

    everything = client.get(job_field_index.url, HTTP_HOST=HOST).text
    filtered = client.get(job_field_index.url + "?kategorie=soziales", HTTP_HOST=HOST).text
    unknown = client.get(job_field_index.url + "?kategorie=gibt-es-nicht", HTTP_HOST=HOST).text

    assert "3 Berufsfelder" in everything
    assert everything.index(">Verwaltung</h2>") < everything.index(">Soziales</h2>")
    assert "Soziales (2)" in everything
    assert "Verwaltung (1)" in everything
    assert "2 Berufsfelder in der Kategorie „Soziales“" in filtered
    assert "Allgemeine Verwaltung" not in filtered
    assert "Wohngeld" in filtered
    assert "3 Berufsfelder" in unknown


def test_index_cards_show_pay_range_and_open_count(client, job_field_index, make_posting):
    make_posting(title="Offen")

    text = client.get(job_field_index.url, HTTP_HOST=HOST).text

    assert "3.650\u00a0€ bis 4.650\u00a0€" in text  # E 9b step 1 .. E 10 step 6, 2025
    assert "Offene Stellen" in text


def test_job_field_page_shows_facts_postings_and_tags(client, job_field, make_posting):
    make_posting(title="Sachbearbeiter*in Elterngeld")
    make_posting(title="Abgelaufen", application_deadline=YESTERDAY)

    text = client.get(job_field.url, HTTP_HOST=HOST).text

    assert text.count("<h1") == 1
    assert "Eine offene Stelle" in text
    assert "Sachbearbeiter*in Elterngeld" in text
    assert "Abgelaufen" not in text
    assert "Ausbildung, Quereinstieg" in text
    assert "Gesundheitsamt (Homeoffice möglich)" in text
    assert "Bürgerservice" in text  # a tag
    assert "3.650\u00a0€ bis 4.650\u00a0€ brutto im Monat" in text


def test_job_field_page_shows_voices_from_the_team(client, job_field, site):
    from campaign.factories import TestimonialFactory

    voice = TestimonialFactory(site=site, name="Aylin K.", quote="Kein Tag ist wie der andere.")
    job_field.insights = [
        ("testimonials", {"heading": "Aus dem Team", "testimonials": [voice]}),
        ("quote", {"quote": "Wir suchen Sie.", "speaker": "Die Amtsleitung", "role": ""}),
    ]
    job_field.save()

    text = client.get(job_field.url, HTTP_HOST=HOST).text

    assert 'id="einblicke"' in text
    assert "Kein Tag ist wie der andere." in text
    assert "Aylin K." in text
    assert "Wir suchen Sie." in text


def test_job_field_page_without_insights_has_no_empty_section(client, job_field):
    assert 'id="einblicke"' not in client.get(job_field.url, HTTP_HOST=HOST).text


# Warm requests, as measured: index 18, job field 23 (category and pay table by
# FK; one each for the active language's locale, which routing looks up; one
# counts the open postings, of which the page shows one page).
JOB_FIELD_INDEX_BUDGET = 19
JOB_FIELD_BUDGET = 23


def test_job_field_index_stays_within_budget_however_many_fields(
    client, job_field_index, job_field, category, make_posting
):
    make_posting(title="Offen")
    client.get(job_field_index.url, HTTP_HOST=HOST)
    few = count_queries(client, job_field_index.url, host=HOST)
    for number in range(30):
        JobFieldPageFactory(
            parent=job_field_index,
            title=f"Berufsfeld {number}",
            category=category,
            pay_scale=job_field.pay_scale,
            pay_grades="E 5",
        )

    response = get_with_query_budget(
        client, job_field_index.url, host=HOST, max_queries=JOB_FIELD_INDEX_BUDGET
    )

    many = count_queries(client, job_field_index.url, host=HOST)

    assert "31 Berufsfelder" in response.text
    assert many == few


def test_job_field_page_stays_within_budget_however_many_postings(
    client, job_field, make_posting, departments
):
    make_posting(title="Stelle 0")
    client.get(job_field.url, HTTP_HOST=HOST)
    one = count_queries(client, job_field.url, host=HOST)
    for number in range(1, 25):
        make_posting(title=f"Stelle {number}", departments=departments)

    response = get_with_query_budget(client, job_field.url, host=HOST, max_queries=JOB_FIELD_BUDGET)

    many = count_queries(client, job_field.url, host=HOST)

    assert "25 offene Stellen" in response.text
    assert many == one


def test_a_job_field_with_many_postings_shows_them_a_page_at_a_time(
    client, job_field, make_posting
):
    for number in range(POSTINGS_PER_PAGE + 1):
        make_posting(title=f"Sachbearbeitung {number:02d}")

    first = client.get(job_field.url, HTTP_HOST=HOST).text
    second = client.get(job_field.url + "?seite=2", HTTP_HOST=HOST).text

    assert f"{POSTINGS_PER_PAGE + 1} offene Stellen" in first  # the count is of them all
    assert first.count("Sachbearbeitung ") == POSTINGS_PER_PAGE
    assert 'href="?seite=2#offene-stellen"' in first
    assert second.count("Sachbearbeitung ") == 1
    assert 'href="?seite=1#offene-stellen"' in second
    for wrong in ("3", "0", "zwei", "9" * 30):
        response = client.get(job_field.url, {"seite": wrong}, HTTP_HOST=HOST)
        assert response.status_code == 404
