"""StreamField blocks of campaign content, each defined once for every app."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from media_library.blocks import (
    CaptionedImageBlock,
    DocumentListBlock,
    ExternalVideoBlock,
    FilmBlock,
)

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Zitat"))
    speaker = blocks.CharBlock(label=_("Wer sagt das?"))
    role = blocks.CharBlock(label=_("Funktion"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "campaign/blocks/quote_block.html"
        description = _("Ein Zitat mit Person und Funktion, z. B. der Bürgermeisterin.")
        preview_value = {
            "quote": "Wir machen neugierig auf einen Arbeitgeber mit über 80 Berufsfeldern.",
            "speaker": "Stephan von Dassel",
            "role": "Bezirksbürgermeister",
        }


class BodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        template="campaign/blocks/text_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    documents = DocumentListBlock()
    film = FilmBlock()
    external_video = ExternalVideoBlock()
