"""Documents: labels next to every link, served only as downloads through the serve view."""

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings

from media_library.factories import DocumentFactory
from media_library.filesize import format_file_size
from tests.media_library import files

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (0, "0 Byte"),
        (999, "999 Byte"),
        (1536, "1,5 KB"),
        (1_258_291, "1,2 MB"),
        (3 * 1024**3, "3,0 GB"),
    ],
)
def test_file_sizes_read_the_german_way(size, expected):
    assert format_file_size(size) == expected


def _pdf_document(**fields):
    document = DocumentFactory(file=ContentFile(files.pdf_bytes(), name="bericht.pdf"), **fields)
    document._set_document_file_metadata()
    document.save()
    return document


def test_a_document_names_type_size_and_language():
    document = _pdf_document(language="en")

    assert document.type_label == "PDF"
    assert document.size_label.endswith("Byte")
    assert document.language_label == "Englisch"


def test_documents_are_downloads_with_a_strict_policy(client):
    document = _pdf_document()

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_raw_media_url_of_a_document_is_not_served(client, settings):
    document = _pdf_document()

    assert document.file.url.startswith("/media/documents/")
    assert client.get(document.file.url).status_code == 404


@override_settings(SERVE_IMAGES=True)
def test_images_are_still_served_from_media(client):
    from media_library.factories import ImageFactory

    image = ImageFactory()

    assert client.get(image.file.url).status_code == 200


def test_the_document_list_block_labels_every_link(client, demo_sites):
    from campaign.factories import StandardPageFactory
    from campaign.models import HomePage

    german = _pdf_document(title="Broschüre Ausbildung", language="de")
    english = _pdf_document(title="Brochure apprenticeships", language="en")
    page = StandardPageFactory(
        parent=HomePage.objects.get(slug="mitte"),
        title="Downloads",
        slug="downloads",
        body=[("documents", {"heading": "Zum Mitnehmen", "documents": [german, english]})],
    )
    page.save_revision().publish()

    html = client.get("/downloads/", HTTP_HOST="mitte.localhost").text

    assert "Zum Mitnehmen" in html
    assert f'href="{german.url}" download>Broschüre Ausbildung</a>' in html
    assert f'href="{english.url}" download hreflang="en">Brochure apprenticeships</a>' in html
    assert f"(PDF, {german.size_label}, Deutsch)" in html
    assert f"(PDF, {english.size_label}, Englisch)" in html
