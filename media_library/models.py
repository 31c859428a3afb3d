"""The project's own image and document models.

Swapping Wagtail's image or document model after the first migration is
painful, so they exist from the start; the media library issue grows them
(licence, usage rights, file language, films).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition


class CustomImage(AbstractImage):
    credit = models.CharField(
        _("Bildnachweis"),
        max_length=255,
        blank=True,
        help_text=_("Fotografin oder Fotograf bzw. Quelle, z. B. „Foto: Stefan Arend“."),
    )
    # Alt text lives in Wagtail's own `description` field (used by {% image %}).
    admin_form_fields = (
        "title",
        "file",
        "description",
        "credit",
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")
        permissions = [("choose_image", "Can choose image")]


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


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
