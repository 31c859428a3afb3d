"""Kiosk links in the admin: the press office or HR create one for an event of
their site and open it on the tablet; the list and the detail view show the link.

Scoped like bookings (campaign.sites.admin_scoping): an editor sees, chooses
and opens only kiosks of events on the sites they edit; deleting a kiosk ends
its link at once. The counts and applications stay with the event.
"""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from campaign.models import EventKiosk
from campaign.sites.admin_scoping.views import SiteScopedViewSetMixin
from careers.kiosk import services

LINK_LABEL = _("Link für das Tablet")


def kiosk_url(kiosk):
    path = reverse("kiosk_start", kwargs={"token": services.kiosk_token(kiosk)})
    return kiosk.event.get_site().root_url + path


def _link(kiosk):
    url = kiosk_url(kiosk)
    return format_html('<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>', url, url)


class KioskInspectView(InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "link":
            return LINK_LABEL
        return super().get_field_label(field_name, field)

    def get_link_display_value(self):
        return _link(self.object)


class EventKioskViewSet(SiteScopedViewSetMixin, ModelViewSet):
    model = EventKiosk
    belongs_to = {"via_page": "event"}
    icon = "tablet-alt"
    menu_label = _("Kiosks")
    add_to_admin_menu = True
    menu_order = 255
    url_prefix = "kiosks"
    name = "kiosks"
    inspect_view_enabled = True
    inspect_view_class = KioskInspectView
    list_display = [
        "label",
        "event",
        "valid_until",
        Column("link", label=LINK_LABEL, accessor=_link),
    ]
    list_filter = ["event"]
    # Panels, not form_fields: the form is then the scoped one, whose event
    # choice holds only the user's sites (campaign.sites.admin_scoping.views).
    panels = [FieldPanel("event"), FieldPanel("label"), FieldPanel("valid_until")]
    inspect_view_fields = ["event", "label", "valid_until", "created_at", "link"]
