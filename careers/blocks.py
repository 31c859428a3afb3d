"""StreamField blocks of careers pages, built from the campaign and media blocks."""

from wagtail import blocks

from campaign.pages.blocks import QuoteBlock, TestimonialsBlock
from media_library.blocks import ExternalVideoBlock, FilmBlock


class InsightsBlock(blocks.StreamBlock):
    """What the work in a job field looks like: campaign films, the team's
    testimonials (the same snippets campaigns use) and quotes."""

    film = FilmBlock()
    external_video = ExternalVideoBlock()
    testimonials = TestimonialsBlock()
    quote = QuoteBlock()
