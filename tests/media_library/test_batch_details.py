"""media_library/batch.py: title pattern, credit, licence and usage rights set once for a
batch of images, alt text per image, within the editor's own employer only."""

import datetime
from urllib.parse import urlencode

import pytest
from wagtail.models import Site

from campaign.sites.roles import PRESS_OFFICE, site_collection
from media_library.factories import ImageFactory
from media_library.models import CustomImage
from tests.support import site_editor

pytestmark = pytest.mark.django_db

ESSEN, MITTE = "jobcenter-essen.localhost", "mitte.localhost"
BULK = "/admin/bulk/media_library/customimage/set_details/"


def _images(hostname, count, **kwargs):
    collection = site_collection(Site.objects.get(hostname=hostname))
    return [
        ImageFactory(collection=collection, title=f"IMG_{number:04d}", credit="", **kwargs)
        for number in range(1, count + 1)
    ]


def _url(images, **extra):
    return f"{BULK}?{urlencode([*(('id', image.pk) for image in images), *extra.items()])}"


@pytest.fixture
def press_essen(client, demo_sites):
    client.force_login(site_editor(ESSEN, PRESS_OFFICE))
    return client


def _details(images, **fields):
    data = {"title_pattern": "", "credit": "", "licence": "", "source": ""}
    data["usage_rights_until"] = ""
    data.update({f"alt_text_{image.pk}": image.description for image in images})
    data.update(fields)
    return data


def test_the_form_asks_once_for_the_batch_and_for_each_alt_text(press_essen):
    images = _images(ESSEN, 3)

    response = press_essen.get(_url(images))

    assert response.status_code == 200
    html = response.text
    assert html.count('name="credit"') == 1
    assert html.count('name="title_pattern"') == 1
    for image in images:
        assert f'name="alt_text_{image.pk}"' in html
        assert f"Alternativtext für „{image.title}“" in html
    # The calendar offers to go on with the same images.
    assert 'name="then" value="calendar_motifs"' in html


def test_credit_licence_rights_and_numbered_titles_are_set_for_all(press_essen):
    images = _images(ESSEN, 12)
    data = _details(
        images,
        title_pattern="Kalender 2019 – {n}",
        credit="Foto: Stefan Arend",
        licence="cc-by",
        usage_rights_until="2030-12-31",
    )
    data[f"alt_text_{images[4].pk}"] = "Ein Koch schneidet Gemüse"

    response = press_essen.post(_url(images, next="/admin/images/"), data, follow=True)

    assert response.redirect_chain[-1][0] == "/admin/images/"
    assert "Die Angaben von 12 Bildern wurden gesetzt." in response.text
    for number, image in enumerate(images, start=1):
        image.refresh_from_db()
        assert image.title == f"Kalender 2019 – {number}"  # in the order of the upload
        assert image.credit == "Foto: Stefan Arend"
        assert image.licence == "cc-by"
        assert image.usage_rights_until == datetime.date(2030, 12, 31)
    assert images[4].description == "Ein Koch schneidet Gemüse"
    assert images[5].description.startswith("Beispielbild")  # left as it was


def test_empty_fields_change_nothing_and_it_says_so(press_essen):
    images = _images(ESSEN, 2, licence="cc0", source="Archiv")

    response = press_essen.post(_url(images, next="/admin/images/"), _details(images), follow=True)

    assert "Nichts geändert" in response.text
    for image in images:
        image.refresh_from_db()
        assert (image.licence, image.source, image.title[:4]) == ("cc0", "Archiv", "IMG_")


def test_a_pattern_without_number_is_refused_with_a_german_message(press_essen):
    images = _images(ESSEN, 3)

    response = press_essen.post(_url(images), _details(images, title_pattern="Kalender 2019"))

    assert response.status_code == 200
    assert "Bitte nehmen Sie „{n}“ in das Muster auf" in response.text
    assert "alle 3 Bilder denselben Titel" in response.text
    images[0].refresh_from_db()
    assert images[0].title == "IMG_0001"


def test_another_employers_images_are_not_found_and_stay_unchanged(press_essen):
    own = _images(ESSEN, 1)
    foreign = _images(MITTE, 1)
    data = _details([*own, *foreign], credit="Foto: Eindringling")

    assert press_essen.get(_url(foreign)).status_code == 404
    assert press_essen.post(_url([*own, *foreign]), data).status_code == 404
    # "All in the listing" reaches the editor's own collection only.
    response = press_essen.post(f"{BULK}?id=all", {"credit": "Foto: Alle", "licence": ""})

    assert response.status_code == 302
    foreign[0].refresh_from_db()
    own[0].refresh_from_db()
    assert foreign[0].credit == ""
    assert own[0].credit == "Foto: Alle"


