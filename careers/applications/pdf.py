"""What makes an upload an acceptable PDF, decided by its bytes, not its name.

No PDF parser in production: a PDF starts with `%PDF-` and ends with `%%EOF`
(within the last kilobyte, as readers allow). Encrypted PDFs (HR could not
open them) and PDFs with JavaScript, launch actions or embedded files are
refused, found by their names in the file; inside compressed object streams
such names may hide, which the sandboxed, attachment-only download covers.
"""

import re

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from careers.models.applications import MAX_DOCUMENT_BYTES

ACTIVE_CONTENT = re.compile(rb"/(?:JavaScript|JS|Launch|EmbeddedFile|RichMedia)(?![A-Za-z0-9])")
ENCRYPTED = re.compile(rb"/Encrypt(?![A-Za-z0-9])")


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
    if ENCRYPTED.search(content):
        raise ValidationError(
            _(
                "„%(name)s“ ist mit einem Kennwort geschützt. Bitte laden Sie die PDF-Datei "
                "ohne Kennwort hoch."
            )
            % {"name": name},
            code="encrypted",
        )
    if ACTIVE_CONTENT.search(content):
        raise ValidationError(
            _(
                "„%(name)s“ enthält Skripte oder eingebettete Dateien. Bitte speichern Sie "
                "sie als einfache PDF-Datei (z. B. „Als PDF drucken“)."
            )
            % {"name": name},
            code="active_content",
        )
    return content
