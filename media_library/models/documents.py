"""The project's document model: every download link says type, size and language."""

import os

from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument

from media_library.filesize import format_file_size

# What a visitor reads next to a link, by file extension (BITV: type and size).
TYPE_LABELS = {
    "csv": "CSV",
    "docx": "Word",
    "odt": "ODT",
    "pdf": "PDF",
    "pptx": "PowerPoint",
    "rtf": "RTF",
    "txt": _("Text"),
    "xlsx": "Excel",
    "zip": "ZIP",
}


class CustomDocument(AbstractDocument):
    language = models.CharField(
        _("Sprache"),
        max_length=8,
        default="de",
        help_text=_("Sprache des Dokuments, wird neben dem Download-Link angezeigt."),
    )

    admin_form_fields = ("title", "file", "language", "collection", "tags")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        permissions = [("choose_document", "Can choose document")]

    @property
    def type_label(self):
        extension = os.path.splitext(self.file.name)[1].lower().lstrip(".")
        return TYPE_LABELS.get(extension, extension.upper())

    @property
    def size_label(self):
        return format_file_size(self.file_size) if self.file_size is not None else ""

    @property
    def language_label(self):
        try:
            return get_language_info(self.language)["name_translated"]
        except KeyError:
            return self.language
