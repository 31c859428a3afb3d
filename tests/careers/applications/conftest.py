"""Fixtures of the application tests: an open posting of the Düsseldorf demo, real PDFs,
the people who may or may not see applications."""

import random
import struct
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF
from PIL import Image
from wagtail.models import Site

from campaign.sites.roles import group_name
from careers.models import JobPostingPage

HOST = "duesseldorf.localhost"
OTHER_HOST = "mitte.localhost"


def make_pdf(text="Lebenslauf Ada Muster"):
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text=text)
    return bytes(document.output())


def make_large_pdf(megabytes=3):
    """A real PDF of about `megabytes`: a scan-like page of noise, which no filter shrinks."""
    side = int((megabytes * 1024 * 1024 / 3) ** 0.5)
    pixels = random.Random(megabytes).randbytes(side * side * 3)  # the same file each run
    noise = Image.frombytes("RGB", (side, side), pixels)
    document = FPDF()
    document.add_page()
    document.image(noise, x=10, y=10, w=100)
    return bytes(document.output())


def hand_written_pdf(catalog_entries=b"", *extra_objects):
    """A one-page PDF written byte by byte (objects 4, 5, … are `extra_objects`), with a
    correct cross-reference table: what a hostile applicant can send."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_entries + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        *extra_objects,
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % table
    return bytes(out)


def pdf_with_object_stream(open_action):
    """A PDF 1.5+ whose objects, `open_action` among them, lie in a compressed object
    stream, found through a cross-reference stream: nothing readable in its bytes."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        open_action,
    ]
    offsets, body = [], b""
    for content in objects:
        offsets.append(len(body))
        body += content + b"\n"
    index = b" ".join(b"%d %d" % pair for pair in enumerate(offsets, start=1)) + b"\n"
    packed = zlib.compress(index + body)
    out = bytearray(b"%PDF-1.7\n")
    stream_at = len(out)
    out += b"5 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\n" % (
        len(objects),
        len(index),
        len(packed),
    )
    out += b"stream\n" + packed + b"\nendstream\nendobj\n"
    table_at = len(out)
    # Cross-reference rows: type (0 free, 1 at an offset, 2 in object stream 5), field, field.
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    rows += [struct.pack(">BIH", 2, 5, number) for number in range(len(objects))]
    rows += [struct.pack(">BIH", 1, stream_at, 0), struct.pack(">BIH", 1, table_at, 0)]
    table = b"".join(rows)
    out += b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\n" % len(table)
    out += b"stream\n" + table + b"\nendstream\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % table_at
    return bytes(out)


@pytest.fixture(scope="session")
def pdf_bytes():
    return make_pdf()


@pytest.fixture
def pdf(pdf_bytes):
    return SimpleUploadedFile("Lebenslauf Ada.pdf", pdf_bytes, content_type="application/pdf")


@pytest.fixture
def posting(demo_sites):
    site = Site.objects.get(hostname=HOST)
    return JobPostingPage.objects.descendant_of(site.root_page).live().open().first()


@pytest.fixture
def valid_data():
    return {
        "salutation": "frau",
        "first_name": "Ada",
        "last_name": "Muster",
        "email": "ada@example.org",
        "phone": "0211 123456",
        "street": "Musterweg 1",
        "postal_code": "40213",
        "city": "Düsseldorf",
        "message": "Ich bewerbe mich mit Freude.",
        "severe_disability": "on",
        "privacy_consent": "on",
    }


def path_of(page):
    return page.get_url_parts()[2]


def apply_url(posting):
    return path_of(posting) + "bewerben/"


def user_in(hostname, role, username=None):
    user = get_user_model().objects.create_user(
        username=username or f"{role}-{hostname}", password="x"
    )
    user.groups.add(Group.objects.get(name=group_name(Site.objects.get(hostname=hostname), role)))
    return user


@pytest.fixture(autouse=True)
def _own_files_root(settings, tmp_path):
    # Each test's rows are rolled back; its files are not, so each gets its own folder.
    settings.APPLICATION_FILES_ROOT = tmp_path / "applications"
