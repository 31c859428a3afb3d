"""Films on wagtailmedia: admin views, upload checks, the probe task, the demo
film and the film block on a page."""

import shutil
import subprocess
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from media_library import demo, tasks
from media_library.models import Film, FilmVersion, SubtitleTrack, TrackKind, VersionKind
from tests.support import get_with_query_budget, skip_unless_available

pytestmark = pytest.mark.django_db

# The first bytes of an MP4 (ftyp box) and of a WebM (EBML header, doctype webm).
MP4_HEAD = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 64
WEBM_HEAD = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm" + b"\x00" * 64
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n"
BROKEN_VTT = b"WEBVTT\n\n00:00.000 -> 00:02.000\nHallo\n"


def _require_ffmpeg(*tools):
    """ffmpeg (and ffprobe) render the demo film: a skip locally, a failure in CI."""
    missing = [tool for tool in ("ffmpeg", *tools) if shutil.which(tool) is None]
    skip_unless_available(not missing, f"{', '.join(missing)} fehlt: apt-get install ffmpeg")


def _film_data(root_collection, *, video, vtt, video_name="film.mp4", vtt_name="de.vtt"):
    return {
        "title": "Imagefilm",
        "description": "Ein Film",
        "duration": "",
        "transcript": "Gesprochener Text",
        "collection": root_collection.pk,
        "versions-TOTAL_FORMS": "1",
        "versions-INITIAL_FORMS": "0",
        "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "1000",
        "versions-0-kind": "langfassung",
        "versions-0-ORDER": "1",
        "versions-0-file": SimpleUploadedFile(video_name, video),
        "versions-0-subtitle_tracks-TOTAL_FORMS": "1",
        "versions-0-subtitle_tracks-INITIAL_FORMS": "0",
        "versions-0-subtitle_tracks-MIN_NUM_FORMS": "0",
        "versions-0-subtitle_tracks-MAX_NUM_FORMS": "1000",
        "versions-0-subtitle_tracks-0-language": "de",
        "versions-0-subtitle_tracks-0-kind": "captions",
        "versions-0-subtitle_tracks-0-ORDER": "1",
        "versions-0-subtitle_tracks-0-file": SimpleUploadedFile(vtt_name, vtt),
    }


def _film(title="Testfilm", *, with_tracks=True):
    film = Film(title=title, type="video", transcript="Alles, was gesagt wird.")
    for order, kind in enumerate([VersionKind.LONG, VersionKind.SHORT]):
        version = FilmVersion(kind=kind, sort_order=order, duration=6 if order == 0 else 3)
        version.file.save(f"{kind}.mp4", ContentFile(MP4_HEAD), save=False)
        if with_tracks:
            track = SubtitleTrack(language="de", kind=TrackKind.CAPTIONS)
            track.file.save(f"{kind}-de.vtt", ContentFile(VTT), save=False)
            version.subtitle_tracks = [track]
        film.versions.add(version)
    with mock.patch.object(tasks, "ffprobe_available", return_value=False):
        film.save()
    return film


# Admin ---------------------------------------------------------------------


def test_film_is_wagtailmedias_model():
    from wagtailmedia import get_media_model

    assert get_media_model() is Film


def test_superuser_opens_the_media_list_add_and_edit_views(admin_client):
    film = _film()

    assert admin_client.get(reverse("wagtailmedia:index")).status_code == 200
    add = admin_client.get(reverse("wagtailmedia:add", args=("video",)))
    assert add.status_code == 200
    assert 'name="versions-0-subtitle_tracks-0-file"' in add.text
    edit = admin_client.get(reverse("wagtailmedia:edit", args=(film.pk,)))
    assert edit.status_code == 200
    assert "Langfassung" in edit.text
    assert "Kurzfassung" in edit.text


def _labels(response):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(label.get_text().split()) for label in soup.find_all("label")]


def test_the_film_form_shows_no_formset_plumbing(admin_client):
    film = _film()

    add = admin_client.get(reverse("wagtailmedia:add", args=("video",)))
    edit = admin_client.get(reverse("wagtailmedia:edit", args=(film.pk,)))

    for response in (add, edit):
        labels = _labels(response)
        assert not {"Reihenfolge", "Löschen"} & set(labels), labels
        assert labels.count("Laufzeit des Films in Sekunden") == 1, labels
        assert "Dauer in Sekunden" not in labels
        assert 'name="versions-0-ORDER" value="1"' in response.text
    assert _labels(edit).count("Diese Fassung entfernen") == 2
    assert "Diese Fassung entfernen" not in _labels(add)


