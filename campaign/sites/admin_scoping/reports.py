"""Wagtail's reports and overviews, within the user's sites.

Site history, page-type usage and the snippet overview read every site's rows
in Wagtail; these subclasses narrow them by the ownership registry. Their URLs
(`urlpatterns`) come before Wagtail's admin URLs in campaign/project/urls.py and wear
the same decorators (admin access, never cached). Aging and locked pages and
the workflow reports list pages by the user's page permissions already.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports import audit_logging, page_types_usage
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Site
from wagtail.snippets.views import snippets as snippet_views

from campaign.sites.admin_scoping.ownership import belonging_of, scope
from campaign.sites.admin_scoping.users import site_root_paths, sites_edited_by, within_sites


def log_entries_for(log_model, user):
    """The log entries of `log_model` the user may read: of their sites' rows only."""
    entries = log_model.objects.viewable_by_user(user)
    if sites_edited_by(user) is None:
        return entries
    if issubclass(log_model, PageLogEntry):
        # Entries of deleted pages name no place in the tree any more: superusers only.
        return entries.filter(within_sites(user, "page__path"))
    if issubclass(log_model, ModelLogEntry):
        return entries.filter(_model_log_condition(entries, user))
    return entries


def _model_log_condition(entries, user):
    condition = Q()
    for content_type_id in set(entries.get_content_type_ids()):
        model = _model_for(content_type_id)
        if model is None or (belonging_of(model) is None and model is not Site):
            continue
        own = scope(model._default_manager.all(), user).annotate(pk_text=Cast("pk", CharField()))
        condition &= ~Q(content_type_id=content_type_id) | Q(
            object_id__in=Subquery(own.values("pk_text"))
        )
    return condition


def _model_for(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()


class SiteHistoryFilterSet(audit_logging.SiteHistoryReportFilterSet):
    """The filters name only users and types of the entries the user may read."""

    def _entries(self):
        return [
            log_entries_for(log_model, self.request.user)
            for log_model in log_action_registry.get_log_entry_models()
        ]

    def get_user_choices(self):
        user_ids = set()
        for entries in self._entries():
            user_ids.update(entries.get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=user_ids).order_by(User.USERNAME_FIELD)

    def get_action_choices(self):
        actions = set()
        for entries in self._entries():
            actions.update(entries.get_actions())
        return [choice for choice in log_action_registry.get_choices() if choice[0] in actions]


class SiteHistoryView(audit_logging.LogEntriesView):
    filterset_class = SiteHistoryFilterSet

    def get_filtered_queryset(self):
        # Wagtail's union of every log model's entries, each narrowed first.
        self.log_models = list(log_action_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            entries = (
                log_entries_for(log_model, self.request.user)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            entries = self.filter_queryset(entries).order_by()
            queryset = entries if queryset is None else queryset.union(entries, all=True)
        return queryset.order_by("-timestamp")


class PageTypesUsageFilterSet(page_types_usage.PageTypesUsageReportFilterSet):
    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        roots = site_root_paths(request.user) if request is not None else None
        if roots is not None and "site" in self.filters:
            site_filter = self.filters["site"]
            site_filter.extra["choices"] = [
                (path, name) for path, name in page_types_usage._get_site_choices() if path in roots
            ]


class PageTypesUsageView(page_types_usage.PageTypesUsageReportView):
    """Counts and the latest edited page of each type, of the user's sites only."""

    filterset_class = PageTypesUsageFilterSet

    def get_queryset(self):
        roots = site_root_paths(self.request.user)
        if roots is None:
            return super().get_queryset()
        self.queryset = ContentType.objects.filter(model__in=self.page_models)
        queryset = self.filter_queryset(self.queryset)
        language_code = self.filters.form.cleaned_data.get("page_locale")
        chosen_root = self.filters.form.cleaned_data.get("site")
        pages = Q(pk__in=[])
        for root in [chosen_root] if chosen_root in roots else roots:
            pages |= Q(path__startswith=root)
        if language_code:
            pages &= Q(locale__language_code=language_code)
        own_pages = Page.objects.filter(pages)
        latest = own_pages.filter(content_type=OuterRef("pk")).order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        queryset = queryset.annotate(
            count=Count("pages", filter=Q(pages__in=own_pages)),
            last_edited_page_id=Subquery(latest.values("pk")[:1]),
        )
        return queryset.filter(count__gt=0).order_by("-count", "app_label", "model")


class SnippetOverviewView(snippet_views.ModelIndexView):
    """Each snippet type with the number of rows the user's sites hold."""

    def _get_snippet_types(self):
        types = super()._get_snippet_types()
        for snippet_type in types:
            model = snippet_type["model"]
            if belonging_of(model) is not None:
                snippet_type["count"] = scope(
                    model._default_manager.all(), self.request.user
                ).count()
        return types


def _admin_view(view):
    return never_cache(require_admin_access(view))


# Before Wagtail's admin URLs (campaign/project/urls.py), so that these answer.
urlpatterns = [
    path("reports/site-history/", _admin_view(SiteHistoryView.as_view())),
    path("reports/site-history/results/", _admin_view(SiteHistoryView.as_view(results_only=True))),
    path("reports/page-types-usage/", _admin_view(PageTypesUsageView.as_view())),
    path(
        "reports/page-types-usage/results/",
        _admin_view(PageTypesUsageView.as_view(results_only=True)),
    ),
    path("snippets/", _admin_view(SnippetOverviewView.as_view())),
]
