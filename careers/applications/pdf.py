"""What makes an upload an acceptable PDF, decided by its content, not its name.

pypdf parses the file: one it cannot read (or whose pages it cannot find) is
refused, and so are encrypted PDFs (HR could not open them) and PDFs with
JavaScript, launch actions or embedded files. Those are found by their names,
read as a PDF reader reads them, with `#xx` escapes decoded (`/Java#53cript`
is `/JavaScript`): among every object pypdf finds, also inside compressed
object streams, and, for what a lenient parser may read otherwise than a
viewer (a key defined twice), among the names of the raw file outside its
streams' data (compressed image data of an ordinary scan holds `/JS` by
chance).
"""

import io
import re

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from careers.models.applications import MAX_DOCUMENT_BYTES

ACTIVE_CONTENT = frozenset(
    {
        "/JavaScript",
        "/JS",
        "/Launch",
        "/EmbeddedFile",
        "/EmbeddedFiles",
        "/FileAttachment",
        "/RichMedia",
    }
)
# A stream's data ends at `endstream`, a name at whitespace or a delimiter.
STREAM_DATA = re.compile(rb">>\s*stream\r?\n.*?endstream", re.DOTALL)
RAW_NAME = re.compile(rb"/[^\s/<>\[\]()%{}]*")
HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# CVs and scans have hundreds of objects; tens of thousands keep a worker busy for seconds.
MAX_OBJECTS = 20_000


class Unreadable(Exception):
    """pypdf could not read the file, or it has too many objects to check."""


def check_pdf(upload):
    """Raise a German ValidationError unless `upload` is a plain PDF within the size limit.
    Returns its content."""
    name = upload.name
    if upload.size == 0:
        raise ValidationError(_("„%(name)s“ ist leer.") % {"name": name}, code="empty")
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("„%(name)s“ ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s je Datei.")
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_DOCUMENT_BYTES),
            },
            code="too_large",
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    if not content.startswith(b"%PDF-") or b"%%EOF" not in content[-1024:]:
        raise ValidationError(
            _(
                "„%(name)s“ ist keine PDF-Datei (auch wenn sie so heißt). Bitte speichern "
                "oder exportieren Sie Ihre Unterlagen als PDF."
            )
            % {"name": name},
            code="not_pdf",
        )
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        encrypted = reader.is_encrypted
        active = not encrypted and (_names_active_content(content) or _has_active_content(reader))
        if not encrypted and not reader.pages:
            raise Unreadable("no pages")
    except Exception as error:
        # pypdf raises many kinds of errors (and RecursionError) on hostile files.
        raise ValidationError(
            _(
                "„%(name)s“ lässt sich nicht als PDF-Datei lesen, sie ist vielleicht "
                "beschädigt. Bitte speichern oder exportieren Sie Ihre Unterlagen erneut "
                "als PDF (z. B. „Als PDF drucken“)."
            )
            % {"name": name},
            code="unreadable",
        ) from error
    if encrypted:
        raise ValidationError(
            _(
                "„%(name)s“ ist mit einem Kennwort geschützt. Bitte laden Sie die PDF-Datei "
                "ohne Kennwort hoch."
            )
            % {"name": name},
            code="encrypted",
        )
    if active:
        raise ValidationError(
            _(
                "„%(name)s“ enthält Skripte oder eingebettete Dateien. Bitte speichern Sie "
                "sie als einfache PDF-Datei (z. B. „Als PDF drucken“)."
            )
            % {"name": name},
            code="active_content",
        )
    return content


def _names_active_content(content):
    """Whether the file's bytes outside stream data name active content."""
    for match in RAW_NAME.finditer(STREAM_DATA.sub(b">>", content)):
        name = HEX_ESCAPE.sub(lambda escape: bytes([int(escape[1], 16)]), match[0])
        if name.decode("latin-1") in ACTIVE_CONTENT:
            return True
    return False


def _has_active_content(reader):
    """Whether any object of the file, reachable or not, names active content."""
    pending = [reader.trailer]
    # Every object the cross-reference tables list, also those no page refers to.
    for generation, objects in reader.xref.items():
        pending.extend(IndirectObject(number, generation, reader) for number in objects)
    pending.extend(IndirectObject(number, 0, reader) for number in reader.xref_objStm)
    seen = set()
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > MAX_OBJECTS:
                raise Unreadable("too many objects")
            item = item.get_object()
        if isinstance(item, NameObject):
            if item in ACTIVE_CONTENT:
                return True
        elif isinstance(item, DictionaryObject):  # streams too: their dictionary
            # dict's own items: the values unresolved, so each object is visited once.
            for key, value in dict.items(item):
                if key in ACTIVE_CONTENT:
                    return True
                pending.append(value)
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    return False
