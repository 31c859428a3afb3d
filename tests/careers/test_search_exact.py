"""The search and the API at size: exact counts beyond any cap, pages loaded alone,
and facet counts that follow what editors change (careers/facets.py)."""

import io
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify
from wagtail.models import Page

from campaign.factories import EmployerDirectoryPageFactory, SiteFactory
from campaign.sites import page_cache
from careers import facets
from careers.choices import EmploymentType
from careers.demo.builder import indexed_in_bulk
from careers.factories import JobCategoryFactory, JobPostingIndexPageFactory
from careers.models import JobPostingPage, SearchFacet
from tests.careers.conftest import HOST
from tests.careers.test_search import _facet_count, _results
from tests.support import get_with_query_budget

pytestmark = pytest.mark.django_db

MANY = 1200  # more than the 1,000 matches the search once stopped at, silently


def _many_postings(parent, count, title, **fields):
    """`count` postings below `parent`: the first saved as an editor's would be, the others
    its copies written row by row in bulk (seconds, not minutes, for a thousand), then
    indexed for the search and given their facet rows in one go, as `grow_demo` does."""
    slug = slugify(title)
    with indexed_in_bulk(JobPostingPage):
        first = JobPostingPage(
            title=f"{title} 0000",
            slug=f"{slug}-0",
            reference=f"{slug}-0",
            lead="Sie unterstützen das Team.",
            employment_types=[EmploymentType.FULL_TIME],
            **fields,
        )
        parent.add_child(instance=first)
        parent.refresh_from_db()
        pages = Page.objects.bulk_create(
            Page(
                title=f"{title} {number:04d}",
                draft_title=f"{title} {number:04d}",
                slug=f"{slug}-{number}",
                url_path=f"{parent.url_path}{slug}-{number}/",
                path=Page._get_path(parent.path, parent.depth + 1, parent.numchild + number),
                depth=parent.depth + 1,
                content_type_id=first.content_type_id,
                locale_id=first.locale_id,
                live=True,
                first_published_at=first.first_published_at,
                last_published_at=first.last_published_at,
            )
            for number in range(1, count)
        )
        own = [f for f in JobPostingPage._meta.local_concrete_fields if f.name != "page_ptr"]
        copied = {f.attname: getattr(first, f.attname) for f in own}
        for number, page in enumerate(pages, 1):
            copy = JobPostingPage(page_ptr=page, **copied)
            copy.reference = f"{slug}-{number}"
            copy.save_base(raw=True, force_insert=True)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count - 1)
        facets.refresh(page.pk for page in pages)


def test_search_and_api_count_every_match_exactly(client, posting_index, job_field):
    started = time.monotonic()
    _many_postings(posting_index, MANY, "Verwaltungskraft", job_field=job_field)
    print(f"{MANY} postings in {time.monotonic() - started:.1f} s")

    search = client.get("/suche/?q=Verwaltungskraft", HTTP_HOST=HOST)
    api = client.get("/api/v1/stellen?q=Verwaltungskraft", HTTP_HOST=HOST).json()
    browse = client.get("/suche/?art=stelle", HTTP_HOST=HOST)
    last_page = client.get(f"/api/v1/stellen?pro_seite=100&seite={MANY // 100}", HTTP_HOST=HOST)

    assert f"{MANY} Ergebnisse für „Verwaltungskraft“" in search.text
    assert api["count"] == MANY
    assert f"{MANY} Ergebnisse" in browse.text
    assert _facet_count(browse, "kategorie", "Verwaltung") == MANY
    assert last_page.json()["items"][-1]["title"] == f"Verwaltungskraft {MANY - 1:04d}"


def test_an_api_page_loads_its_own_rows_and_a_count(client, posting_index, job_field):
    _many_postings(posting_index, 60, "Stelle", job_field=job_field)
    _queries(client, "/api/v1/stellen")  # what is cached per process, cached
    few = _queries(client, "/api/v1/stellen?seite=2&pro_seite=20")
    _many_postings(posting_index, 240, "Weitere Stelle", job_field=job_field)

    page_cache.store.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/stellen?seite=3&pro_seite=20", HTTP_HOST=HOST)

    assert response.json()["count"] == 300
    assert len(response.json()["items"]) == 20
    assert len(queries) == few  # no more for five times the postings
    posting_rows = [
        q["sql"] for q in queries.captured_queries if "careers_jobpostingpage" in q["sql"]
    ]
    # Never a query reading every posting: each is a COUNT or limited to the page.
    assert all("COUNT(" in sql or "LIMIT" in sql or " IN (" in sql for sql in posting_rows)


