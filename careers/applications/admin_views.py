"""Applications in the Wagtail admin: HR of a site lists, reads, exports them and
sets their status; the documents download decrypted, never from a public URL.

Who sees what: the permission `careers.view_application` (the site's
*Personal* group has it, campaign/sites/roles.py; `change_application` for the
status) and, on every view that lists or opens applicant data, only the
postings on the sites whose pages the user edits (campaign.sites.admin_scoping).
Superusers see all. Anyone else who guesses an address gets a 404, never a
403, so the existence of an application is not confirmed.
"""

import logging

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, ModelChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from campaign.sites.admin_scoping import ReadOnlyIntakePermissionPolicy
from campaign.sites.admin_scoping.views import SiteScopedChooseMixin, SiteScopedViewSetMixin
from campaign.sites.staff_security.second_factor import needs_second_factor
from careers.applications import storage
from careers.models import Application, ApplicationDocument, ApplicationStatus, JobPostingPage
from careers.models.applications import APPLICANT_FIELDS

logger = logging.getLogger("careers.applications")


def _policy():
    return policy_registry.get_by_type(Application)


class PostingChoiceMixin(SiteScopedChooseMixin):
    """The postings of the user's sites, a page at a time, searchable by title."""

    ordering = ["title", "pk"]
    per_page = 20
    i18n_enabled = False  # postings are German; no locale column or filter

    @property
    def columns(self):
        return [
            *super().columns,
            Column("reference", label=_("Kennziffer")),
            Column("application_deadline", label=_("Bewerbungsfrist")),
        ]


class PostingChooseView(PostingChoiceMixin, ChooseView):
    pass


class PostingChooseResultsView(PostingChoiceMixin, ChooseResultsView):
    pass


class PostingChooserViewSet(ChooserViewSet):
    """The applications' posting filter chooses here instead of from a <select>
    of every posting. Another site's posting opened by its id answers 404 (the
    admin's URL guard, campaign.sites.admin_scoping.guard)."""

    model = JobPostingPage
    icon = "doc-full"
    choose_one_text = _("Stellenangebot wählen")
    choose_another_text = _("Anderes Stellenangebot wählen")
    choose_view_class = PostingChooseView
    choose_results_view_class = PostingChooseResultsView
    # Only the filter uses it; page forms keep their own choosers.
    register_widget = False


posting_chooser = PostingChooserViewSet("application_posting_chooser", url_prefix="stellenauswahl")


class ScopedPostingChooser(posting_chooser.widget_class):
    """Shows the chosen posting only when the filter's choices (the user's sites,
    campaign.sites.admin_scoping.views.scope_choices) hold it: an id of another
    employer's posting in the address names nothing."""

    show_edit_link = False

    def get_instance(self, value):
        if value is None or isinstance(value, JobPostingPage):
            return value
        queryset = getattr(getattr(self, "choices", None), "queryset", None)
        if queryset is None:
            return None
        try:
            return queryset.filter(pk=value).first()
        except (ValueError, TypeError, ValidationError):
            return None


class ApplicationFilterSet(WagtailFilterSet):
    # A chooser, not a <select>: an employer has thousands of postings.
    posting = ModelChoiceFilter(
        label=_("Stellenangebot"),
        queryset=JobPostingPage.objects.all(),
        widget=ScopedPostingChooser,
    )
    status = ChoiceFilter(label=_("Status"), choices=ApplicationStatus.choices)

    class Meta:
        model = Application
        fields = ["posting", "status"]


class ApplicationIndexView(IndexView):
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("posting")


class ApplicationInspectView(InspectView):
    template_name = "careers/applications/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["documents"] = [
            (document, reverse("application_document", args=[document.pk]))
            for document in self.object.documents.all()
        ]
        return context


def download(request, document_id):
    """One document, decrypted; 404 for anyone but HR of the posting's site (and
    superusers) who has passed the second factor. Wired in campaign/project/urls.py
    beside the admin, so that no one learns from a redirect that it exists."""
    user = request.user
    if not user.is_authenticated or (needs_second_factor(user) and not user.is_verified()):
        raise Http404
    document = (
        ApplicationDocument.objects.select_related("application__posting")
        .filter(pk=document_id)
        .first()
    )
    if document is None or not _policy().user_has_permission_for_instance(
        request.user, "view", document.application
    ):
        raise Http404
    try:
        content = storage.read(document.pk)
    except storage.UnreadableDocument:
        # Missing or changed on disk: refused, never served. The id only, no personal data.
        logger.error("Unterlage %s lässt sich nicht entschlüsseln", document.pk)
        raise Http404 from None
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=document.original_name
    )
    response["Cache-Control"] = "no-store"
    # Should a browser render it after all: no scripts, no same-origin access.
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class ApplicationViewSet(SiteScopedViewSetMixin, ModelViewSet):
    """Applications belong to their posting's site; nobody adds one in the admin."""

    model = Application
    belongs_to = {"via_page": "posting"}
    permission_policy_class = ReadOnlyIntakePermissionPolicy
    icon = "form"
    menu_label = _("Bewerbungen")
    add_to_admin_menu = True
    menu_order = 260
    url_prefix = "bewerbungen"
    name = "applications"
    inspect_view_enabled = True
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    filterset_class = ApplicationFilterSet
    list_display = [
        "receipt_number",
        Column("full_name", label=_("Name")),
        "posting",
        # A short application left at an event's kiosk (careers/kiosk/): "vor Ort".
        Column("channel", label=_("Eingang")),
        "status",
        "created_at",
    ]
    # The cover letter is read in the detail view; a CSV cell is no place for it.
    list_export = [
        "receipt_number",
        "posting",
        "event",
        "status",
        *(field for field in APPLICANT_FIELDS if field != "message"),
        "created_at",
    ]
    export_filename = "bewerbungen"
    search_fields = ["receipt_number", "first_name", "last_name", "email"]
    inspect_view_fields = [
        "receipt_number",
        "posting",
        "event",
        "status",
        *APPLICANT_FIELDS,
        "consented_at",
        "created_at",
    ]
    form_fields = ["status"]
