"""Blocks for media that every app's StreamFields import from here."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text (or marked decorative), caption and its credit."""

    image = ImageBlock(label=_("Bild"))
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "media_library/blocks/captioned_image_block.html"
        description = _("Ein Bild mit Bildunterschrift; der Bildnachweis kommt aus der Mediathek.")


class DocumentListBlock(blocks.StructBlock):
    """Downloads, each with file type, size and language beside the link (BITV)."""

    heading = blocks.CharBlock(label=_("Überschrift"), required=False)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Dokument")), label=_("Dokumente"))

    class Meta:
        icon = "doc-full"
        label = _("Downloads")
        template = "media_library/blocks/document_list_block.html"
        description = _("Eine Liste von Dokumenten mit Dateityp, Größe und Sprache.")
