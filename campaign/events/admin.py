"""The bookings of events in the admin: a list per event, exported as CSV or Excel.

Bookings hold visitors' names and e-mail addresses, so an editor sees only
those of events on the sites they edit (campaign.sites.admin_scoping), in the list,
its event filter and every view that opens one booking by its URL.
Visitors book and cancel on the site; the admin only reads.
"""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, ModelChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from campaign.models import Booking, BookingStatus, EventPage
from campaign.sites.admin_scoping.views import SiteScopedViewSetMixin
from campaign.sites.spreadsheet_export import FormulaSafeExportMixin


class BookingFilterSet(WagtailFilterSet):
    event = ModelChoiceFilter(
        label=_("Veranstaltung"), queryset=EventPage.objects.order_by("-start")
    )
    status = ChoiceFilter(label=_("Status"), choices=BookingStatus.choices)

    class Meta:
        model = Booking
        fields = ["event", "status"]


class BookingIndexView(FormulaSafeExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event", "department")


class BookingViewSet(SiteScopedViewSetMixin, ModelViewSet):
    model = Booking
    belongs_to = {"via_page": "event"}
    icon = "date"
    menu_label = _("Anmeldungen")
    add_to_admin_menu = True
    menu_order = 250
    inspect_view_enabled = True
    index_view_class = BookingIndexView
    filterset_class = BookingFilterSet
    list_display = ["name", "department", "slot", "status", "event"]
    list_export = ["event", "department", "slot", "name", "email", "status", "created_at"]
    export_filename = "anmeldungen"
    search_fields = ["name", "email"]
    inspect_view_fields = ["event", "department", "slot", "name", "email", "status", "created_at"]
    form_fields = ["status"]
