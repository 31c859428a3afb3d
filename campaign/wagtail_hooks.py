"""Admin: testimonials and media contacts as snippets the press office maintains per
site, and the bookings of events."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign.models import Booking, MediaContact, Testimonial


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "group"
    list_display = ["name", "role", "place", "site"]
    list_filter = ["site"]
    search_fields = ["name", "quote"]


class MediaContactViewSet(SnippetViewSet):
    model = MediaContact
    icon = "mail"
    list_display = ["office", "person", "email", "site"]
    list_filter = ["site"]
    search_fields = ["office", "person"]


register_snippet(TestimonialViewSet)
register_snippet(MediaContactViewSet)


class BookingViewSet(ModelViewSet):
    """The bookings of events: editors see them per event and export them.

    Visitors book and cancel on the site; here they are only read, so the
    groups get the view permission and nothing else.
    """

    model = Booking
    icon = "date"
    menu_label = _("Anmeldungen")
    add_to_admin_menu = True
    menu_order = 250
    inspect_view_enabled = True
    list_display = ["name", "department", "slot", "status", "event"]
    list_filter = ["event", "status"]
    list_export = ["event", "department", "slot", "name", "email", "status", "created_at"]
    export_filename = "anmeldungen"
    search_fields = ["name", "email"]
    form_fields = ["status"]


@hooks.register("register_admin_viewset")
def register_booking_viewset():
    return BookingViewSet("anmeldungen")
