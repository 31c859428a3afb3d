"""campaign/sites/dashboard.py: the editors' overview on the admin dashboard."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import RequestFactory
from wagtail.models import Site

from campaign.models import Booking, EventPage
from campaign.sites.dashboard import (
    EditorOverviewPanel,
    Entry,
    Section,
    calendar_pdfs_to_make,
    my_drafts_in_review,
    registered_sections,
    upcoming_events,
)
from campaign.sites.roles import HR, PRESS_OFFICE, group_name
from careers.applications.dashboard import new_applications
from careers.models import JobFieldPage
from tests.support import (
    count_queries,
    get_with_query_budget,
    login_with_second_factor,
    site_editor,
)

pytestmark = pytest.mark.django_db

MITTE = "mitte.localhost"
DASHBOARD = "/admin/"
ADMIN_HOST = "localhost"
HEADING = "Meine Entwürfe in Prüfung"


def _user(username, role):
    return site_editor(MITTE, role, username)


def _job_fields(count):
    root = Site.objects.get(hostname=MITTE).root_page
    return list(JobFieldPage.objects.descendant_of(root).live().order_by("pk")[:count])


def _submit(page, user, title):
    page.title = title
    page.save_revision(user=user)
    page.get_workflow().start(page, user)
    page.refresh_from_db()
    return page


@pytest.fixture
def hr(demo_sites):
    return _user("personal-mitte", HR)


def test_shows_my_submitted_page_and_not_anothers(client, hr, demo_sites):
    mine, theirs = _job_fields(2)
    _submit(mine, hr, "Mein Entwurf: Vermessung")
    _submit(theirs, _user("kollegin", HR), "Ihr Entwurf: Bauaufsicht")
    login_with_second_factor(client, hr)

    response = client.get(DASHBOARD)

    html = response.content.decode()
    assert '<h2 class="w-panel__heading' in html
    assert HEADING in html
    assert "Mein Entwurf: Vermessung" in html  # the draft's title, not the live one
    assert f'href="/admin/pages/{mine.pk}/edit/"' in html
    assert "Wartet auf: Freigabe durch die Pressestelle (Bezirksamt Mitte von Berlin)" in html
    assert "Ihr Entwurf: Bauaufsicht" not in html


def test_a_draft_sent_back_says_so(client, hr, demo_sites):
    (page,) = _job_fields(1)
    page = _submit(page, hr, "Zurückgeschickt")
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, _user("presse", PRESS_OFFICE), "reject")
    login_with_second_factor(client, hr)

    html = client.get(DASHBOARD).content.decode()

    assert "Änderungen erbeten: Freigabe durch die Pressestelle" in html


def test_nothing_in_review_no_panel(client, hr, demo_sites):
    login_with_second_factor(client, hr)

    html = client.get(DASHBOARD).content.decode()

    assert HEADING not in html


def test_more_drafts_cost_no_more_queries(client, hr, demo_sites):
    pages = _job_fields(4)
    login_with_second_factor(client, hr)
    _submit(pages[0], hr, "Entwurf 0")
    one = count_queries(client, DASHBOARD, host=ADMIN_HOST)
    for number, page in enumerate(pages[1:], start=1):
        _submit(page, hr, f"Entwurf {number}")

    response = get_with_query_budget(client, DASHBOARD, host=ADMIN_HOST, max_queries=one)

    assert response.content.decode().count("Wartet auf:") == 4


def test_sections_are_added_to_the_list(hr):
    def upcoming(request):
        return Section(
            slug="termine",
            heading="Nächste Termine",
            entries=[Entry(title="Ausbildungsmesse", url="/admin/pages/1/edit/")],
        )

    def nothing(request):
        return None

    request = RequestFactory().get(DASHBOARD)
    request.user = hr
    html = EditorOverviewPanel(sections=[nothing, upcoming]).render_html({"request": request})

    assert "Nächste Termine" in html
    assert '<a href="/admin/pages/1/edit/">Ausbildungsmesse</a>' in html
    assert "<ul>" in html


def test_the_press_office_sees_its_next_events_with_their_bookings(client, demo_sites):
    event = EventPage.objects.get(slug="job-speed-dating-naechstes")
    department = event.departments.first()
    # Two seats: two confirmed, one waiting; one asked but not yet confirmed counts not.
    for number, status in enumerate(["confirmed", "confirmed", "waiting", "unconfirmed"]):
        Booking.objects.create(
            event=event,
            department=department,
            slot=event.start,
            name=f"P{number}",
            email=f"p{number}@example.org",
            status=status,
        )
    duesseldorf = Site.objects.get(hostname="duesseldorf.localhost")
    press = get_user_model().objects.create_user(username="presse-d", password="x")
    press.groups.add(Group.objects.get(name=group_name(duesseldorf, PRESS_OFFICE)))
    client.force_login(press)

    html = client.get(DASHBOARD).content.decode()

    assert "Nächste Veranstaltungen" in html
    assert "Job-Speed-Dating: die nächste Runde" in html
    assert "2 Anmeldungen, 1 auf der Warteliste" in html
    assert "Job-Speed-Dating in der Zentralbibliothek" not in html  # past


def test_another_sites_editor_sees_no_events_of_others(client, hr):
    login_with_second_factor(client, hr)  # Mitte has no events

    assert "Nächste Veranstaltungen" not in client.get(DASHBOARD).content.decode()


def test_a_calendar_without_its_pdf_waits_on_the_dashboard_until_made(client, demo_sites):
    essen = Site.objects.get(hostname="jobcenter-essen.localhost")
    press = get_user_model().objects.create_user(username="presse-essen", password="x")
    press.groups.add(Group.objects.get(name=group_name(essen, PRESS_OFFICE)))
    client.force_login(press)

    html = client.get(DASHBOARD).content.decode()

    assert "Kalender als PDF erstellen" in html
    assert "noch nicht erstellt" in html
    pdf = client.get("/kalender-was-geht/kalender-pdf/", HTTP_HOST=essen.hostname)
    assert pdf["Content-Type"] == "application/pdf"
    assert "Kalender als PDF erstellen" not in client.get(DASHBOARD).content.decode()


def test_the_sections_come_in_the_order_the_editor_works_through_them():
    assert registered_sections() == [
        my_drafts_in_review,
        new_applications,
        upcoming_events,
        calendar_pdfs_to_make,
    ]
