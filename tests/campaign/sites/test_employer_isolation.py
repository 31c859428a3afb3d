"""Employers' isolation in the admin (campaign.sites.admin_scoping): the press office and
HR of Mitte meet nothing of JobCenter Essen's, at any admin URL.

JobCenter Essen gets rows whose names carry a marker no demo text has: a draft
page, snippets, media, a feedback message, a booking, a redirect and their
history. Mitte's editors then request every admin URL pattern: those that name
a row with the ids of Essen's rows (nothing opens, nothing saves), and those
that list, search or report (the marker appears nowhere). A superuser sees the
marker, which proves the markers are where the listings would show them.
"""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLResolver
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Page, Site

from campaign import factories
from campaign.models import (
    AccessibilityFeedback,
    CalendarOrder,
    EventKiosk,
    EventPage,
    OrderStatus,
    PhotoCalendarPage,
    PreviewLink,
    StandardPage,
    Testimonial,
)
from campaign.project import urls
from campaign.sites.admin_scoping.guard import (
    admin_url_patterns,
    guarded_keywords,
    unknown_keywords,
)
from campaign.sites.admin_scoping.ownership import site_of
from campaign.sites.roles import HR, PRESS_OFFICE, site_collection
from careers.factories import DepartmentFactory, DimensionFactory
from media_library.factories import DocumentFactory, FilmFactory, ImageFactory
from tests.support import login_with_second_factor, site_editor

pytestmark = pytest.mark.django_db

MITTE, ESSEN = "mitte.localhost", "jobcenter-essen.localhost"
MARKER = "Essengeheim"


def _admin_patterns():
    (admin,) = [p for p in urls.urlpatterns if str(p.pattern) == "admin/"][-1:]
    assert isinstance(admin, URLResolver)
    return list(admin_url_patterns(admin.url_patterns))


def test_every_admin_url_that_names_a_row_is_guarded():
    """A view Wagtail or an app adds later, with a keyword the guard cannot place,
    fails here rather than opening another employer's rows."""
    unguarded = {
        route: keywords
        for route, pattern in _admin_patterns()
        if (keywords := unknown_keywords(route, pattern))
    }

    assert unguarded == {}
    assert len(_admin_patterns()) > 250  # the walk sees Wagtail's views and ours


# The other employer's rows ---------------------------------------------------------


def _site(hostname):
    return Site.objects.get(hostname=hostname)


def _user(username, hostname, role):
    return site_editor(hostname, role, username)


