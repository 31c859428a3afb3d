"""Listings, filters, forms and choosers of the admin that offer only what
belongs to the user's sites (and what is shared).

`SiteScopedViewSetMixin` goes first among a ModelViewSet's or SnippetViewSet's
bases and registers the model's belonging: `belongs_to = {"via_site": "site"}`.
Views that open one row by its URL need nothing here: the URL guard
(campaign.sites.admin_scoping.guard) answers 404 for another employer's rows before any
view runs.
"""

from django.forms import ModelChoiceField
from django.utils.functional import cached_property
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views import chooser

from campaign.sites.admin_scoping.ownership import belonging_of, belongs_to_site, scope
from campaign.sites.admin_scoping.policies import SiteScopedPermissionPolicy
from campaign.sites.admin_scoping.relations import SiteRowRelationsMixin


def scope_choices(fields, user):
    """Narrow every model choice among `fields` (form fields or filters) to the
    user's sites; a single site of a required choice is chosen already."""
    for field in fields:
        queryset = getattr(field, "queryset", None)
        if queryset is None or not hasattr(queryset, "model"):
            continue
        if belonging_of(queryset.model) is not None or queryset.model is Site:
            field.queryset = scope(queryset, user)


class SiteScopedForm(SiteRowRelationsMixin, WagtailAdminModelForm):
    """Choices of the user's sites; on save, relations only within the row's site."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        scope_choices(self.fields.values(), self.for_user)
        for name, field in self.fields.items():
            # One site to choose from: chosen already.
            if (
                isinstance(field, ModelChoiceField)
                and field.queryset.model is Site
                and self.instance._state.adding
                and len(choices := list(field.queryset[:2])) == 1
            ):
                field.empty_label = None
                self.initial.setdefault(name, choices[0].pk)


class SiteScopedIndexMixin:
    """The listing and every choice of its filters: the user's sites only."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        belonging = belonging_of(queryset.model)
        # Rows name their site or page in the listing: fetched with the row.
        relation = belonging.via_site or belonging.via_page or belonging.via_collection
        if relation:
            queryset = queryset.select_related(relation)
        return scope(queryset, self.request.user)

    @cached_property
    def filters(self):
        filterset = super().filters
        if filterset is not None:
            # Wagtail built the form already (to see whether it has fields).
            scope_choices(filterset.filters.values(), self.request.user)
            scope_choices(filterset.form.fields.values(), self.request.user)
        return filterset


class SiteScopedChooseMixin:
    def get_object_list(self):
        return scope(super().get_object_list(), self.request.user)


class SiteScopedChooseView(SiteScopedChooseMixin, chooser.ChooseView):
    pass


class SiteScopedChooseResultsView(SiteScopedChooseMixin, chooser.ChooseResultsView):
    pass


class SiteScopedChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = SiteScopedChooseView
    choose_results_view_class = SiteScopedChooseResultsView


class SiteScopedViewSetMixin:
    """Scopes a ModelViewSet or SnippetViewSet to the user's sites.

    `belongs_to` says how the model's rows name their site (see
    campaign.sites.admin_scoping.ownership.belongs_to_site).
    """

    belongs_to = {}
    permission_policy_class = SiteScopedPermissionPolicy
    chooser_viewset_class = SiteScopedChooserViewSet

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        belongs_to_site(self.model, **self.belongs_to)
        index_view = self.index_view_class
        self.index_view_class = type(
            f"SiteScoped{index_view.__name__}", (SiteScopedIndexMixin, index_view), {}
        )

    def get_edit_handler(self):
        edit_handler = super().get_edit_handler()
        if edit_handler is None:
            return None
        options = {**edit_handler.clone_kwargs(), "base_form_class": SiteScopedForm}
        return type(edit_handler)(**options).bind_to_model(self.model)

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        if issubclass(form_class, SiteScopedForm) or not issubclass(
            form_class, WagtailAdminModelForm
        ):
            return form_class
        return type(f"SiteScoped{form_class.__name__}", (SiteScopedForm, form_class), {})

    def on_register(self):
        # Before Wagtail registers its default policy for the model.
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(
                self.model, self.permission_policy_class(self.model), exact_class=True
            )
        super().on_register()
