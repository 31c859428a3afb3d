"""A new page of a type the main navigation lists starts with "Show in menus"
ticked, and the promote tab says what the box does."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from campaign.models import PressIndexPage
from campaign.sites.roles import PRESS_OFFICE
from tests.support import admin_form_data, login_with_second_factor, site_editor

pytestmark = pytest.mark.django_db

MITTE = "mitte.localhost"
HINT = "erscheint die Seite in der Hauptnavigation"


@pytest.fixture
def press_office(client, demo_sites):
    login_with_second_factor(client, site_editor(MITTE, PRESS_OFFICE))
    return client


def _add_url(model, parent):
    return f"/admin/pages/add/{model}/{parent.pk}/"


def _ticked(response):
    box = BeautifulSoup(response.content, "html.parser").find("input", {"name": "show_in_menus"})
    return box.has_attr("checked")


@pytest.mark.parametrize(
    "model",
    ["campaign/campaignpage", "campaign/photocalendarpage", "careers/jobfieldindexpage"],
)
def test_navigation_page_types_start_in_the_menu(press_office, model):
    home = Site.objects.get(hostname=MITTE).root_page

    response = press_office.get(_add_url(model, home))

    assert response.status_code == 200
    assert _ticked(response)
    assert HINT in response.text


def test_other_page_types_start_outside_the_menu_with_the_hint(press_office):
    home = Site.objects.get(hostname=MITTE).root_page
    press_index = PressIndexPage.objects.child_of(home).get()

    response = press_office.get(_add_url("campaign/pressreleasepage", press_index))

    assert response.status_code == 200
    assert not _ticked(response)
    assert HINT in response.text


def test_a_new_page_published_with_the_defaults_is_in_the_navigation(press_office):
    home = Site.objects.get(hostname=MITTE).root_page
    url = _add_url("campaign/standardpage", home)
    form = press_office.get(url).context["form"]
    data = admin_form_data(form) | {
        "title": "Ausbildung bei uns",
        "slug": "ausbildung-bei-uns",
        "action-publish": "action-publish",
    }

    response = press_office.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    nav = BeautifulSoup(press_office.get("/", HTTP_HOST=MITTE).content, "html.parser").find(
        "nav", class_="site-nav"
    )
    assert "Ausbildung bei uns" in nav.get_text()
