"""Blocks for media that every app's StreamFields import from here."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
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
