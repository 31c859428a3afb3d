"""The application form of an open posting: what it asks, what it refuses, in German."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from careers.applications.views import RATE_LIMIT
from careers.models import Application, JobPostingPage
from careers.rules import today
from tests.careers.applications.conftest import (
    HOST,
    apply_url,
    hand_written_pdf,
    path_of,
    pdf_with_object_stream,
)
from tests.support import get_with_query_budget


def _post(client, posting, data, files=()):
    return client.post(apply_url(posting), {**data, "documents": list(files)}, HTTP_HOST=HOST)


def _written(writer):
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_open_posting_links_to_its_form_which_informs_before_asking(client, posting):
    page = client.get(path_of(posting), HTTP_HOST=HOST).text
    assert "Jetzt online bewerben" in page
    assert f'href="{apply_url(posting)}"' in page

    form = get_with_query_budget(client, apply_url(posting), host=HOST, max_queries=16).text

    assert "Datenschutzhinweise zu Ihrer Bewerbung" in form
    assert "Landeshauptstadt Düsseldorf" in form  # the controller, from the site's settings
    assert "§ 26 BDSG" in form
    assert "Art. 88 DSGVO" in form
    assert "6 Monate nach Abschluss des Verfahrens" in form
    assert "§ 165 SGB IX" in form
    assert 'type="file"' in form
    assert 'accept="application/pdf,.pdf"' in form
    assert 'enctype="multipart/form-data"' in form
    assert 'name="homepage"' in form


def test_a_closed_posting_refuses_applications_in_german(client, posting, pdf, valid_data):
    JobPostingPage.objects.filter(pk=posting.pk).update(
        application_deadline=today() - datetime.timedelta(days=1)
    )

    page = client.get(path_of(posting), HTTP_HOST=HOST).text
    shown = client.get(apply_url(posting), HTTP_HOST=HOST)
    sent = _post(client, posting, valid_data, [pdf])

    assert "Jetzt online bewerben" not in page
    assert shown.status_code == 410
    assert "Für diese Stelle nehmen wir keine Bewerbungen mehr an." in shown.text
    assert sent.status_code == 410
    assert not Application.objects.exists()


def test_errors_answer_422_keep_what_was_typed_and_ask_for_the_files_again(
    client, posting, valid_data
):
    data = {**valid_data, "email": "keine-adresse", "privacy_consent": ""}

    response = _post(client, posting, data)

    assert response.status_code == 422
    html = response.text
    assert 'role="alert"' in html
    assert 'href="#id_email"' in html
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in html
    assert "Bitte laden Sie Ihre Unterlagen hoch" in html
    assert "Ohne Ihre Einwilligung in die Verarbeitung" in html
    assert "Bitte wählen Sie Ihre PDF-Dateien erneut aus." in html
    assert 'value="Ada"' in html
    assert 'value="Musterweg 1"' in html
    assert "Ich bewerbe mich mit Freude." in html
    assert 'value="keine-adresse"' in html
    assert 'aria-invalid="true"' in html
    assert not Application.objects.exists()


def test_a_renamed_file_that_is_no_pdf_is_refused(client, posting, valid_data, pdf):
    renamed = SimpleUploadedFile("Zeugnis.pdf", b"PK\x03\x04 not a pdf at all" * 10)

    response = _post(client, posting, valid_data, [pdf, renamed])

    assert response.status_code == 422
    assert "„Zeugnis.pdf“ ist keine PDF-Datei (auch wenn sie so heißt)." in response.text
    assert 'value="Muster"' in response.text
    assert not Application.objects.exists()


def test_too_large_too_many_encrypted_or_scripted_pdfs_are_refused(
    client, posting, valid_data, pdf_bytes, settings
):
    big = SimpleUploadedFile("gross.pdf", pdf_bytes + b"0" * (10 * 1024 * 1024) + b"\n%%EOF\n")
    scripted = SimpleUploadedFile(
        "skript.pdf",
        pdf_bytes.replace(
            b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>"
        ),
    )
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes))
    writer.encrypt("Kennwort")
    locked = SimpleUploadedFile("geheim.pdf", _written(writer))
    four = [SimpleUploadedFile(f"{n}.pdf", pdf_bytes) for n in range(4)]

    too_big = _post(client, posting, valid_data, [big]).text
    with_script = _post(client, posting, valid_data, [scripted]).text
    encrypted = _post(client, posting, valid_data, [locked]).text
    too_many = _post(client, posting, valid_data, four).text

    assert "„gross.pdf“ ist zu groß" in too_big
    assert "höchstens 10,0\xa0MB je Datei" in too_big
    assert "„skript.pdf“ enthält Skripte" in with_script
    assert "„geheim.pdf“ ist mit einem Kennwort geschützt" in encrypted
    assert "höchstens 3 PDF-Dateien" in too_many
    assert not Application.objects.exists()


def test_pdfs_are_checked_as_a_reader_reads_them(client, posting, valid_data, pdf_bytes):
    # Names with #xx escapes are the same names to a PDF reader.
    escaped = hand_written_pdf(b"/OpenAction << /S /Java#53cript /J#53 (app.alert(1)) >>")
    launching = hand_written_pdf(b"/OpenAction << /S /Launch /F (C:\\calc.exe) >>")
    # Defined twice: a lenient parser keeps the harmless second, a viewer may run the first.
    twice = hand_written_pdf(b"/OpenAction << /S /Launch /F (calc) >> /OpenAction [3 0 R /Fit]")
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes))
    writer.add_attachment("rechnung.exe", b"MZ")
    attached = _written(writer)
    # Compressed in an object stream: no trace of it in the file's bytes.
    hidden = pdf_with_object_stream(b"<< /S /JavaScript /JS (app.alert(1)) >>")
    harmless = pdf_with_object_stream(b"<< /S /GoTo /D [3 0 R /Fit] >>")
    broken = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog\n%%EOF\n"
    # Image data of a scan that holds "/JS" by chance is no script.
    pixels = b"\x00\x17/JS /Launch\xfe" * 200
    scan = hand_written_pdf(b"", b"<< /Length %d >>\nstream\n%s\nendstream" % (len(pixels), pixels))
    refused = {
        "escaped.pdf": (escaped, "enthält Skripte oder eingebettete Dateien"),
        "launch.pdf": (launching, "enthält Skripte oder eingebettete Dateien"),
        "twice.pdf": (twice, "enthält Skripte oder eingebettete Dateien"),
        "anhang.pdf": (attached, "enthält Skripte oder eingebettete Dateien"),
        "versteckt.pdf": (hidden, "enthält Skripte oder eingebettete Dateien"),
        "kaputt.pdf": (broken, "lässt sich nicht als PDF-Datei lesen"),
    }

    for name, (content, message) in refused.items():
        response = _post(client, posting, valid_data, [SimpleUploadedFile(name, content)])
        assert response.status_code == 422, name
        assert f"„{name}“ {message}" in response.text
    accepted = _post(
        client,
        posting,
        valid_data,
        [
            SimpleUploadedFile("plain.pdf", hand_written_pdf()),
            SimpleUploadedFile("scan.pdf", scan),
            SimpleUploadedFile("komprimiert.pdf", harmless),
        ],
    )

    assert accepted.status_code == 303
    assert Application.objects.get().documents.count() == 3


def test_the_honeypot_thanks_bots_and_stores_nothing(client, posting, valid_data, pdf):
    response = _post(client, posting, {**valid_data, "homepage": "http://spam.example"}, [pdf])

    assert response.status_code == 303
    assert not Application.objects.exists()


def test_past_the_rate_limit_429_keeps_the_typed_values(client, posting, valid_data, pdf):
    for _attempt in range(RATE_LIMIT.limit):
        _post(client, posting, {**valid_data, "homepage": "bot"}, [pdf])

    response = _post(client, posting, valid_data, [pdf])

    assert response.status_code == 429
    assert "viele Bewerbungen" in response.text
    assert 'value="Ada"' in response.text
    assert not Application.objects.exists()
