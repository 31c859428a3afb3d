"""Approving in the review workflow says that the page is now published, and where."""

import pytest
from django.contrib.messages import get_messages
from wagtail.models import Site

from campaign.sites.roles import HR, PRESS_OFFICE
from careers.models import JobFieldPage
from tests.support import admin_form_data, login_with_second_factor, site_editor

pytestmark = pytest.mark.django_db

MITTE = "mitte.localhost"


@pytest.fixture
def submitted_page(demo_sites):
    hr = site_editor(MITTE, HR)
    root = Site.objects.get(hostname=MITTE).root_page
    page = JobFieldPage.objects.descendant_of(root).live().first()
    page.lead = "Neu geschrieben von der Personalabteilung."
    page.save_revision(user=hr)
    page.get_workflow().start(page, hr)
    return page


def _approve(client, page):
    form = client.get(f"/admin/pages/{page.pk}/edit/").context["form"]
    data = admin_form_data(form) | {
        "action-workflow-action": "on",
        "workflow-action-name": "approve",
    }
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_approving_says_the_page_is_published_and_where(client, submitted_page):
    login_with_second_factor(client, site_editor(MITTE, PRESS_OFFICE))

    response = _approve(client, submitted_page)

    assert response.status_code == 302
    said = [str(message) for message in get_messages(response.wsgi_request)]
    submitted_page.refresh_from_db()
    assert submitted_page.live_revision_id == submitted_page.latest_revision_id
    assert len(said) == 1, said
    assert f"„{submitted_page.title}“ ist freigegeben und jetzt veröffentlicht." in said[0]
    assert f'href="{submitted_page.get_full_url()}"' in said[0]
    assert "aktualisiert" not in said[0]
    shown = client.get(response["Location"]).text
    assert "ist freigegeben und jetzt veröffentlicht" in shown
    assert "wurde aktualisiert" not in shown


def test_a_plain_save_keeps_wagtails_message(client, submitted_page):
    login_with_second_factor(client, site_editor(MITTE, PRESS_OFFICE))
    form = client.get(f"/admin/pages/{submitted_page.pk}/edit/").context["form"]

    response = client.post(f"/admin/pages/{submitted_page.pk}/edit/", admin_form_data(form))

    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("aktualisiert" in message for message in said), said