def test_a_version_is_removed_with_its_checkbox(admin_client):
    film = _film()
    long_version, short_version = film.versions.all()
    data = {
        "title": film.title,
        "transcript": film.transcript,
        "collection": film.collection_id,
        "versions-TOTAL_FORMS": "2",
        "versions-INITIAL_FORMS": "2",
        "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "1000",
    }
    for number, version in enumerate([long_version, short_version]):
        prefix = f"versions-{number}"
        data |= {
            f"{prefix}-id": version.pk,
            f"{prefix}-kind": version.kind,
            f"{prefix}-ORDER": number + 1,
            f"{prefix}-subtitle_tracks-TOTAL_FORMS": "0",
            f"{prefix}-subtitle_tracks-INITIAL_FORMS": "0",
            f"{prefix}-subtitle_tracks-MIN_NUM_FORMS": "0",
            f"{prefix}-subtitle_tracks-MAX_NUM_FORMS": "1000",
        }
    data["versions-1-DELETE"] = "on"

    with mock.patch.object(tasks, "ffprobe_available", return_value=False):
        response = admin_client.post(reverse("wagtailmedia:edit", args=(film.pk,)), data)

    assert response.status_code == 302, response.context["form"].errors
    assert list(film.versions.all()) == [long_version]


def test_the_media_list_offers_only_films(admin_client):
    response = admin_client.get(reverse("wagtailmedia:index"))

    assert "Film hinzufügen" in response.text
    assert "Audio" not in response.text
    assert reverse("wagtailmedia:add", args=("audio",)) not in response.text
    assert "Einen Film hinzufügen" in response.text


def test_a_film_with_version_and_track_is_saved(admin_client, root_collection):
    with mock.patch.object(tasks, "ffprobe_available", return_value=False):
        response = admin_client.post(
            reverse("wagtailmedia:add", args=("video",)),
            _film_data(root_collection, video=MP4_HEAD, vtt=VTT),
        )

    assert response.status_code == 302, response.context["form"].errors
    film = Film.objects.get(title="Imagefilm")
    version = film.versions.get()
    assert film.type == "video"
    assert version.file_size == len(MP4_HEAD)
    assert version.subtitle_tracks.get().kind == "captions"


def test_a_webm_is_accepted_too(admin_client, root_collection):
    with mock.patch.object(tasks, "ffprobe_available", return_value=False):
        response = admin_client.post(
            reverse("wagtailmedia:add", args=("video",)),
            _film_data(root_collection, video=WEBM_HEAD, vtt=VTT, video_name="film.webm"),
        )

    assert response.status_code == 302


def test_an_invalid_webvtt_is_refused_in_german(admin_client, root_collection):
    response = admin_client.post(
        reverse("wagtailmedia:add", args=("video",)),
        _film_data(root_collection, video=MP4_HEAD, vtt=BROKEN_VTT),
    )

    assert response.status_code == 200
    assert "keine gültige WebVTT-Datei" in response.text
    assert "Zeile 4: Ungültige Zeitangabe" in response.text
    assert not Film.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("film.mp4", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("film.mp4", WEBM_HEAD),  # a WebM called .mp4
        ("film.avi", MP4_HEAD),
        ("film.mp4", b"MZ\x90\x00" + b"\x00" * 80),
    ],
)
def test_a_file_that_is_no_mp4_or_webm_is_refused_in_german(
    admin_client, root_collection, name, content
):
    response = admin_client.post(
        reverse("wagtailmedia:add", args=("video",)),
        _film_data(root_collection, video=content, vtt=VTT, video_name=name),
    )

    assert response.status_code == 200
    assert "kein MP4- oder WebM-Video" in response.text
    assert not Film.objects.exists()


def test_subtitles_must_be_called_vtt(admin_client, root_collection):
    response = admin_client.post(
        reverse("wagtailmedia:add", args=("video",)),
        _film_data(root_collection, video=MP4_HEAD, vtt=VTT, vtt_name="de.srt"),
    )

    assert "Endung .vtt" in response.text


# Probe task ------------------------------------------------------------------


def test_without_ffprobe_the_film_is_saved_and_nothing_is_queued():
    with mock.patch.object(tasks.shutil, "which", return_value=None):
        film = _film()
        assert tasks.enqueue_film_probe(film) is None

    assert film.pk
    assert film.poster is None
    assert film.versions.first().file_size == len(MP4_HEAD)


