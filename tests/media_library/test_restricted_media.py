"""Files of restricted collections are never under a public URL.

Images (originals and renditions) and films (versions, subtitle tracks) of a
collection with a view restriction lie outside MEDIA_ROOT; /media/ answers 404
for them, and the checking view serves them only to whoever the restriction
admits, editors of the collection and superusers.
"""

from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.template import engines
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission

from media_library import tasks
from media_library.models import CustomImage, Film, FilmVersion, SubtitleTrack, VersionKind
from tests.media_library import files

pytestmark = pytest.mark.django_db

PNG = files.png_bytes(64, 48)
MP4_HEAD = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 64
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the file moves) when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _restricted(root_collection, name, kind, groups=()):
    collection = root_collection.add_child(name=name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=kind
    )
    restriction.groups.set(groups)
    return collection


@pytest.fixture
def members_only(root_collection):
    return _restricted(root_collection, "Nur Mitglieder", CollectionViewRestriction.LOGIN)


@pytest.fixture
def staff_group(db):
    return Group.objects.create(name="Interne")


@pytest.fixture
def staff_only(root_collection, staff_group):
    return _restricted(
        root_collection, "Intern", CollectionViewRestriction.GROUPS, groups=[staff_group]
    )


@pytest.fixture
def public_collection(root_collection):
    return root_collection.add_child(name="Öffentlich")


@pytest.fixture
def upload(post_image, commit):
    def upload(collection, name="rathaus.png"):
        with commit():
            response = post_image(
                files.upload(name, PNG, "image/png"), collection=collection.pk, title=name
            )
        assert response.status_code == 302
        return CustomImage.objects.get(title=name)

    return upload


@pytest.fixture
def visitor():
    """A browser of its own: `client` is the superuser's once `upload` ran."""
    return Client()


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("mitglied", password="geheim-123456")


def _on_disk(name):
    """Where a stored name lies: ("public"|"restricted"|None)."""
    if name.startswith("restricted/"):
        path = Path(settings.RESTRICTED_MEDIA_ROOT) / name.removeprefix("restricted/")
        return "restricted" if path.exists() else None
    return "public" if (Path(settings.MEDIA_ROOT) / name).exists() else None


def _raw_media_urls(*names):
    """The /media/ addresses someone could guess for these files."""
    return [f"/media/{name.removeprefix('restricted/')}" for name in names] + [
        f"/media/{name}" for name in names
    ]


def _body(response):
    return b"".join(response.streaming_content)


# Uploads into a restricted collection ------------------------------------------------


@pytest.mark.parametrize("restriction", ["members_only", "staff_only"])
def test_an_upload_into_a_restricted_collection_is_not_under_media(
    request, upload, visitor, restriction
):
    image = upload(request.getfixturevalue(restriction))
    rendition = image.get_rendition("fill-32x24")

    for name in (image.file.name, rendition.file.name):
        assert name.startswith("restricted/")
        assert _on_disk(name) == "restricted"
        assert not (Path(settings.MEDIA_ROOT) / name.removeprefix("restricted/")).exists()
    for url in _raw_media_urls(image.file.name, rendition.file.name):
        assert visitor.get(url).status_code == 404, url
    assert rendition.url.startswith("/geschuetzte-medien/images/")
    assert visitor.get(rendition.url).status_code == 404
    assert visitor.get(image.file.url).status_code == 404


def test_members_see_images_of_a_members_only_collection(upload, visitor, member, members_only):
    image = upload(members_only)
    rendition = image.get_rendition("fill-32x24")
    visitor.force_login(member)

    response = visitor.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert _body(response) == Path(rendition.file.path).read_bytes()
    original = visitor.get(image.file.url)
    assert original.status_code == 200
    assert _body(original) == PNG


def test_only_the_group_sees_images_of_a_group_restricted_collection(
    upload, visitor, member, staff_group, staff_only
):
    image = upload(staff_only)
    url = image.get_rendition("max-20x20").url
    visitor.force_login(member)
    assert visitor.get(url).status_code == 404

    member.groups.add(staff_group)
    assert visitor.get(url).status_code == 200


