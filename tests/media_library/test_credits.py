"""The per-site credits page and the placeholder for images whose rights ran out."""

import datetime

import pytest
from django.utils import timezone

from campaign.models import HomePage
from media_library.credits import images_used_on_site
from media_library.factories import ImageFactory
from media_library.models import CustomImage
from tests.support import get_with_query_budget

pytestmark = pytest.mark.django_db


def _yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


def _site(demo_sites, hostname):
    return next(site for site in demo_sites if site.hostname == hostname)


def test_rights_run_out_after_their_last_day():
    today = datetime.date(2026, 5, 1)
    image = CustomImage(usage_rights_until=today)

    assert not image.rights_expired(today)
    assert image.rights_expired(today + datetime.timedelta(days=1))
    assert not CustomImage(usage_rights_until=None).rights_expired(today)


def test_the_credits_list_the_images_of_the_site_and_nothing_else(demo_sites):
    mitte = images_used_on_site(_site(demo_sites, "mitte.localhost"))
    essen = images_used_on_site(_site(demo_sites, "jobcenter-essen.localhost"))

    titles = {image.title for image in mitte}
    assert "Bezirksamt Mitte von Berlin: Aufmacher" in titles
    assert "Bezirksamt Mitte von Berlin: Logo" in titles  # from the site settings
    assert not titles & {image.title for image in essen}


def test_the_credits_page_shows_credit_and_licence_in_the_sites_look(client, demo_sites):
    hero = HomePage.objects.get(slug="mitte").hero_image
    hero.credit = "Foto: Stefan Arend"
    hero.licence = "cc0"
    hero.source = "Pressestelle Bezirksamt Mitte"
    hero.save()
    client.get("/bildnachweise/", HTTP_HOST="mitte.localhost")  # warm: renditions

    response = get_with_query_budget(
        client, "/bildnachweise/", host="mitte.localhost", max_queries=14
    )

    html = response.text
    assert "<h1" in html
    assert "Bildnachweise" in html
    assert "Foto: Stefan Arend" in html
    assert "CC0 1.0" in html
    assert "publicdomain/zero/1.0" in html
    assert "Pressestelle Bezirksamt Mitte" in html
    assert "Bezirksamt Mitte von Berlin" in html  # base.html with the employer's name


def test_more_images_cost_no_more_queries_on_the_credits_page(client, demo_sites):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    home = HomePage.objects.get(slug="mitte")

    def visit():
        client.get("/bildnachweise/", HTTP_HOST="mitte.localhost")
        with CaptureQueriesContext(connection) as queries:
            client.get("/bildnachweise/", HTTP_HOST="mitte.localhost")
        return len(queries)

    before = visit()
    home.body.extend(
        [
            (
                "image",
                {
                    "image": {
                        "image": ImageFactory(credit=f"Foto {n}"),
                        "decorative": False,
                        "alt_text": f"Bild {n}",
                    },
                    "caption": "",
                },
            )
            for n in range(5)
        ]
    )
    home.save_revision().publish()

    assert visit() == before


def test_every_page_links_the_credits_page(client, demo_sites):
    response = client.get("/", HTTP_HOST="mitte.localhost")

    assert 'href="/bildnachweise/"' in response.text


def test_an_image_whose_rights_ran_out_becomes_a_placeholder(client, demo_sites):
    hero = HomePage.objects.get(slug="mitte").hero_image
    hero.credit = "Foto: Abgelaufen"
    hero.usage_rights_until = _yesterday()
    hero.save()

    html = client.get("/", HTTP_HOST="mitte.localhost").text
    credits = client.get("/bildnachweise/", HTTP_HOST="mitte.localhost").text

    assert "media-placeholder" in html
    assert "Foto: Abgelaufen" not in html
    assert hero.get_rendition("width-480").url not in html
    assert "Foto: Abgelaufen" not in credits


def test_an_image_with_rights_left_is_shown_with_its_credit(client, demo_sites):
    hero = HomePage.objects.get(slug="mitte").hero_image
    hero.credit = "Foto: Noch gültig"
    hero.licence = "cc-by"
    hero.usage_rights_until = timezone.localdate()
    hero.save()

    html = client.get("/", HTTP_HOST="mitte.localhost").text

    assert "<picture" in html
    assert "Foto: Noch gültig (CC BY 4.0)" in html
    assert "media-placeholder" not in html