def test_with_ffprobe_duration_size_and_poster_are_read():
    _require_ffmpeg("ffprobe")
    long_bytes, _short = demo.render_videos()
    film = Film(title="Gemessen", type="video")
    version = FilmVersion(kind=VersionKind.LONG)
    version.file.save("gemessen.mp4", ContentFile(long_bytes), save=False)
    film.versions.add(version)

    film.save()  # TASKS: ImmediateBackend in tests, the probe runs at once

    film.refresh_from_db()
    version = film.versions.get()
    assert version.duration == pytest.approx(demo.LONG_SECONDS, abs=0.3)
    assert version.file_size == len(long_bytes)
    assert film.duration == pytest.approx(demo.LONG_SECONDS, abs=0.3)
    assert film.poster is not None
    assert film.poster.width == 320


# Demo film -------------------------------------------------------------------


def test_without_ffmpeg_there_is_no_demo_film():
    demo.render_videos.cache_clear()
    try:
        with mock.patch.object(demo.shutil, "which", return_value=None):
            assert demo.demo_film(log=lambda message: None) is None
    finally:
        demo.render_videos.cache_clear()


def test_the_demo_film_has_two_cuts_with_subtitles_and_is_reused():
    _require_ffmpeg()
    film = demo.demo_film()

    assert demo.demo_film() == film
    versions = list(film.versions.all())
    assert [v.kind for v in versions] == ["langfassung", "kurzfassung"]
    for version in versions:
        assert 0 < version.file_size < 300 * 1024
        assert {t.language for t in version.subtitle_tracks.all()} == {"de", "en"}
    assert film.transcript


def test_webvtt_of_the_demo_is_valid():
    from media_library.webvtt import parse

    assert len(parse(demo.webvtt("de"))) == 2
    assert parse(demo.webvtt("en", until=3))[-1].end == 3


# Film block ------------------------------------------------------------------


def _page_with_film(film):
    from campaign.factories import StandardPageFactory
    from campaign.models import HomePage

    page = StandardPageFactory(
        parent=HomePage.objects.get(slug="mitte"),
        title="Unser Film",
        slug="unser-film",
        body=[("film", {"film": film})],
    )
    page.save_revision().publish()
    return page


def test_the_film_block_renders_video_tracks_downloads_and_transcript(client, demo_sites):
    film = _film()
    _page_with_film(film)

    # A first visit: site root paths (each site's home in every language),
    # the active locale and the logo rendition come on top of the page's share.
    html = get_with_query_budget(
        client, "/unser-film/", host="mitte.localhost", max_queries=33
    ).text

    long_cut, short_cut = film.versions.all()
    assert '<video class="film__video" controls preload="metadata"' in html
    assert f'<source src="{long_cut.file.url}" type="video/mp4">' in html
    track = long_cut.subtitle_tracks.get()
    assert (
        f'<track kind="captions" srclang="de" label="Deutsch (für Gehörlose)" '
        f'src="{track.file.url}" default>'
    ) in html
    assert f'href="?fassung=kurzfassung#film-{film.pk}"' in html
    assert 'aria-current="true">Langfassung' in html
    assert f'href="{short_cut.file.url}" download>Kurzfassung</a>' in html
    assert f"(MP4, {long_cut.size_label}, 6 Sek.)" in html
    assert "<summary>Transkript</summary>" in html
    assert "<script" not in html.split('<section class="film"')[1].split("</section>")[0]


def test_the_version_is_chosen_by_get_parameter(client, demo_sites):
    film = _film()
    _page_with_film(film)
    client.get("/unser-film/", HTTP_HOST="mitte.localhost")  # warm

    html = get_with_query_budget(
        client, "/unser-film/?fassung=kurzfassung", host="mitte.localhost", max_queries=20
    ).text

    short_cut = film.versions.get(kind="kurzfassung")
    assert f'<source src="{short_cut.file.url}" type="video/mp4">' in html
    assert 'aria-current="true">Kurzfassung' in html
    unknown = client.get("/unser-film/?fassung=gibts-nicht", HTTP_HOST="mitte.localhost").text
    assert 'aria-current="true">Langfassung' in unknown


def test_film_and_subtitle_files_are_served_but_documents_not(client):
    film = _film()
    version = film.versions.first()

    assert client.get(version.file.url).status_code == 200
    assert client.get(version.subtitle_tracks.get().file.url).status_code == 200
    assert client.get("/media/documents/secret.pdf").status_code == 404