def test_editors_of_the_collection_see_its_images_in_the_admin(
    upload, visitor, django_user_model, staff_only
):
    image = upload(staff_only)
    editors = Group.objects.create(name="Pressestelle Test")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupCollectionPermission.objects.create(
        group=editors,
        collection=staff_only,
        permission=Permission.objects.get(
            codename="choose_image", content_type__app_label="wagtailimages"
        ),
    )
    GroupCollectionPermission.objects.create(
        group=editors,
        collection=staff_only,
        permission=Permission.objects.get(
            codename="change_image", content_type__app_label="wagtailimages"
        ),
    )
    editor = django_user_model.objects.create_user("redakteurin", password="geheim-123456")
    editor.groups.add(editors)
    visitor.force_login(editor)

    listing = visitor.get(reverse("wagtailimages:index"))
    assert listing.status_code == 200
    preview = image.get_rendition("max-165x165")
    assert preview.url in listing.text
    assert visitor.get(preview.url).status_code == 200
    edit = visitor.get(reverse("wagtailimages:edit", args=[image.pk]))
    assert edit.status_code == 200
    assert visitor.get(image.get_rendition("max-800x600").url).status_code == 200


def test_superusers_see_them(upload, admin_client, staff_only):
    image = upload(staff_only)
    assert admin_client.get(image.get_rendition("fill-10x10").url).status_code == 200


# Templates ---------------------------------------------------------------------------


def _render(source, **context):
    return engines["django"].from_string("{% load wagtailimages_tags %}" + source).render(context)


def test_image_and_picture_tags_point_to_the_checking_view(upload, members_only):
    image = upload(members_only)

    html = _render("{% image img fill-32x24 %}", img=image)
    assert 'src="/geschuetzte-medien/images/' in html
    picture = _render("{% picture img format-{avif,webp,png} width-{16,32} %}", img=image)
    assert "/media/" not in picture
    assert picture.count("/geschuetzte-medien/images/") == 7  # 6 in srcsets, 1 src


def test_public_images_stay_under_media_and_cost_no_query(
    upload, visitor, public_collection, django_assert_num_queries
):
    image = upload(public_collection)
    rendition = image.get_rendition("fill-32x24")

    assert not image.file.name.startswith("restricted/")
    with django_assert_num_queries(0):
        url = rendition.url
    assert url == f"/media/{rendition.file.name}"
    response = visitor.get(url)
    assert response.status_code == 200
    assert _body(response) == Path(rendition.file.path).read_bytes()
    # The checking view never serves files of public collections by their public name.
    assert visitor.get(f"/geschuetzte-medien/{rendition.file.name}").status_code == 404


# Moving files when collections or restrictions change --------------------------------


def _names(image):
    image.refresh_from_db()
    return [image.file.name, *image.renditions.values_list("file", flat=True)]


def _edit(admin_client, image, collection):
    data = {
        "title": image.title,
        "description": image.description,
        "credit": image.credit,
        "licence": image.licence,
        "collection": collection.pk,
    }
    return admin_client.post(reverse("wagtailimages:edit", args=[image.pk]), data)


def test_moving_an_image_in_and_out_of_a_restricted_collection_moves_its_files(
    upload, admin_client, visitor, commit, public_collection, members_only
):
    image = upload(public_collection)
    rendition = image.get_rendition("fill-32x24")
    rendition_bytes = Path(rendition.file.path).read_bytes()
    old_urls = [f"/media/{name}" for name in _names(image)]

    with commit():
        assert _edit(admin_client, image, members_only).status_code == 302
    names = _names(image)
    assert all(name.startswith("restricted/") for name in names)
    assert [_on_disk(name) for name in names] == ["restricted", "restricted"]
    for url in old_urls:
        assert visitor.get(url).status_code == 404
    # Wagtail's rendition cache knows the new place at once.
    moved = CustomImage.objects.get(pk=image.pk).get_rendition("fill-32x24")
    assert moved.url.startswith("/geschuetzte-medien/")
    assert Path(moved.file.path).read_bytes() == rendition_bytes

    with commit():
        assert _edit(admin_client, image, public_collection).status_code == 302
    names = _names(image)
    assert not any(name.startswith("restricted/") for name in names)
    assert [_on_disk(name) for name in names] == ["public", "public"]
    assert Path(settings.MEDIA_ROOT, names[0]).read_bytes() == PNG
    assert visitor.get(f"/media/{names[0]}").status_code == 200


