"""Feedback on barriers in the admin: the editors of a site read its messages,
see by when each needs its answer, and set the status.

Messages hold visitors' names and e-mail addresses, so an editor sees only
those of the sites they edit (campaign.admin_sites), in the listing, its site
filter and every view that opens one message by its URL. Messages come only
from the form on the site; the admin adds none.
"""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry, register_permission_policy

from campaign.admin_sites import (
    SiteFilterSet,
    SitePermissionPolicy,
    SiteScopedObjectMixin,
    for_user,
)
from campaign.models import AccessibilityFeedback, FeedbackStatus


class FeedbackPermissionPolicy(SitePermissionPolicy):
    """Site-scoped like the snippets; nobody adds a message by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


class FeedbackFilterSet(SiteFilterSet):
    status = ChoiceFilter(label=_("Status"), choices=FeedbackStatus.choices)

    class Meta:
        model = AccessibilityFeedback
        fields = ["status", "site"]


class FeedbackIndexView(IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("site")
        return for_user(queryset, self.request.user)


class FeedbackEditView(SiteScopedObjectMixin, EditView):
    pass


class FeedbackInspectView(SiteScopedObjectMixin, InspectView):
    pass


class FeedbackDeleteView(SiteScopedObjectMixin, DeleteView):
    pass


class AccessibilityFeedbackViewSet(ModelViewSet):
    model = AccessibilityFeedback
    icon = "help"
    menu_label = _("Rückmeldungen Barrierefreiheit")
    add_to_admin_menu = True
    menu_order = 260
    inspect_view_enabled = True
    index_view_class = FeedbackIndexView
    edit_view_class = FeedbackEditView
    inspect_view_class = FeedbackInspectView
    delete_view_class = FeedbackDeleteView
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

    def on_register(self):
        # Before ModelViewSet registers a default policy for the model.
        if policy_registry.get_by_type(AccessibilityFeedback, fallback=False) is None:
            register_permission_policy(
                AccessibilityFeedback,
                FeedbackPermissionPolicy(AccessibilityFeedback),
                exact_class=True,
            )
        super().on_register()
