"""Preview links in the admin: the open links of the pages a user edits, with
how often each was opened; add one for a page (also from the page's header
menu), delete one to revoke it.

Who: an editor who may edit the page (Wagtail's page permissions), nobody
else; the listing holds only the pages of the sites the user edits
(campaign.sites.admin_scoping), and the admin's URL guard answers 404 for
another employer's link before any view runs.
"""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy

from campaign.previews.models import PreviewLink
from campaign.sites.admin_scoping import sites_edited_by, within_sites
from campaign.sites.admin_scoping.views import SiteScopedViewSetMixin

# Long enough for a campaign's run-up; a link is meant to be short-lived.
LONGEST_DAYS = 90


def may_edit_page(user, page):
    return user.is_active and page.permissions_for_user(user).can_edit()


class PreviewLinkPermissionPolicy(BasePermissionPolicy):
    """Page permissions, not model permissions: whoever edits a page may show it."""

    def user_has_permission(self, user, action):
        return user.is_active and (user.is_superuser or bool(sites_edited_by(user)))

    def user_has_permission_for_instance(self, user, action, instance):
        return may_edit_page(user, instance.page)

    def instances_user_has_any_permission_for(self, user, actions):
        links = PreviewLink.objects.all()
        condition = within_sites(user, "page__path")
        return links if condition is None else links.filter(condition)


class PreviewLinkForm(WagtailAdminModelForm):
    """Offers the user's pages; refuses a page the user may not edit and a day
    in the past or too far ahead, in German."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].widget = AdminPageChooser()
        condition = within_sites(self.for_user, "path") if self.for_user is not None else None
        if condition is not None:
            self.fields["page"].queryset = Page.objects.filter(condition)
        self.fields["expires_on"].widget = forms.DateInput(attrs={"type": "date"})

    class Meta:
        model = PreviewLink
        fields = ["page", "expires_on", "note"]

    def clean_page(self):
        page = self.cleaned_data["page"].specific_deferred
        if page.is_root() or not page.is_previewable():
            raise forms.ValidationError(_("Für diese Seite gibt es keine Vorschau."))
        if self.for_user is not None and not may_edit_page(self.for_user, page):
            raise forms.ValidationError(
                _("Einen Vorschau-Link dürfen nur Personen anlegen, die diese Seite bearbeiten.")
            )
        return page

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError(_("Das Datum liegt in der Vergangenheit."))
        if (day - today).days > LONGEST_DAYS:
            raise forms.ValidationError(
                _("Ein Vorschau-Link gilt höchstens %(days)d Tage.") % {"days": LONGEST_DAYS}
            )
        return day


class PreviewLinkIndexView(IndexView):
    def get_base_queryset(self):
        # Expired links stay until the daily clean-up; the list shows the open ones.
        return super().get_base_queryset().open().select_related("page")


class PreviewLinkCreateView(CreateView):
    submit_button_label = _("Vorschau-Link erstellen")

    def get_initial(self):
        initial = super().get_initial()
        page_id = self.request.GET.get("page", "")
        if page_id.isdigit():
            initial["page"] = page_id
        initial["expires_on"] = timezone.localdate() + timezone.timedelta(days=14)
        return initial

    def save_instance(self):
        link = self.form.save(commit=False)
        link.created_by = self.request.user
        link.save()
        return link

    def get_success_url(self):
        return reverse(self.index_url_name)

    def get_success_message(self, instance):
        return _("Vorschau-Link angelegt. Kopieren Sie die Adresse aus der Liste.")


class LinkColumn(Column):
    cell_template_name = "campaign/previews/admin/link_cell.html"


class PreviewLinkViewSet(SiteScopedViewSetMixin, ModelViewSet):
    model = PreviewLink
    belongs_to = {"via_page": "page"}
    permission_policy_class = PreviewLinkPermissionPolicy
    icon = "view"
    menu_label = _("Vorschau-Links")
    add_to_admin_menu = True
    menu_order = 260
    index_view_class = PreviewLinkIndexView
    add_view_class = PreviewLinkCreateView
    form_fields = ["page", "expires_on", "note"]
    exclude_form_fields = []
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return PreviewLinkForm

    @property
    def list_display(self):
        return [
            Column("page", label=_("Seite"), accessor="page"),
            LinkColumn("token", label=_("Adresse"), accessor="get_url"),
            Column("expires_on", label=_("Gültig bis")),
            Column("times_opened", label=_("Aufgerufen")),
            Column("note", label=_("Wofür?")),
        ]


def preview_link_header_button(page, user, view_name, next_url=None):
    """ "Vorschau-Link" in the page's header menu, for those who may edit it."""
    if page.is_root() or not may_edit_page(user, page):
        return
    yield MenuItem(
        _("Vorschau-Link erstellen"),
        reverse("previewlink:add") + f"?page={page.pk}",
        icon_name="view",
        priority=64,
    )