def test_restricting_and_opening_a_collection_moves_the_files_of_it_and_below(
    upload, visitor, commit, public_collection
):
    child = public_collection.add_child(name="Unterordner")
    images = [upload(public_collection, "oben.png"), upload(child, "unten.png")]
    for image in images:
        image.get_rendition("width-20")

    with commit():
        restriction = CollectionViewRestriction.objects.create(
            collection=public_collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    for image in images:
        names = _names(image)
        assert [_on_disk(name) for name in names] == ["restricted", "restricted"]
        for url in _raw_media_urls(*names):
            assert visitor.get(url).status_code == 404

    with commit():
        restriction.delete()
    for image in images:
        names = _names(image)
        assert [_on_disk(name) for name in names] == ["public", "public"]
        assert Path(settings.MEDIA_ROOT, names[0]).read_bytes() == PNG


def test_moving_images_in_bulk_moves_their_files(
    upload, admin_client, commit, public_collection, members_only
):
    image = upload(public_collection)
    url = reverse("wagtail_bulk_action", args=("media_library", "customimage", "add_to_collection"))
    with commit():
        response = admin_client.post(
            f"{url}?id={image.pk}&next=/admin/images/", {"collection": members_only.pk}
        )
    assert response.status_code == 302
    assert [_on_disk(name) for name in _names(image)] == ["restricted"]


def test_sync_command_moves_files_of_collections_restricted_before(
    upload, commit, public_collection
):
    image = upload(public_collection)
    # As an installation that restricted the collection before this release:
    # the row changes without the signal that would move the files.
    CollectionViewRestriction.objects.bulk_create(
        [
            CollectionViewRestriction(
                collection=public_collection, restriction_type=CollectionViewRestriction.LOGIN
            )
        ]
    )
    assert _on_disk(_names(image)[0]) == "public"

    call_command("sync_media_privacy", stdout=mock.MagicMock())
    assert [_on_disk(name) for name in _names(image)] == ["restricted"]


# Films -------------------------------------------------------------------------------


def _film(collection):
    film = Film(title="Intern", type="video", collection=collection)
    version = FilmVersion(kind=VersionKind.LONG, sort_order=0)
    version.file.save("intern.mp4", ContentFile(MP4_HEAD), save=False)
    track = SubtitleTrack(language="de")
    track.file.save("intern-de.vtt", ContentFile(VTT), save=False)
    version.subtitle_tracks = [track]
    film.versions.add(version)
    with mock.patch.object(tasks, "ffprobe_available", return_value=False):
        film.save()
    return film


def test_films_and_subtitles_of_a_restricted_collection(commit, visitor, member, members_only):
    with commit():
        film = _film(members_only)
    version = FilmVersion.objects.get(film=film)
    track = version.subtitle_tracks.get()

    for item in (version, track):
        assert _on_disk(item.file.name) == "restricted"
        for url in _raw_media_urls(item.file.name):
            assert visitor.get(url).status_code == 404
        assert visitor.get(item.file.url).status_code == 404
    visitor.force_login(member)
    assert _body(visitor.get(version.file.url)) == MP4_HEAD
    assert _body(visitor.get(track.file.url)) == VTT

    with commit():
        Collection.objects.filter(pk=members_only.pk).first().get_view_restrictions().delete()
    version.refresh_from_db()
    track.refresh_from_db()
    assert _on_disk(version.file.name) == "public"
    assert _on_disk(track.file.name) == "public"
    visitor.logout()
    assert visitor.get(version.file.url).status_code == 200


# Hostile addresses -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/geschuetzte-medien/images/..%2F..%2Fsettings.py",
        "/geschuetzte-medien/images/%2e%2e",
        "/geschuetzte-medien/images/../../etc/passwd",
        "/geschuetzte-medien/original_images/a%2Fb.png",
        "/geschuetzte-medien/original_images/%00.png",
        "/geschuetzte-medien/images/" + "a" * 400 + ".png",
        "/geschuetzte-medien/documents/geheim.pdf",
        "/geschuetzte-medien/12/x.png",
        "/geschuetzte-medien/images/",
        "/geschuetzte-medien/",
        "/media/restricted/original_images/rathaus.png",
        "/media/original_images/..%2F..%2Fmedia-restricted%2Foriginal_images%2Frathaus.png",
        "/media/images/%2e%2e%2fmedia-restricted",
        "/media/images/" + "b" * 400 + ".png",
        "/media/original_images/%00.png",
    ],
)
def test_hostile_paths_get_4xx(upload, visitor, members_only, url):
    upload(members_only)
    response = visitor.get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code)


def test_a_restricted_root_inside_media_root_is_refused(settings):
    from media_library.checks import restricted_root_outside_media_root

    assert restricted_root_outside_media_root(None) == []
    settings.RESTRICTED_MEDIA_ROOT = Path(settings.MEDIA_ROOT) / "geheim"
    assert [error.id for error in restricted_root_outside_media_root(None)] == [
        "media_library.E001"
    ]
