"""StreamField blocks of campaign content, each defined once for every app."""

from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.coreutils import resolve_model_string
from wagtail.snippets.blocks import SnippetChooserBlock

from campaign.sites.linked_page_types import CALL_TO_ACTION, linked_page_types
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


class TestimonialChooserBlock(SnippetChooserBlock):
    """Chooses a testimonial and loads its photo and film with it, for all blocks at once."""

    def __init__(self, **kwargs):
        super().__init__("campaign.Testimonial", **kwargs)

    def bulk_to_python(self, values):
        from media_library.models import CustomImage

        testimonials = (
            self.model_class.objects.filter(pk__in=[v for v in values if v])
            .select_related("film")
            .prefetch_related(Prefetch("photo", CustomImage.objects.prefetch_renditions()))
        )
        by_pk = {t.pk: t for t in testimonials}
        return [by_pk.get(value) for value in values]


class TestimonialsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), required=False)
    testimonials = blocks.ListBlock(
        TestimonialChooserBlock(label=_("Stimme")), label=_("Stimmen aus dem Team")
    )

    class Meta:
        icon = "group"
        label = _("Stimmen aus dem Team")
        template = "campaign/blocks/testimonials_block.html"
        description = _("Menschen, die hier arbeiten, erzählen – mit Foto und Zitat.")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Zahl"), max_length=20, help_text=_("z. B. „80+“"))
    label = blocks.CharBlock(label=_("Bedeutung"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), required=False)
    figures = blocks.ListBlock(KeyFigureBlock(label=_("Kennzahl")), min_num=1, max_num=6)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The list's label is set here rather than declared, which would rewrite
        # the migrations of every page with a body for a word in the admin.
        self.child_blocks["figures"].label = _("Kennzahlen")

    class Meta:
        icon = "table"
        label = _("Kennzahlen")
        template = "campaign/blocks/key_figures_block.html"
        description = _("Bis zu sechs Zahlen mit ihrer Bedeutung, z. B. „3.222 Beschäftigte“.")


class FundingNoticeBlock(blocks.StructBlock):
    """Who pays: funders ask for their programme to be named (seed 000)."""

    programme = blocks.CharBlock(label=_("Förderprogramm"))
    funder = blocks.CharBlock(label=_("Fördermittelgeber"))
    link = blocks.URLBlock(label=_("Link zum Programm"), required=False)

    class Meta:
        icon = "pick"
        label = _("Förderhinweis")
        template = "campaign/blocks/funding_notice_block.html"


class SocialLinksBlock(blocks.StaticBlock):
    """The employer's social media accounts, from the site settings: kept in one place."""

    class Meta:
        icon = "site"
        label = _("Social-Media-Kanäle")
        admin_text = _("Zeigt die Social-Media-Kanäle aus den Einstellungen des Arbeitgebers.")
        template = "campaign/blocks/social_links_block.html"


class LinkedPageChooserBlock(blocks.PageChooserBlock):
    """A page chooser for the page types the installed apps register for `purpose`
    (campaign.sites.linked_page_types).

    Migrations keep the purpose, not the page types: they name no other app's
    models and load whether those apps are installed or not.
    """

    def __init__(self, purpose, **kwargs):
        self.purpose = purpose
        super().__init__(**kwargs)

    @cached_property
    def target_models(self):
        return [resolve_model_string(page_type) for page_type in linked_page_types(self.purpose)]


class CallToActionBlock(blocks.StructBlock):
    """Leads from the campaign into the job fields and postings."""

    heading = blocks.CharBlock(label=_("Überschrift"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = LinkedPageChooserBlock(purpose=CALL_TO_ACTION, label=_("Ziel"))
    link_text = blocks.CharBlock(label=_("Beschriftung des Links"))

    class Meta:
        icon = "arrow-right"
        label = _("Handlungsaufforderung")
        template = "campaign/blocks/call_to_action_block.html"


class CampaignBlock(BodyBlock):
    testimonials = TestimonialsBlock()
    key_figures = KeyFiguresBlock()
    funding = FundingNoticeBlock()
    social_links = SocialLinksBlock()
    call_to_action = CallToActionBlock()
