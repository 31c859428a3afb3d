"""HR's dashboard section: postings with applications nobody has looked at yet
(careers/applications/dashboard.py)."""

import html

import pytest

from campaign.sites.roles import HR, PRESS_OFFICE
from careers.applications import services
from careers.models import ApplicationStatus, JobPostingPage
from tests.careers.applications.conftest import HOST, OTHER_HOST, user_in
from tests.support import count_queries, login_with_second_factor

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/"
HEADING = "Neue Bewerbungen"


@pytest.fixture
def apply(valid_data, pdf_bytes, django_capture_on_commit_callbacks):
    def submit(posting):
        with django_capture_on_commit_callbacks(execute=True):
            return services.submit(posting, valid_data, [("Lebenslauf.pdf", pdf_bytes)])

    return submit


def _open_postings(count):
    return list(
        JobPostingPage.objects.live().open().filter(url_path__contains="duesseldorf")[:count]
    )


def test_hr_sees_its_postings_with_new_applications_linked_to_their_list(client, posting, apply):
    apply(posting)
    apply(posting)
    looked_at = apply(posting)
    looked_at.status = ApplicationStatus.REVIEWING
    looked_at.save()
    login_with_second_factor(client, user_in(HOST, HR))

    page = html.unescape(client.get(DASHBOARD).text)

    assert HEADING in page
    assert f"{posting.title}</a>" in page
    assert "2 neue Bewerbungen" in page  # the one in review is no longer new
    assert f'href="/admin/bewerbungen/?posting={posting.pk}&status=received"' in page


def test_nothing_new_no_section(client, posting, apply):
    application = apply(posting)
    application.status = ApplicationStatus.INVITED
    application.save()
    login_with_second_factor(client, user_in(HOST, HR))

    assert HEADING not in client.get(DASHBOARD).text


@pytest.mark.parametrize(("hostname", "role"), [(OTHER_HOST, HR), (HOST, PRESS_OFFICE)])
def test_neither_other_sites_nor_the_press_office_see_them(client, posting, apply, hostname, role):
    apply(posting)
    login_with_second_factor(client, user_in(hostname, role))

    page = client.get(DASHBOARD).text

    assert HEADING not in page
    assert posting.title not in page


def test_more_postings_with_new_applications_cost_no_more_queries(client, apply):
    first, *others = _open_postings(4)
    apply(first)
    login_with_second_factor(client, user_in(HOST, HR))
    client.get(DASHBOARD)
    one = count_queries(client, DASHBOARD, host="localhost")

    for posting in others:
        apply(posting)
    client.get(DASHBOARD)
    four = count_queries(client, DASHBOARD, host="localhost")

    assert "neue Bewerbung" in client.get(DASHBOARD).text
    assert four == one