def test_the_mitte_home_opens_with_the_demo_film(client, demo_sites):
    _require_ffmpeg()
    html = client.get("/", HTTP_HOST="mitte.localhost").text

    assert html.index('<section class="film"') < html.index("Wissen Se was?")
    assert 'srclang="en"' in html
    assert 'href="?fassung=kurzfassung' in html


def _real_film(tmp_path, name="film.mp4"):
    _require_ffmpeg("ffprobe")
    target = tmp_path / name
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
         "testsrc=duration=1:size=160x120:rate=10", "-pix_fmt", "yuv420p", str(target)],
        check=True,
    )  # fmt: skip
    return target.read_bytes()


def test_a_real_film_is_saved(admin_client, root_collection, tmp_path):
    film = _real_film(tmp_path)

    response = admin_client.post(
        reverse("wagtailmedia:add", args=("video",)),
        _film_data(root_collection, video=film, vtt=VTT),
    )

    assert response.status_code == 302
    assert Film.objects.get(title="Imagefilm").versions.get().duration == pytest.approx(1, abs=0.2)


@pytest.mark.parametrize(
    "damage",
    [
        lambda film: film[: len(film) // 2],  # an export or download broken off
        lambda film: film[:40] + b"\x00" * (len(film) - 40),  # the head, and nothing behind it
    ],
)
def test_a_film_that_does_not_play_is_refused_in_german(
    admin_client, root_collection, tmp_path, damage
):
    film = damage(_real_film(tmp_path))

    response = admin_client.post(
        reverse("wagtailmedia:add", args=("video",)),
        _film_data(root_collection, video=film, vtt=VTT),
    )

    assert response.status_code == 200
    assert "Der Film lässt sich nicht abspielen" in response.text
    assert not Film.objects.filter(title="Imagefilm").exists()


# Editing ---------------------------------------------------------------------

FALSE_ALARMS = ("could not be found", "konnte nicht gefunden", "File not found")


def test_a_working_film_opens_without_a_missing_file_warning(admin_client):
    film = _film()

    response = admin_client.get(reverse("wagtailmedia:edit", args=(film.pk,)))

    assert response.status_code == 200
    assert not any(alarm in response.text for alarm in FALSE_ALARMS)
    assert "fehlt" not in response.text


def test_a_film_whose_file_is_gone_says_which_one(admin_client):
    film = _film()
    version = film.versions.get(kind=VersionKind.SHORT)
    version.file.storage.delete(version.file.name)

    response = admin_client.get(reverse("wagtailmedia:edit", args=(film.pk,)))

    assert "Die Datei der Kurzfassung fehlt" in response.text


def test_after_another_fields_error_the_form_asks_for_the_file_again(admin_client, root_collection):
    data = _film_data(root_collection, video=MP4_HEAD, vtt=VTT)
    data["title"] = ""

    with mock.patch.object(tasks, "ffprobe_available", return_value=False):
        response = admin_client.post(reverse("wagtailmedia:add", args=("video",)), data)

    assert response.status_code == 200
    assert response.text.count("Bitte wählen Sie diese Datei erneut aus") == 2  # video, subtitles
    assert not Film.objects.filter(description="Ein Film").exists()


def test_a_film_is_saved_through_its_edit_view(admin_client):
    film = _film()
    data = {
        "title": "Neuer Titel",
        "description": "",
        "duration": "",
        "transcript": film.transcript,
        "collection": film.collection_id,
        "versions-TOTAL_FORMS": "2",
        "versions-INITIAL_FORMS": "2",
        "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "1000",
    }
    for number, version in enumerate(film.versions.all()):
        prefix = f"versions-{number}"
        data |= {
            f"{prefix}-id": version.pk,
            f"{prefix}-kind": version.kind,
            f"{prefix}-ORDER": number + 1,
            f"{prefix}-subtitle_tracks-TOTAL_FORMS": "0",
            f"{prefix}-subtitle_tracks-INITIAL_FORMS": "0",
            f"{prefix}-subtitle_tracks-MIN_NUM_FORMS": "0",
            f"{prefix}-subtitle_tracks-MAX_NUM_FORMS": "1000",
        }

    with mock.patch.object(tasks, "ffprobe_available", return_value=False):
        response = admin_client.post(reverse("wagtailmedia:edit", args=(film.pk,)), data)

    assert response.status_code == 302, response.context["form"].errors
    film.refresh_from_db()
    assert film.title == "Neuer Titel"
    assert film.versions.count() == 2
