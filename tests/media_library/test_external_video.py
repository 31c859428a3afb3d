"""Videos on YouTube and Vimeo: reading the links (media_library/external_video.py),
the block's validation and its two-click placeholder."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from media_library.blocks import ExternalVideoBlock
from media_library.external_video import VIMEO, YOUTUBE, ExternalVideo, parse_video_url
from tests.support import get_with_query_budget

YOUTUBE_ID = "aqz-KE-bpKQ"

# Links ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "video_id", "start"),
    [
        (f"https://www.youtube.com/watch?v={YOUTUBE_ID}", YOUTUBE_ID, 0),
        (f"https://youtube.com/watch?feature=share&v={YOUTUBE_ID}&list=PL1", YOUTUBE_ID, 0),
        (f"http://m.youtube.com/watch?v={YOUTUBE_ID}", YOUTUBE_ID, 0),
        (f"https://youtu.be/{YOUTUBE_ID}", YOUTUBE_ID, 0),
        (f"https://youtu.be/{YOUTUBE_ID}?si=abc&t=42", YOUTUBE_ID, 42),
        (f"https://www.youtube.com/watch?v={YOUTUBE_ID}&t=1m30s", YOUTUBE_ID, 90),
        (f"https://www.youtube.com/embed/{YOUTUBE_ID}", YOUTUBE_ID, 0),
        (f"https://www.youtube.com/shorts/{YOUTUBE_ID}", YOUTUBE_ID, 0),
        (f"https://www.youtube.com/live/{YOUTUBE_ID}?feature=shared", YOUTUBE_ID, 0),
        (f"  https://WWW.YouTube.com/watch?v={YOUTUBE_ID}  ", YOUTUBE_ID, 0),
    ],
)
def test_youtube_links_give_the_video_id(url, video_id, start):
    assert parse_video_url(url) == ExternalVideo(YOUTUBE, video_id, start=start)


@pytest.mark.parametrize(
    ("url", "video_id", "vimeo_hash"),
    [
        ("https://vimeo.com/76979871", "76979871", ""),
        ("https://www.vimeo.com/76979871#t=10s", "76979871", ""),
        ("https://vimeo.com/76979871/0a1b2c3d4e", "76979871", "0a1b2c3d4e"),
        ("https://vimeo.com/channels/staffpicks/76979871", "76979871", ""),
        ("https://vimeo.com/showcase/1234/video/76979871", "76979871", ""),
        ("https://player.vimeo.com/video/76979871", "76979871", ""),
        ("https://player.vimeo.com/video/76979871?h=0a1b2c3d4e&badge=0", "76979871", "0a1b2c3d4e"),
    ],
)
def test_vimeo_links_give_the_video_id(url, video_id, vimeo_hash):
    assert parse_video_url(url) == ExternalVideo(VIMEO, video_id, vimeo_hash=vimeo_hash)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "kein Link",
        "https://example.org/watch?v=aqz-KE-bpKQ",
        "https://www.youtube.com.example.org/watch?v=aqz-KE-bpKQ",
        "https://notyoutube.com/watch?v=aqz-KE-bpKQ",
        "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
        "https://www.dailymotion.com/video/x7tgad0",
        "javascript:alert(1)//youtube.com/watch?v=aqz-KE-bpKQ",
        "ftp://youtube.com/watch?v=aqz-KE-bpKQ",
        "https://[::1/watch",
    ],
)
def test_other_addresses_are_refused_in_german(url):
    with pytest.raises(ValidationError) as error:
        parse_video_url(url)

    assert error.value.code == "invalid_video_url"
    assert "Adresse eines Videos auf YouTube oder Vimeo" in error.value.messages[0]


@pytest.mark.parametrize(
    ("url", "provider"),
    [
        ("https://www.youtube.com/", "YouTube"),
        ("https://www.youtube.com/watch?v=zu-kurz", "YouTube"),
        ("https://www.youtube.com/@bezirksamtmitte", "YouTube"),
        ("https://www.youtube.com/playlist?list=PL123", "YouTube"),
        ("https://youtu.be/", "YouTube"),
        ("https://vimeo.com/", "Vimeo"),
        ("https://vimeo.com/showcase/1234", "Vimeo"),
        ("https://vimeo.com/bezirksamtmitte", "Vimeo"),
        ("https://player.vimeo.com/api/player.js", "Vimeo"),
    ],
)
def test_a_provider_address_without_a_video_says_so(url, provider):
    with pytest.raises(ValidationError) as error:
        parse_video_url(url)

    assert error.value.code == "no_video_id"
    assert error.value.messages == [
        f"Die Adresse führt zu {provider}, aber nicht zu einem einzelnen Video. Bitte kopieren "
        "Sie die Adresse des Videos (über „Teilen“ beim Video)."
    ]


def test_youtube_embeds_from_the_nocookie_host_and_links_to_youtube():
    video = parse_video_url(f"https://youtu.be/{YOUTUBE_ID}?t=42")

    assert video.embed_url == (
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1&rel=0&start=42"
    )
    assert video.watch_url == f"https://www.youtube.com/watch?v={YOUTUBE_ID}&t=42s"
    assert video.embed_host == "www.youtube-nocookie.com"
    assert video.provider_name == "YouTube"
    assert video.privacy_url.startswith("https://policies.google.com/privacy")


def test_vimeo_embeds_with_do_not_track_and_keeps_the_hash_of_unlisted_videos():
    public = parse_video_url("https://vimeo.com/76979871")
    unlisted = parse_video_url("https://vimeo.com/76979871/0a1b2c3d4e")

    assert public.embed_url == "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"
    assert public.watch_url == "https://vimeo.com/76979871"
    assert unlisted.embed_url == (
        "https://player.vimeo.com/video/76979871?h=0a1b2c3d4e&dnt=1&autoplay=1"
    )
    assert unlisted.watch_url == "https://vimeo.com/76979871/0a1b2c3d4e"
    assert public.privacy_url == "https://vimeo.com/privacy"


def test_the_embed_hosts_are_the_ones_the_csp_allows(settings):
    frame_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]
    hosts = {
        parse_video_url(f"https://youtu.be/{YOUTUBE_ID}").embed_url.split("/")[2],
        parse_video_url("https://vimeo.com/76979871").embed_url.split("/")[2],
    }

    assert sorted(frame_src) == sorted(f"https://{host}" for host in hosts)


# Block -----------------------------------------------------------------------


def _value(**fields):
    block = ExternalVideoBlock()
    data = {
        "url": f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        "title": "Ein Tag im Bürgeramt",
        "transcript": "Eine Mitarbeiterin zeigt ihren Arbeitsplatz.\n\nSie lacht.",
        **fields,
    }
    return block, block.to_python(data)


def test_the_block_accepts_a_youtube_link():
    block, value = _value()

    assert block.clean(value)["url"] == f"https://www.youtube.com/watch?v={YOUTUBE_ID}"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"url": "https://example.org/film.mp4"}, "url", "auf YouTube oder Vimeo"),
        ({"url": "https://vimeo.com/"}, "url", "nicht zu einem einzelnen Video"),
        ({"title": ""}, "title", "Dieses Feld muss ausgefüllt werden."),
    ],
)
def test_the_block_refuses_bad_input_in_german(fields, field, message):
    block, value = _value(**fields)

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert set(error.value.block_errors) == {field}
    assert message in " ".join(error.value.block_errors[field].messages)


def test_the_placeholder_loads_nothing_from_the_provider():
    block, value = _value()

    html = block.render(value)

    # The player's address waits in a data attribute for the click.
    assert (
        f'data-embed-url="https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1&amp;rel=0"'
    ) in html
    assert 'data-video-title="Ein Tag im Bürgeramt"' in html
    # Nothing that a browser fetches on its own: no frame, image, preconnect or style.
    for tag in ("<iframe", "<img", "<link", "<style", "<video", "<object", "<embed"):
        assert tag not in html
    fetched = re.findall(r'\s(?:src|srcset|poster)="([^"]*)"', html)
    assert fetched == ["/static/media_library/js/external_video.js"]
    assert "style=" not in html
    assert "<script>" not in html


def test_the_placeholder_explains_the_click_and_offers_a_link():
    block, value = _value()

    html = block.render(value)

    assert '<h2 class="kern-heading-medium" id="video-youtube-aqz-KE-bpKQ-title">' in html
    assert 'aria-labelledby="video-youtube-aqz-KE-bpKQ-title"' in html
    assert (
        "Dieses Video wird erst geladen, wenn Sie es starten. Dann kommt es von YouTube "
        "(www.youtube-nocookie.com), und YouTube erhält Ihre IP-Adresse und Angaben zu Ihrem "
        "Browser."
    ) in html
    assert ">Datenschutzerklärung von YouTube</a>" in html
    # The button only appears with JavaScript (external_video.js removes `hidden`).
    button = re.search(r"<button[^>]*>", html).group(0)
    assert "hidden" in button
    assert 'aria-describedby="video-youtube-aqz-KE-bpKQ-notice"' in button
    assert "Video laden und abspielen" in html
    assert (
        f'href="https://www.youtube.com/watch?v={YOUTUBE_ID}" rel="noopener noreferrer">'
        "„Ein Tag im Bürgeramt“ auf YouTube ansehen</a>"
    ) in html
    assert "<p>Eine Mitarbeiterin zeigt ihren Arbeitsplatz.</p>" in html
    assert '<script src="/static/media_library/js/external_video.js" defer></script>' in html


def test_a_vimeo_video_names_vimeo_and_its_player():
    block, value = _value(url="https://vimeo.com/76979871", transcript="")

    html = block.render(value)

    assert 'data-embed-url="https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1"' in html
    assert "Dann kommt es von Vimeo (player.vimeo.com)" in html
    assert 'href="https://vimeo.com/privacy"' in html
    assert "„Ein Tag im Bürgeramt“ auf Vimeo ansehen" in html
    assert "<details" not in html


def test_a_stored_link_that_no_longer_parses_renders_nothing():
    block, value = _value(url="https://example.org/alt")

    assert block.render(value).strip() == ""


# On a page -----------------------------------------------------------------


@pytest.mark.django_db
def test_a_page_with_a_video_allows_only_the_two_players_as_frames(client, demo_sites):
    from campaign.factories import StandardPageFactory
    from campaign.models import HomePage

    page = StandardPageFactory(
        parent=HomePage.objects.get(slug="mitte"),
        title="Videos",
        slug="videos",
        body=[
            (
                "external_video",
                {
                    "url": f"https://youtu.be/{YOUTUBE_ID}",
                    "title": "Ein Tag im Bürgeramt",
                    "transcript": "",
                },
            )
        ],
    )
    page.save_revision().publish()

    response = get_with_query_budget(client, "/videos/", host="mitte.localhost", max_queries=30)

    policy = response.headers["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com https://player.vimeo.com" in policy
    assert "script-src 'self'" in policy
    assert 'class="external-video"' in response.text
    assert "youtube-nocookie.com/embed" not in re.sub(r'data-embed-url="[^"]*"', "", response.text)
