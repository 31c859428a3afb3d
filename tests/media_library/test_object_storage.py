"""Media in S3-compatible object storage (media_library/storage.py with the
storages of campaign/project/settings/object_storage.py), against moto's S3
server over HTTP: public files under the bucket's URL, restricted ones private
objects that only the permission-checking view hands out."""

import io
import shutil

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client, RequestFactory
from PIL import Image
from wagtail.models import CollectionViewRestriction

from media_library import demo
from media_library.blocks import FilmBlock
from media_library.models import CustomImage, Film, FilmVersion, SubtitleTrack, VersionKind
from tests.media_library import files
from tests.support import skip_unless_available

pytestmark = pytest.mark.django_db

PNG = files.png_bytes(64, 48)


@pytest.fixture(autouse=True)
def _empty_local_folders(settings, tmp_path):
    # Other tests leave files in the session's folders; these must stay empty.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.RESTRICTED_MEDIA_ROOT = tmp_path / "media-restricted"


@pytest.fixture
def upload(post_image, django_capture_on_commit_callbacks):
    """An image uploaded through the admin's add view (moves wait for the commit)."""

    def upload(collection, name="rathaus.png"):
        with django_capture_on_commit_callbacks(execute=True):
            response = post_image(
                files.upload(name, PNG, "image/png"), collection=collection.pk, title=name
            )
        assert response.status_code == 302
        return CustomImage.objects.get(title=name)

    return upload


@pytest.fixture
def members_only(root_collection):
    collection = root_collection.add_child(name="Nur Mitglieder")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def _body(response):
    return b"".join(response.streaming_content)


def _nothing_on_disk():
    for root in (settings.MEDIA_ROOT, settings.RESTRICTED_MEDIA_ROOT):
        assert not root.exists() or not any(p.is_file() for p in root.rglob("*")), root


def test_an_uploaded_image_lands_in_the_bucket_and_its_rendition_is_served_from_there(
    object_storage, upload, root_collection
):
    image = upload(root_collection)
    rendition = image.get_rendition("fill-32x24")

    bucket = object_storage.keys(object_storage.media_bucket)
    assert image.file.name in bucket
    assert rendition.file.name in bucket
    assert object_storage.object(object_storage.media_bucket, image.file.name) == PNG
    # Public: the page's <img> loads it from the bucket, without the app.
    assert rendition.url == object_storage.bucket_url(
        object_storage.media_bucket, rendition.file.name
    )
    status, body = object_storage.anonymous_get(rendition.url)
    assert status == 200
    with Image.open(io.BytesIO(body)) as served:
        assert served.size == (32, 24)
    assert body == object_storage.object(object_storage.media_bucket, rendition.file.name)
    _nothing_on_disk()


def test_a_restricted_image_is_a_private_object_served_only_after_the_check(
    object_storage, upload, members_only, django_user_model
):
    image = upload(members_only)
    rendition = image.get_rendition("fill-32x24")

    for name in (image.file.name, rendition.file.name):
        assert name.startswith("restricted/")
        assert name in object_storage.keys(object_storage.media_bucket)
        private_url = object_storage.bucket_url(object_storage.media_bucket, name)
        assert object_storage.anonymous_get(private_url)[0] == 403, name
    assert rendition.url.startswith("/geschuetzte-medien/images/")

    visitor = Client()
    assert visitor.get(rendition.url).status_code == 404
    assert visitor.get(image.file.url).status_code == 404

    visitor.force_login(django_user_model.objects.create_user("mitglied", password="x-123456789"))
    response = visitor.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "private" in response["Cache-Control"]
    assert _body(response) == object_storage.object(
        object_storage.media_bucket, rendition.file.name
    )
    assert _body(visitor.get(image.file.url)) == PNG
    _nothing_on_disk()


def test_restricting_a_collection_later_makes_its_objects_private(
    object_storage, upload, root_collection, django_capture_on_commit_callbacks
):
    collection = root_collection.add_child(name="Bald intern")
    image = upload(collection)
    public_url = image.file.url
    assert object_storage.anonymous_get(public_url)[0] == 200

    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    image.refresh_from_db()

    assert image.file.name.startswith("restricted/")
    assert object_storage.anonymous_get(public_url)[0] == 404
    private_url = object_storage.bucket_url(object_storage.media_bucket, image.file.name)
    assert object_storage.anonymous_get(private_url)[0] == 403


def test_a_films_duration_and_poster_are_read_from_the_bucket(object_storage):
    # ffprobe and ffmpeg read files on disk: they get a temporary copy of the object.
    missing = [tool for tool in ("ffmpeg", "ffprobe") if shutil.which(tool) is None]
    skip_unless_available(not missing, f"{', '.join(missing)} fehlt: apt-get install ffmpeg")
    long_bytes, _short = demo.render_videos()
    film = Film(title="Aus dem Bucket", type="video")
    version = FilmVersion(kind=VersionKind.LONG)
    version.file.save("imagefilm.mp4", ContentFile(long_bytes), save=False)
    film.versions.add(version)

    film.save()  # the probe runs at once (ImmediateBackend in tests)

    film.refresh_from_db()
    version = film.versions.get()
    assert version.file.name in object_storage.keys(object_storage.media_bucket)
    assert version.duration == pytest.approx(demo.LONG_SECONDS, abs=0.3)
    assert version.file_size == len(long_bytes)
    assert film.poster is not None
    assert film.poster.width == 320
    assert film.poster.file.name in object_storage.keys(object_storage.media_bucket)
    _nothing_on_disk()


def _film_with_subtitles():
    film = Film(title="Mit Untertiteln", type="video")
    version = FilmVersion(kind=VersionKind.LONG)
    version.file.save("imagefilm.mp4", ContentFile(b"kein Film"), save=False)
    track = SubtitleTrack(language="de")
    cue = b"WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n"
    track.file.save("de.vtt", ContentFile(cue), save=False)
    version.subtitle_tracks.add(track)
    film.versions.add(version)
    film.save()
    html = FilmBlock().render({"film": film}, context={"request": RequestFactory().get("/")})
    track_url = film.versions.get().subtitle_tracks.get().file.url
    assert f'src="{track_url}"' in html
    return html, track_url


def test_subtitles_from_the_bucket_make_the_video_ask_in_cors_mode(object_storage):
    # Browsers load a <track> from another origin only when the <video> asks
    # in CORS mode (the bucket answering with CORS headers).
    html, track_url = _film_with_subtitles()
    assert track_url.startswith(object_storage.server.url)
    assert '<video class="film__video" controls preload="metadata" crossorigin="anonymous"' in html


def test_subtitles_from_the_sites_own_origin_need_no_cors_mode():
    html, track_url = _film_with_subtitles()
    assert track_url.startswith("/")
    assert "crossorigin" not in html