def _queries(client, url):
    """The queries of a fresh answer: nothing stored, nothing remembered."""
    page_cache.store.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, HTTP_HOST=HOST).status_code == 200
    return len(queries)


def test_facets_follow_what_editors_change(client, make_posting, job_field, departments):
    posting = make_posting(title="Hausmeister*in", employment_types=[EmploymentType.FULL_TIME])
    technik = JobCategoryFactory(name="Technik", slug="technik")

    # The job field moves to another category: its postings go with it.
    job_field.category = technik
    job_field.save_revision().publish()
    moved = client.get("/suche/?art=stelle&kategorie=technik", HTTP_HOST=HOST)
    assert _results(moved) == ["Hausmeister*in"]

    # A new edition of the posting: part-time now, at the other department.
    posting.employment_types = [EmploymentType.PART_TIME]
    posting.departments = [departments[1]]
    posting.save_revision().publish()
    edited = client.get("/suche/?art=stelle", HTTP_HOST=HOST)
    assert _facet_count(edited, "arbeitszeit", "Teilzeit") == 1
    assert _facet_count(edited, "arbeitszeit", "Vollzeit") is None
    assert _facet_count(edited, "amt", "Gesundheitsamt") == 1

    # A draft changes nothing the visitor sees.
    posting.employment_types = [EmploymentType.FULL_TIME]
    posting.save_revision()
    drafted = client.get("/suche/?art=stelle", HTTP_HOST=HOST)
    assert _facet_count(drafted, "arbeitszeit", "Teilzeit") == 1

    # The category's new short name is the filter's value at once.
    technik.slug = "technik-it"
    technik.save()
    renamed = client.get("/suche/?art=stelle&kategorie=technik-it", HTTP_HOST=HOST)
    assert _results(renamed) == ["Hausmeister*in"]


def test_directory_names_each_employer_and_counts_them_in_sql(client, make_posting, site):
    make_posting(title="Verwaltung Beispiel")
    other = SiteFactory(hostname="anderswo.localhost", site_name="Stadt Anderswo")
    _many_postings(JobPostingIndexPageFactory(parent=other.root_page), 30, "Verwaltung Anderswo")
    directory = SiteFactory(
        hostname="alle.localhost",
        site_name="Stellwerk",
        root_page=EmployerDirectoryPageFactory(parent=Page.get_first_root_node()),
    )
    few = get_with_query_budget(client, "/suche/", host=directory.hostname, max_queries=40)
    assert _facet_count(few, "arbeitgeber", "Stadt Anderswo") == 30
    assert _facet_count(few, "arbeitgeber", "Bezirksamt Beispiel") == 1

    # A site's new host name is the employer filter's value at once.
    other.hostname = "neu.localhost"
    other.save()
    renamed = client.get("/suche/?arbeitgeber=neu.localhost", HTTP_HOST=directory.hostname)

    assert "30 Ergebnisse" in renamed.text
    assert renamed.text.count("Stadt Anderswo") >= 20  # each result names its employer


def test_rebuild_command_writes_rows_of_pages_saved_past_the_hooks(client, make_posting):
    make_posting(title="Sachbearbeitung", pay_grades="E 9b")
    SearchFacet.objects.all().delete()  # as after an import straight into the tables
    assert _results(client.get("/suche/?entgelt=gehoben", HTTP_HOST=HOST)) == []

    call_command("rebuild_search_facets", stdout=io.StringIO())

    upper = client.get("/suche/?entgelt=gehoben", HTTP_HOST=HOST)
    assert sorted(_results(upper)) == ["Allgemeine Verwaltung", "Sachbearbeitung"]


def test_a_posting_moved_to_another_employer_counts_for_it(client, make_posting, site):
    posting = make_posting(title="Wandernde Stelle")
    other = SiteFactory(hostname="anderswo.localhost", site_name="Stadt Anderswo")
    other_index = JobPostingIndexPageFactory(parent=other.root_page)
    directory = SiteFactory(
        hostname="alle.localhost",
        site_name="Stellwerk",
        root_page=EmployerDirectoryPageFactory(parent=Page.get_first_root_node()),
    )

    posting.move(other_index, pos="last-child")

    moved = client.get("/suche/?arbeitgeber=anderswo.localhost", HTTP_HOST=directory.hostname)
    assert _results(moved) == ["Wandernde Stelle"]
    assert "Stadt Anderswo" in moved.text