@pytest.fixture
def essen(demo_sites):
    """Rows of JobCenter Essen's, each named with the marker, and their history."""
    site = _site(ESSEN)
    editor = _user(f"{MARKER.lower()}-redaktion", ESSEN, PRESS_OFFICE)
    collection = site_collection(site)
    draft = site.root_page.add_child(
        instance=StandardPage(title=f"{MARKER} Entwurf", slug="entwurf-geheim", live=False)
    )
    draft.save_revision(user=editor, log_action=True)
    # Published long ago and locked: for the aging and locked pages reports.
    published = site.root_page.add_child(
        instance=StandardPage(title=f"{MARKER} Alt", slug="alt-geheim", live=False)
    )
    published.save_revision(user=editor).publish(user=editor)
    StandardPage.objects.filter(pk=published.pk).update(
        last_published_at=timezone.now() - timedelta(days=400),
        locked=True,
        locked_by=editor,
        locked_at=timezone.now(),
    )
    testimonial = factories.TestimonialFactory(site=site, name=f"{MARKER} Stimme")
    log(testimonial, "wagtail.edit", user=editor)
    rows = {
        Page: draft,
        type(testimonial): testimonial,
        "mediacontact": factories.MediaContactFactory(site=site, office=f"{MARKER} Presse"),
        "department": DepartmentFactory(site=site, name=f"{MARKER} Amt"),
        "dimension": DimensionFactory(site=site, name=f"{MARKER} Kriterium"),
        "image": ImageFactory(title=f"{MARKER} Bild", collection=collection),
        "document": DocumentFactory(title=f"{MARKER} Dokument", collection=collection),
        "film": FilmFactory(title=f"{MARKER} Film", collection=collection),
        "feedback": AccessibilityFeedback.objects.create(
            site=site, page_path="/", message=f"{MARKER} Rückmeldung", name=f"{MARKER} Gast"
        ),
        "redirect": Redirect.objects.create(
            site=site, old_path="/alt", redirect_link=f"https://example.org/{MARKER}"
        ),
        "previewlink": PreviewLink.objects.create(
            page=draft, expires_on=timezone.localdate(), note=f"{MARKER} Vorschau"
        ),
        "collection": collection,
        "site": site,
        "event": EventPage.objects.descendant_of(site.root_page).first(),
        "calendarorder": CalendarOrder.objects.create(
            calendar=PhotoCalendarPage.objects.descendant_of(site.root_page).first(),
            name=f"{MARKER} Besteller",
            quantity=1,
            status=OrderStatus.CONFIRMED,
        ),
    }
    # An event's kiosk (careers/kiosk/): Essen has no events in the demo, so one of its own.
    index = factories.EventIndexPageFactory(parent=site.root_page, slug="termine-geheim")
    event = factories.EventPageFactory(parent=index, title="Messe", slug="messe-geheim")
    rows["kiosk"] = EventKiosk.objects.create(
        event=event, label=f"{MARKER} Tablet", valid_until=event.end
    )
    return rows


def _essen_row_for(model, rows):
    """A row of `model` that belongs to Essen, or None when Essen has none."""
    for row in rows.values():
        if isinstance(row, model) and site_of(row) == _site(ESSEN).pk:
            return row
    if model is Site:
        return rows["site"]
    return None


ROLES = [PRESS_OFFICE, HR]


@pytest.fixture(params=ROLES)
def mitte_editor(request, client, essen):
    user = _user(f"mitte-{request.param.lower()}", MITTE, request.param)
    login_with_second_factor(client, user)
    return client


@pytest.fixture
def superuser(client, essen):
    admin = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "x")
    login_with_second_factor(client, admin)
    return client


def _fill(route, values):
    """A concrete URL for an admin route, or None when a keyword has no value."""
    path = route.replace("^", "").replace("$", "")
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", path)
    path = re.sub(r"\\\.", ".", path)
    for keyword in re.findall(r"<(?:\w+:)?(\w+)>", path):
        if keyword not in values:
            return None
        path = re.sub(rf"<(?:\w+:)?{keyword}>", str(values[keyword]), path)
    return "/admin/" + path


def _object_urls(rows):
    """Every admin URL naming one of Essen's rows: (url, the row)."""
    found = []
    for route, pattern in _admin_patterns():
        for keyword, model in guarded_keywords(route, pattern).items():
            row = _essen_row_for(model, rows) if model is not None else None
            if row is None:
                continue
            values = {
                keyword: row.pk,
                "action_name": "approve",
                "task_state_id": 1,
                "task_id": 1,
                "revision_id": 1,
                "revision_id_a": "earliest",
                "revision_id_b": "latest",
                "workflow_state_id": 1,
                "workflow_pk": 1,
                "destination_id": row.pk,
                "filter_spec": "original",
                "app_label": row._meta.app_label,
                "model_name": row._meta.model_name,
                "content_type_app_name": row._meta.app_label,
                "content_type_model_name": row._meta.model_name,
                "action": "delete",
            }
            if (url := _fill(route, values)) is not None:
                found.append((url, row))
    return found


