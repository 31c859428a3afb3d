"""The bookings of events in the admin: a list per event, exported as CSV or Excel.

Bookings hold visitors' names and e-mail addresses, so an editor sees only
those of events on the sites they edit (campaign.admin_sites), in the list,
its event filter and every view that opens one booking by its URL.
Visitors book and cancel on the site; the admin only reads.
"""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, ModelChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry, register_permission_policy

from campaign.admin_sites import PageScopedObjectMixin, PageScopedPermissionPolicy, within_sites
from campaign.models import Booking, BookingStatus, EventPage


def _events_for(request):
    events = EventPage.objects.order_by("-start")
    condition = None if request is None else within_sites(request.user, "path")
    return events if condition is None else events.filter(condition)


class BookingPermissionPolicy(PageScopedPermissionPolicy):
    page_field = "event"


class BookingFilterSet(WagtailFilterSet):
    event = ModelChoiceFilter(label=_("Veranstaltung"), queryset=_events_for)
    status = ChoiceFilter(label=_("Status"), choices=BookingStatus.choices)

    class Meta:
        model = Booking
        fields = ["event", "status"]


class BookingIndexView(IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("event", "department")
        return self.permission_policy.within_user_sites(self.request.user, queryset)


class BookingInspectView(PageScopedObjectMixin, InspectView):
    pass


class BookingViewSet(ModelViewSet):
    model = Booking
    icon = "date"
    menu_label = _("Anmeldungen")
    add_to_admin_menu = True
    menu_order = 250
    inspect_view_enabled = True
    index_view_class = BookingIndexView
    inspect_view_class = BookingInspectView
    filterset_class = BookingFilterSet
    list_display = ["name", "department", "slot", "status", "event"]
    list_export = ["event", "department", "slot", "name", "email", "status", "created_at"]
    export_filename = "anmeldungen"
    search_fields = ["name", "email"]
    inspect_view_fields = ["event", "department", "slot", "name", "email", "status", "created_at"]
    form_fields = ["status"]

    def on_register(self):
        # Before ModelViewSet registers a default policy for the model.
        if policy_registry.get_by_type(Booking, fallback=False) is None:
            register_permission_policy(Booking, BookingPermissionPolicy(Booking), exact_class=True)
        super().on_register()
