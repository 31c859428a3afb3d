"""Every refused upload: a German message and a 4xx, through the admin's own views."""

import pytest
from django.urls import reverse

from media_library.models import CustomDocument, CustomImage
from tests.media_library import files

pytestmark = pytest.mark.django_db


def _bmp_bytes():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "BMP")
    return buffer.getvalue()


def _errors(response):
    form = response.context["form"]
    return " ".join(str(message) for messages in form.errors.values() for message in messages)


def test_a_real_png_with_alt_text_is_saved(post_image):
    response = post_image(files.upload("rathaus.png", files.png_bytes(), "image/png"))

    assert response.status_code == 302
    image = CustomImage.objects.get()
    assert image.licence == "cc-by"
    assert image.description.startswith("Drei Beschäftigte")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bild.png", files.truncated_png(), "beschädigt"),
        ("logo.svg", files.SVG, "SVG-Grafiken"),
        ("logo.png", files.SVG, "SVG-Grafiken"),
        ("bombe.png", files.png_header_only(30_000, 30_000), "zu viele Bildpunkte"),
        (
            "gross.png",
            files.png_header_only(8_000, 6_000),
            "(48.000.000). Erlaubt sind höchstens 40.000.000",
        ),
        ("seite.png", files.HTML, "kein lesbares Bild"),
        ("foto.jpg", _bmp_bytes(), "ist aber ein BMP-Bild"),
        ("foto.bmp", files.png_bytes(), "nicht erlaubt"),
    ],
)
def test_a_bad_image_is_refused_with_a_german_message_and_422(post_image, name, content, expected):
    response = post_image(files.upload(name, content))

    assert response.status_code == 422
    assert expected in _errors(response)
    assert not CustomImage.objects.exists()


def test_too_many_pixels_are_counted_as_germans_write_numbers(post_image):
    response = post_image(files.upload("gross.png", files.png_header_only(8_000, 6_000)))

    assert "(48.000.000)" in _errors(response)
    assert "höchstens 40.000.000." in _errors(response)


def test_a_png_called_jpg_is_accepted_and_saved_as_png(post_image):
    response = post_image(files.upload("foto.jpg", files.png_bytes(), "image/jpeg"))

    assert response.status_code == 302
    assert CustomImage.objects.get().file.name.endswith(".png")


def test_an_image_over_the_size_limit_is_refused(post_image, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = post_image(files.upload("gross.png", files.png_bytes(400, 300) + b"\0" * 2000))

    assert response.status_code == 422
    assert "zu groß" in _errors(response)


def test_alt_text_is_required_unless_the_image_is_decorative(post_image):
    refused = post_image(files.upload("a.png", files.png_bytes(), "image/png"), description="")
    assert refused.status_code == 422
    assert "Alternativtext" in _errors(refused)

    accepted = post_image(
        files.upload("a.png", files.png_bytes(), "image/png"), description="", decorative="on"
    )
    assert accepted.status_code == 302
    assert CustomImage.objects.get().alt_text == ""


def test_the_multiple_uploader_refuses_with_the_german_message(admin_client, root_collection):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": root_collection.pk, "files[]": files.upload("logo.svg", files.SVG)},
    )

    # Wagtail's upload script shows the message only from a 200 answer.
    assert response.json()["success"] is False
    assert "SVG-Grafiken" in response.json()["error_message"]
    assert not CustomImage.objects.exists()


def test_the_multiple_uploader_asks_for_alt_text_before_making_an_image(
    admin_client, root_collection
):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "collection": root_collection.pk,
            "files[]": files.upload("a.png", files.png_bytes(), "image/png"),
        },
    )

    assert response.json()["success"] is True
    assert not CustomImage.objects.exists()  # kept as an upload until the form is complete
    # Its row's button in German (Wagtail's German catalogue keeps "Update").
    assert "Aktualisieren" in response.json()["form"]
    assert "Update" not in response.json()["form"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bericht.pdf", files.pdf_bytes()),
        ("flyer.docx", files.docx_bytes()),
        ("liste.csv", "Name;Ort\nMüller;Wedding\n".encode()),
    ],
)
def test_real_documents_are_saved(post_document, name, content):
    response = post_document(files.upload(name, content))

    assert response.status_code == 302
    assert CustomDocument.objects.get().file_size == len(content)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bericht.pdf", files.HTML, "passt nicht zur Endung .pdf"),
        ("bericht.pdf", files.png_bytes(), "passt nicht zur Endung .pdf"),
        ("flyer.docx", files.pdf_bytes(), "passt nicht zur Endung .docx"),
        ("flyer.docx", files.zip_bomb_bytes(), "entpackt zu groß"),
        ("archiv.zip", files.zip_bomb_bytes(), "entpackt zu groß"),
        ("notiz.txt", files.HTML, "passt nicht zur Endung .txt"),
        ("seite.html", files.HTML, "nicht erlaubt"),
        ("bild.svg", files.SVG, "nicht erlaubt"),
    ],
)
def test_a_bad_document_is_refused_with_a_german_message_and_422(
    post_document, name, content, expected
):
    response = post_document(files.upload(name, content))

    assert response.status_code == 422
    assert expected in _errors(response)
    assert not CustomDocument.objects.exists()


def test_a_document_over_the_size_limit_is_refused(post_document, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    response = post_document(files.upload("bericht.pdf", files.pdf_bytes()))

    assert response.status_code == 422
    assert "zu groß" in _errors(response)
