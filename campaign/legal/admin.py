"""Feedback on barriers in the admin: the editors of a site read its messages,
see by when each needs its answer, and set the status.

Messages hold visitors' names and e-mail addresses, so an editor sees only
those of the sites they edit (campaign.sites.admin_scoping), in the listing, its site
filter and every view that opens one message by its URL. Messages come only
from the form on the site; the admin adds none.
"""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from campaign.models import AccessibilityFeedback, FeedbackStatus
from campaign.sites.admin_scoping import ReadOnlyIntakePermissionPolicy
from campaign.sites.admin_scoping.views import SiteScopedViewSetMixin


class FeedbackFilterSet(WagtailFilterSet):
    status = ChoiceFilter(label=_("Status"), choices=FeedbackStatus.choices)

    class Meta:
        model = AccessibilityFeedback
        fields = ["status", "site"]


class FeedbackIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("site")


class AccessibilityFeedbackViewSet(SiteScopedViewSetMixin, ModelViewSet):
    model = AccessibilityFeedback
    belongs_to = {"via_site": "site"}
    permission_policy_class = ReadOnlyIntakePermissionPolicy
    icon = "help"
    menu_label = _("Rückmeldungen Barrierefreiheit")
    add_to_admin_menu = True
    menu_order = 260
    inspect_view_enabled = True
    index_view_class = FeedbackIndexView
    filterset_class = FeedbackFilterSet
    list_display = ["received_at", "page_path", "status", "reply_due_label", "site"]
    list_export = ["site", "received_at", "page_path", "message", "name", "email", "status"]
    export_filename = "rueckmeldungen-barrierefreiheit"
    search_fields = ["message", "name", "email", "page_path"]
    inspect_view_fields = [
        "site",
        "received_at",
        "reply_due",
        "page_path",
        "message",
        "name",
        "email",
        "status",
        "answered_at",
    ]
    form_fields = ["status"]
