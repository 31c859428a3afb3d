"""Admin: testimonials as snippets the press office maintains per site."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign.models import Testimonial


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "group"
    list_display = ["name", "role", "place", "site"]
    list_filter = ["site"]
    search_fields = ["name", "quote"]


register_snippet(TestimonialViewSet)
