"""campaign/demo/media.py: each demo site's media in its own collection, where its
editors may choose them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site
from wagtailmedia.models import get_media_model

from campaign.models import CampaignPage, EmployerSettings, HomePage
from campaign.sites.roles import PRESS_OFFICE, group_name

pytestmark = pytest.mark.django_db

IMAGE_CHOOSER = "/admin/images/chooser/"


def test_each_sites_media_sit_in_its_collection(demo_sites):
    mitte = Site.objects.get(hostname="mitte.localhost")
    essen = Site.objects.get(hostname="jobcenter-essen.localhost")
    home = HomePage.objects.get(pk=mitte.root_page_id)
    film = get_media_model().objects.get(pk=CampaignPage.objects.get(slug="imagefilm").hero_film_id)

    assert home.hero_image.collection.name == mitte.site_name
    assert EmployerSettings.for_site(mitte).logo.collection.name == mitte.site_name
    assert film.collection.name == mitte.site_name
    assert EmployerSettings.for_site(essen).logo.collection.name == essen.site_name


def test_a_press_office_chooses_its_own_sites_pictures_only(client, demo_sites):
    mitte = Site.objects.get(hostname="mitte.localhost")
    essen = Site.objects.get(hostname="jobcenter-essen.localhost")
    user = get_user_model().objects.create_user(username="presse-mitte", password="x")
    user.groups.add(Group.objects.get(name=group_name(mitte, PRESS_OFFICE)))
    client.force_login(user)

    html = client.get(IMAGE_CHOOSER, {"q": "Logo"}).content.decode()

    assert f"{mitte.site_name}: Logo" in html
    assert f"{essen.site_name}: Logo" not in html
