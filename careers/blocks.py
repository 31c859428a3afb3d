"""StreamField blocks of careers pages, built from the campaign and media blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from campaign.blocks import QuoteBlock
from media_library.blocks import ExternalVideoBlock, FilmBlock


class InsightsBlock(blocks.StreamBlock):
    """What the work in a job field looks like: campaign films and voices from the team."""

    film = FilmBlock()
    external_video = ExternalVideoBlock()
    testimonial = QuoteBlock(
        label=_("Stimme aus dem Team"),
        help_text=_("Was jemand über die Arbeit in diesem Berufsfeld sagt."),
    )