def test_save_and_go_on_to_the_calendar_with_the_same_images(press_essen):
    images = _images(ESSEN, 2)

    response = press_essen.post(
        _url(images, next="/admin/images/"),
        _details(images, credit="Foto: Bernd Schaller", then="calendar_motifs"),
    )

    assert response.status_code == 302
    target = response["Location"]
    assert target.startswith("/admin/bulk/media_library/customimage/calendar_motifs/?")
    assert all(f"id={image.pk}" in target for image in images)


# The multiple uploader's batch: its uploads become images at once

UPLOADS = "/admin/images/multiple/angaben/"


def _upload(client, name, colour):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import UploadedFile

    from tests.media_library import files

    response = client.post(
        "/admin/images/multiple/add/",
        {
            "collection": site_collection(Site.objects.get(hostname=ESSEN)).pk,
            "title": name,
            "files[]": files.upload(f"{name}.png", files.png_bytes(colour=colour), "image/png"),
        },
    )
    assert response.json()["success"] is True
    kind = ContentType.objects.get_for_model(CustomImage)
    return UploadedFile.objects.filter(for_content_type=kind).latest("pk")


def _uploads_url(uploads, images=()):
    query = [*(("upload", u.pk) for u in uploads), *(("image", i.pk) for i in images)]
    return f"{UPLOADS}?{urlencode([*query, ('next', '/admin/images/')])}"


def test_twelve_uploads_become_images_with_the_details_set_once(press_essen):
    uploads = [_upload(press_essen, f"was-geht-{n:02d}", (20 * n, 0, 0)) for n in range(1, 13)]
    form = press_essen.get(_uploads_url(uploads))
    assert form.status_code == 200
    assert "Alternativtext für „was-geht-01“" in form.text
    data = _details([], title_pattern="Kalender 2019 – {n}", credit="Foto: Stefan Arend")
    data["licence"] = "cc-by"
    data["collection"] = site_collection(Site.objects.get(hostname=ESSEN)).pk
    data.update({f"alt_text_u{u.pk}": f"Motiv {n}" for n, u in enumerate(uploads, start=1)})

    response = press_essen.post(_uploads_url(uploads), data, follow=True)

    assert "12 Bilder mit ihren Angaben gespeichert." in response.text
    images = list(CustomImage.objects.filter(title__startswith="Kalender 2019").order_by("pk"))
    assert [image.title for image in images] == [f"Kalender 2019 – {n}" for n in range(1, 13)]
    assert [image.description for image in images] == [f"Motiv {n}" for n in range(1, 13)]
    assert {(image.credit, image.licence) for image in images} == {("Foto: Stefan Arend", "cc-by")}
    essen_collection = site_collection(Site.objects.get(hostname=ESSEN))
    assert {image.collection_id for image in images} == {essen_collection.pk}
    assert all(image.width and image.file_size for image in images)


def test_an_upload_without_alt_text_stays_an_upload_and_says_why(press_essen):
    uploads = [_upload(press_essen, f"bild-{n}", (0, 30 * n, 0)) for n in (1, 2)]
    data = _details([], credit="Foto: Stefan Arend")
    data[f"alt_text_u{uploads[0].pk}"] = "Ein Beratungsgespräch"

    response = press_essen.post(_uploads_url(uploads), data)

    assert response.status_code == 422
    assert "Bitte beschreiben Sie, was auf dem Bild zu sehen ist" in response.text
    assert not CustomImage.objects.filter(title__startswith="bild-").exists()


def test_another_users_uploads_and_another_employers_images_are_not_found(press_essen, client):
    from django.test import Client

    other = Client()
    other.force_login(site_editor(ESSEN, PRESS_OFFICE, "presse-essen-2"))
    theirs = _upload(other, "fremd", (0, 0, 90))
    foreign = _images(MITTE, 1)

    assert press_essen.get(_uploads_url([theirs])).status_code == 404
    assert press_essen.get(_uploads_url([], foreign)).status_code == 404
    assert press_essen.get(f"{UPLOADS}?upload=x").status_code == 404


def test_the_image_listing_offers_both_batch_actions_in_german(press_essen):
    _images(ESSEN, 1)

    html = press_essen.get("/admin/images/").text

    assert "Angaben für alle setzen" in html
    assert "Als Kalendermotive verwenden" in html
    # The multiple uploader's link comes with every admin page's scripts.
    assert "media_library/js/batch-details.js" in html
    assert 'data-url="/admin/images/multiple/angaben/"' in html
