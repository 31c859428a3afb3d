"""The film on other websites (campaign/film_embeds): Mitte's player page may
be framed by the sites Mitte lists and by nobody else, oEmbed describes it,
and films of restricted collections or other employers are not offered."""

import json
import shutil

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, Site

from campaign.models import EmployerSettings
from campaign.sites.embedding import validate_embedding_origins
from campaign.sites.roles import PRESS_OFFICE, site_collection
from media_library import demo
from media_library.models import Film
from tests.campaign.sites.test_security_headers import directives
from tests.support import (
    get_with_query_budget,
    login_with_second_factor,
    site_editor,
    skip_unless_available,
)

pytestmark = pytest.mark.django_db

MITTE, ESSEN = "mitte.localhost", "jobcenter-essen.localhost"
ORIGINS = ["https://www.berlin.de", "https://ba-mitte.berlin.de"]


@pytest.fixture
def film(demo_sites):
    skip_unless_available(shutil.which("ffmpeg"), "ffmpeg fehlt: apt-get install ffmpeg")
    settings = EmployerSettings.for_site(Site.objects.get(hostname=MITTE))
    settings.film_embedding_origins = "\n".join([*ORIGINS, "https://www.berlin.de/"])
    settings.save()
    return Film.objects.get(title=demo.TITLE)


def _player(film):
    return reverse("film_player", args=[film.pk])


def _oembed(client, host=MITTE, **params):
    return client.get(reverse("oembed"), params, HTTP_HOST=host)


def test_player_shows_both_cuts_with_subtitles_and_only_listed_sites_may_frame_it(client, film):
    client.get(_player(film), HTTP_HOST=MITTE)  # the poster's and logo's renditions made
    response = get_with_query_budget(client, _player(film), host=MITTE, max_queries=12)
    html = response.text
    assert '<html lang="de">' in html
    assert f"<title>{film.title}" in html
    assert html.count("<track ") == 2
    assert "Kurzfassung" in html
    assert "Langfassung" in html
    assert "Transkript" in html
    assert "application/json+oembed" in html
    assert not response.cookies
    assert directives(response)["frame-ancestors"] == " ".join(ORIGINS)
    assert "X-Frame-Options" not in response
    # The short cut by link, as on every page.
    short = client.get(_player(film) + "?fassung=kurzfassung", HTTP_HOST=MITTE)
    assert 'aria-current="true">Kurzfassung' in short.text

    # Every other page keeps its frame-ancestors 'none'.
    home = client.get("/", HTTP_HOST=MITTE)
    assert directives(home)["frame-ancestors"] == "'none'"
    assert home["X-Frame-Options"] == "DENY"


def test_player_is_cached_and_purged_when_the_film_changes(client, film):
    assert client.get(_player(film), HTTP_HOST=MITTE)["X-Page-Cache"] == "miss"
    assert client.get(_player(film), HTTP_HOST=MITTE)["X-Page-Cache"] == "hit"
    film.title = "#WirmachenMitte – neu geschnitten"
    film.save()
    fresh = client.get(_player(film), HTTP_HOST=MITTE)
    assert fresh["X-Page-Cache"] == "miss"
    assert "neu geschnitten" in fresh.text


def test_without_listed_sites_nobody_may_frame_it(client, film):
    employer = EmployerSettings.for_site(Site.objects.get(hostname=MITTE))
    employer.film_embedding_origins = ""
    employer.save()
    response = client.get(_player(film), HTTP_HOST=MITTE)
    assert directives(response)["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_oembed_describes_a_film_of_this_employer(client, film):
    site = Site.objects.get(hostname=MITTE)
    url = site.root_url + _player(film)
    response = _oembed(client, url=url, maxwidth="480")
    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["type"] == "video"
    assert answer["version"] == "1.0"
    assert answer["title"] == film.title
    assert (answer["width"], answer["height"]) == (480, 270)
    assert f'<iframe src="{url}"' in answer["html"]
    assert 'width="480"' in answer["html"]


def test_oembed_refuses_foreign_unknown_and_restricted_films(client, film):
    site = Site.objects.get(hostname=MITTE)
    url = site.root_url + _player(film)
    # Asked of another employer, or naming a film that is not there.
    assert _oembed(client, host=ESSEN, url=url).status_code == 404
    assert client.get(_player(film), HTTP_HOST=ESSEN).status_code == 404
    missing = site.root_url + reverse("film_player", args=[999999])
    assert _oembed(client, url=missing).status_code == 404
    assert _oembed(client, url=site.root_url + "/").status_code == 404
    assert _oembed(client, url="https://www.youtube.com" + _player(film)).status_code == 404

    internal = site_collection(site).add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    Film.objects.filter(pk=film.pk).update(collection=internal)
    assert _oembed(client, url=url).status_code == 404
    assert client.get(_player(film), HTTP_HOST=MITTE).status_code == 404
    assert Collection.objects.filter(pk=internal.pk).exists()


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"format": "xml"}, 400),
        ({"format": "<script>"}, 400),
        ({"maxwidth": "abc"}, 400),
        ({"maxwidth": "-5"}, 400),
        ({"maxheight": "9" * 40}, 400),
        ({"maxwidth": "0"}, 400),
        ({"url": ""}, 400),
        ({"url": "http://[::1"}, 400),
        ({"url": "http://mitte.localhost/" + "x" * 3000}, 400),
        ({"url": "javascript:alert(1)"}, 404),
        ({"url": "http://mitte.localhost/filme/%00/player/"}, 404),
        ({"url": "http://mitte.localhost/filme/99999999999999999999999/player/"}, 404),
    ],
)
def test_hostile_oembed_parameters_get_a_clear_4xx(client, film, params, status):
    query = {"url": Site.objects.get(hostname=MITTE).root_url + _player(film), **params}
    response = _oembed(client, **query)
    assert response.status_code == status
    assert json.loads(response.content)["detail"]


def test_embedding_origins_must_be_plain_origins():
    validate_embedding_origins("https://www.berlin.de\n\nhttp://localhost:8080")
    for wrong in ("javascript:alert(1)", "https://a.de/pfad", "'self'", "*", "https://a.de; x"):
        with pytest.raises(ValidationError):
            validate_embedding_origins(wrong)


def test_the_film_form_shows_the_embed_code_to_its_press_office(client, film):
    login_with_second_factor(client, site_editor(MITTE, PRESS_OFFICE))
    response = client.get(reverse("wagtailmedia:edit", args=[film.pk]))
    assert response.status_code == 200
    assert "Einbettungscode" in response.text
    player = Site.objects.get(hostname=MITTE).root_url + _player(film)
    assert f"&lt;iframe src=&quot;{player}&quot;" in response.text
