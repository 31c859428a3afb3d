"""The press office's list of calendar orders: read, mark as sent, export (CSV, Excel).

Orders hold postal addresses, so an editor sees only those of calendars on the
sites they edit (campaign.sites.admin_scoping), in the list, its filter, the
export and every view that opens one order by its URL. The only change the
admin makes is the status: confirmed orders become sent.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, ModelChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from campaign.calendar_orders.models import CalendarOrder, OrderStatus
from campaign.calendars.models import PhotoCalendarPage
from campaign.sites.admin_scoping import ReadOnlyIntakePermissionPolicy
from campaign.sites.admin_scoping.views import SiteScopedForm, SiteScopedViewSetMixin
from campaign.sites.spreadsheet_export import FormulaSafeExportMixin


class CalendarOrderFilterSet(WagtailFilterSet):
    calendar = ModelChoiceFilter(
        label=_("Kalender"), queryset=PhotoCalendarPage.objects.order_by("-year")
    )
    status = ChoiceFilter(label=_("Status"), choices=OrderStatus.choices)

    class Meta:
        model = CalendarOrder
        fields = ["calendar", "status"]


class CalendarOrderStatusForm(SiteScopedForm):
    """Confirmed or sent: only the visitor's link confirms an order (it counts the stock)."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (status.value, status.label) for status in (OrderStatus.CONFIRMED, OrderStatus.SENT)
        ],
    )

    class Meta:
        model = CalendarOrder
        fields = ["status"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.status == OrderStatus.UNCONFIRMED:
            raise forms.ValidationError(
                _("Diese Bestellung ist noch nicht bestätigt: Erst dann wird sie verschickt.")
            )
        return cleaned


class CalendarOrderIndexView(FormulaSafeExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("calendar")


class CalendarOrderViewSet(SiteScopedViewSetMixin, ModelViewSet):
    model = CalendarOrder
    belongs_to = {"via_page": "calendar"}
    # Orders come only from the form on the site.
    permission_policy_class = ReadOnlyIntakePermissionPolicy
    icon = "calendar-alt"
    menu_label = _("Kalenderbestellungen")
    add_to_admin_menu = True
    menu_order = 260
    inspect_view_enabled = True
    index_view_class = CalendarOrderIndexView
    filterset_class = CalendarOrderFilterSet
    list_display = ["addressee", "quantity", "city", "status", "calendar", "created_at"]
    list_export = [
        "calendar",
        "organisation",
        "name",
        "street",
        "postcode",
        "city",
        "email",
        "quantity",
        "purpose",
        "status",
        "created_at",
        "sent_at",
    ]
    export_filename = "kalenderbestellungen"
    search_fields = ["name", "organisation", "city", "email"]
    inspect_view_fields = [
        "calendar",
        "organisation",
        "name",
        "street",
        "postcode",
        "city",
        "email",
        "quantity",
        "purpose",
        "status",
        "created_at",
        "confirmed_at",
        "sent_at",
        "erased_at",
    ]

    def get_form_class(self, for_update=False):
        return CalendarOrderStatusForm
