"""Admin: testimonials and media contacts as snippets the press office maintains per site."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign.admin_sites import SiteSnippetViewSetMixin
from campaign.models import MediaContact, Testimonial


class TestimonialViewSet(SiteSnippetViewSetMixin, SnippetViewSet):
    model = Testimonial
    icon = "group"
    list_display = ["name", "role", "place", "site"]
    list_filter = ["site"]
    search_fields = ["name", "quote"]


class MediaContactViewSet(SiteSnippetViewSetMixin, SnippetViewSet):
    model = MediaContact
    icon = "mail"
    list_display = ["office", "person", "email", "site"]
    list_filter = ["site"]
    search_fields = ["office", "person"]


register_snippet(TestimonialViewSet)
register_snippet(MediaContactViewSet)
