"""Pictures for phones: AVIF/WebP in sizes that fit, only the first view's at once.

The hero is in the first view and loads at once; pictures further down load
when the visitor scrolls to them. Every <img> states its size, so nothing
shifts while pictures arrive.
"""

import re

import pytest

from tests.support import get_with_query_budget

pytestmark = pytest.mark.django_db

IMG = re.compile(r"<img\b[^>]*>", re.DOTALL)


def _pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, re.DOTALL)


def _attribute(tag, name):
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return found.group(1) if found else None


def _image_of(picture):
    return IMG.search(picture).group(0)


def test_the_hero_comes_in_modern_formats_and_at_once(client, demo_sites):
    client.get("/", HTTP_HOST="duesseldorf.localhost")  # renditions made
    response = get_with_query_budget(client, "/", host="duesseldorf.localhost", max_queries=21)

    (hero,) = _pictures(response.text)
    assert 'type="image/avif"' in hero
    assert 'type="image/webp"' in hero
    assert "480w" in hero
    assert "1200w" in hero
    image = _image_of(hero)
    assert _attribute(image, "sizes") == "(min-width: 64em) 50vw, 100vw"
    assert _attribute(image, "loading") == "eager"
    assert _attribute(image, "width")
    assert _attribute(image, "height")


def test_pictures_below_the_first_view_wait_until_scrolled_to(client, demo_sites):
    client.get("/kampagne/", HTTP_HOST="zukunftsorte.localhost")
    response = get_with_query_budget(
        client, "/kampagne/", host="zukunftsorte.localhost", max_queries=25
    )

    below = [picture for picture in _pictures(response.text) if "hero__image" not in picture]
    assert below, "die Kampagne zeigt Bilder unterhalb des ersten Blicks"
    for picture in below:
        image = _image_of(picture)
        assert _attribute(image, "loading") == "lazy", image
        assert _attribute(image, "width"), image
        assert _attribute(image, "height"), image
        assert 'type="image/avif"' in picture