def test_no_admin_url_opens_or_saves_another_employers_row(mitte_editor, essen):
    urls_tried = _object_urls(essen)
    opened = []
    for url, _row in urls_tried:
        for method in ("get", "post"):
            response = getattr(mitte_editor, method)(url, HTTP_HOST="localhost")
            if response.status_code != 404 or MARKER in response.content.decode(errors="ignore"):
                opened.append((method, url, response.status_code))

    assert len(urls_tried) > 100
    assert opened == []
    essen["mediacontact"].refresh_from_db()
    assert essen["mediacontact"].office == f"{MARKER} Presse"
    assert Page.objects.filter(pk=essen[Page].pk).exists()


def test_settings_of_another_employer_do_not_open(mitte_editor, essen):
    for model in ("campaign/employersettings", "careers/recruitmentsettings"):
        url = f"/admin/settings/{model}/{essen['site'].pk}/"
        response = mitte_editor.get(url)
        saved = mitte_editor.post(url, {"name_line": "Übernommen"})

        assert response.status_code == saved.status_code == 404


# Lower case: searches match regardless, and the search box echoing the term
# does not count as a leak.
SEARCHES = {"q": MARKER.lower(), "search": MARKER.lower(), "p": 1}


def _listing_urls():
    """Every admin URL that lists, searches or reports: no row named in it."""
    skipped = ("logout/", "zweiter-faktor/", "account/", "failwhale/", "test404/")
    found = []
    for route, pattern in _admin_patterns():
        if route.startswith(skipped) or guarded_keywords(route, pattern):
            continue
        if (url := _fill(route, {"app_label": "wagtailcore", "model_name": "page"})) is not None:
            found.append(url)
    return found


def _leaks(client, urls):
    """The URLs among `urls` whose answer names one of Essen's rows. Listings that
    search get the search (which every marked row matches); the others ignore it."""
    leaks = []
    for url in urls:
        # The admin API refuses parameters it does not know; it lists all at once.
        query = {} if url.startswith("/admin/api/") else SEARCHES
        response = client.get(url, query, HTTP_HOST="localhost")
        if response.status_code < 400 and MARKER in response.content.decode(errors="ignore"):
            leaks.append(url)
    return leaks


def test_no_listing_search_chooser_or_report_names_another_employers_row(mitte_editor):
    assert _leaks(mitte_editor, _listing_urls()) == []


SHOWN_TO_SUPERUSERS = [
    "/admin/reports/site-history/",
    "/admin/pages/search/",
    "/admin/choose-page/search/",
    "/admin/snippets/campaign/testimonial/",
    "/admin/snippets/campaign/mediacontact/",
    "/admin/snippets/careers/department/",
    "/admin/kiosks/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/api/main/documents/",
    "/admin/reports/aging-pages/",
    "/admin/reports/locked/",
]


def test_a_superuser_finds_every_employers_rows(superuser):
    """The other side of the sweep above: the markers are where listings show them."""
    assert set(SHOWN_TO_SUPERUSERS) <= set(_listing_urls())
    assert set(SHOWN_TO_SUPERUSERS) - set(_leaks(superuser, SHOWN_TO_SUPERUSERS)) == set()


def test_the_page_chooser_searches_and_browses_only_the_own_site(mitte_editor, essen):
    search = mitte_editor.get("/admin/choose-page/search/", {"q": MARKER.lower()})
    foreign_root = mitte_editor.get(f"/admin/choose-page/{essen['site'].root_page_id}/")
    tree_root = mitte_editor.get("/admin/choose-page/")

    assert search.status_code == 200
    assert MARKER not in search.text
    assert foreign_root.status_code == 404
    assert _site(MITTE).root_page.title in tree_root.json()["html"]
    assert essen["site"].root_page.title not in tree_root.json()["html"]


def test_the_snippet_overview_counts_the_own_sites_rows(mitte_editor, essen):
    response = mitte_editor.get("/admin/snippets/")
    counts = {t["model"]._meta.model_name: t["count"] for t in response.context["object_list"]}

    assert counts["testimonial"] == Testimonial.objects.filter(site=_site(MITTE)).count()
    assert counts["testimonial"] < Testimonial.objects.count()
