"""Snippets that belong to one employer's site, in the admin of that site's editors.

Testimonials, media contacts, departments carry a `site` foreign key. Wagtail
grants snippet permissions per model only, so an editor with "change
testimonial" would see and edit every employer's. Here the sites a user edits
are the sites whose pages their groups hold page permissions on (the groups
`campaign.roles` sets up, or any an administrator adds); superusers edit all.

`SiteSnippetViewSetMixin` applies that to a SnippetViewSet at every door:
the listing (and its site filter), the chooser (modal, results, chosen), every
view that loads one object by its URL (404 for another site's), the create
and edit form (the site field offers the user's sites only), and, through a
permission policy, Wagtail's instance checks (bulk delete, copy).
Rows that belong to a page rather than a site (bookings by their event,
applications by their posting) get the same from `PageScopedPermissionPolicy`
and `PageScopedObjectMixin`.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import GroupPagePermission, Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views import chooser

SITE_FIELD = "site"
_CACHE_ATTRIBUTE = "_stellwerk_sites_edited"
_ROOTS_CACHE_ATTRIBUTE = "_stellwerk_site_roots"


def sites_edited_by(user):
    """Primary keys of the sites `user` edits, or None: a superuser edits all.

    A site counts when a page permission of the user's groups sits on its
    home page, above it (the whole tree) or below it (a section of the site).
    Kept on the user object, which Django loads once per request: the lookup
    runs once per request however many views, forms and checks ask.
    """
    if user.is_active and user.is_superuser:
        return None
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    permitted = set(
        GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)
    )
    site_ids = frozenset(
        site_id
        for site_id, root_path in Site.objects.values_list("pk", "root_page__path")
        if any(root_path.startswith(path) or path.startswith(root_path) for path in permitted)
    )
    setattr(user, _CACHE_ATTRIBUTE, site_ids)
    return site_ids


def site_root_paths(user):
    """Tree paths of the home pages of the user's sites, or None: a superuser edits all.
    Kept on the user object like `sites_edited_by`: one query per request."""
    site_ids = sites_edited_by(user)
    if site_ids is None:
        return None
    cached = getattr(user, _ROOTS_CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = tuple(
            Site.objects.filter(pk__in=site_ids).values_list("root_page__path", flat=True)
        )
        setattr(user, _ROOTS_CACHE_ATTRIBUTE, cached)
    return cached


def within_sites(user, path_field):
    """A Q for pages (by `path_field`, e.g. "event__path") in the user's sites; None: all."""
    roots = site_root_paths(user)
    if roots is None:
        return None
    condition = Q(pk__in=[])
    for path in roots:
        condition |= Q(**{f"{path_field}__startswith": path})
    return condition


def edits_site(user, site_id):
    site_ids = sites_edited_by(user)
    return site_ids is None or site_id in site_ids


def for_user(queryset, user):
    """The part of a queryset of site-scoped objects that `user` may see."""
    site_ids = sites_edited_by(user)
    if site_ids is None:
        return queryset
    return queryset.filter(**{f"{SITE_FIELD}__in": site_ids})


def _site_id(instance):
    return getattr(instance, f"{SITE_FIELD}_id")


class SitePermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, and on an instance only within the user's sites."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and edits_site(user, _site_id(instance))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and edits_site(user, _site_id(instance))

    def instances_user_has_any_permission_for(self, user, actions):
        return for_user(super().instances_user_has_any_permission_for(user, actions), user)


class PageScopedPermissionPolicy(ModelPermissionPolicy):
    """For rows that belong to a page (a booking to its event, an application to
    its posting): model permissions as usual, and on a row only when its page
    lies on one of the user's sites. `page_field` names the foreign key."""

    page_field = None

    def within_user_sites(self, user, queryset=None):
        queryset = self.model.objects.all() if queryset is None else queryset
        condition = within_sites(user, f"{self.page_field}__path")
        return queryset if condition is None else queryset.filter(condition)

    def user_has_permission_for_instance(self, user, action, instance):
        # Asked per row of a listing (its buttons): the paths are at hand, no query.
        roots = site_root_paths(user)
        page = getattr(instance, self.page_field)
        return self.user_has_permission(user, action) and (
            roots is None or page.path.startswith(roots)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return self.within_user_sites(
            user, super().instances_user_has_any_permission_for(user, actions)
        )


class PageScopedObjectMixin:
    """For views that open one such row by its URL: not found unless the user may
    view it, checked before Wagtail's own permission check, so nobody learns
    that it exists."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "view", instance
        ):
            raise Http404
        return instance


class SiteScopedForm(WagtailAdminModelForm):
    """Offers only the user's sites; with a single one, it is chosen already."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get(SITE_FIELD)
        site_ids = sites_edited_by(self.for_user) if self.for_user else None
        if field is None or site_ids is None:
            return
        field.queryset = field.queryset.filter(pk__in=site_ids)
        if len(site_ids) == 1:
            field.empty_label = None
            if self.instance._state.adding:
                self.initial.setdefault(SITE_FIELD, next(iter(site_ids)))


class SiteFilterSet(WagtailFilterSet):
    """The listing's site filter names only the user's sites."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        site_filter = self.filters.get(SITE_FIELD)
        if site_filter is not None and request is not None:
            site_ids = sites_edited_by(request.user)
            if site_ids is not None:
                site_filter.queryset = Site.objects.filter(pk__in=site_ids)


class SiteScopedObjectMixin:
    """For views that load one object by its URL: another site's is not found."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if instance is not None and not edits_site(self.request.user, _site_id(instance)):
            raise Http404
        return instance


class SiteScopedChooseMixin:
    def get_object_list(self):
        return for_user(super().get_object_list(), self.request.user)


class SiteScopedChooseView(SiteScopedChooseMixin, chooser.ChooseView):
    pass


class SiteScopedChooseResultsView(SiteScopedChooseMixin, chooser.ChooseResultsView):
    pass


class SiteScopedChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return for_user(self.model_class.objects.all(), self.request.user).get(pk=pk)


class SiteScopedChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return for_user(super().get_objects(pks), self.request.user)


class SiteScopedChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = SiteScopedChooseView
    choose_results_view_class = SiteScopedChooseResultsView
    chosen_view_class = SiteScopedChosenView
    chosen_multiple_view_class = SiteScopedChosenMultipleView


# The SnippetViewSet attributes naming views that load one object from the URL.
OBJECT_VIEWS = (
    "edit_view_class",
    "delete_view_class",
    "copy_view_class",
    "usage_view_class",
    "history_view_class",
    "inspect_view_class",
    "revisions_view_class",
    "revisions_compare_view_class",
    "revisions_unschedule_view_class",
    "unpublish_view_class",
    "preview_on_edit_view_class",
    "lock_view_class",
    "unlock_view_class",
    "workflow_action_view_class",
    "collect_workflow_action_data_view_class",
    "confirm_workflow_cancellation_view_class",
    "workflow_preview_view_class",
    "workflow_history_view_class",
    "workflow_history_detail_view_class",
)


class SiteSnippetViewSetMixin:
    """Scopes a SnippetViewSet to the user's sites; goes first among the bases:
    `class TestimonialViewSet(SiteSnippetViewSetMixin, SnippetViewSet)`.

    The model needs a `site` foreign key to wagtailcore.Site.
    """

    chooser_viewset_class = SiteScopedChooserViewSet

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for attribute in OBJECT_VIEWS:
            view_class = getattr(self, attribute)
            scoped = type(
                f"SiteScoped{view_class.__name__}", (SiteScopedObjectMixin, view_class), {}
            )
            setattr(self, attribute, scoped)
        self.index_view_class = type(
            f"SiteScoped{self.index_view_class.__name__}",
            (self.index_view_class,),
            {"base_filterset_class": SiteFilterSet},
        )

    def get_queryset(self, request):
        # The listing shows each row's site: fetched with the row, not one query per row.
        return for_user(self.model._default_manager.select_related(SITE_FIELD), request.user)

    def get_edit_handler(self):
        edit_handler = super().get_edit_handler()
        options = {**edit_handler.clone_kwargs(), "base_form_class": SiteScopedForm}
        return type(edit_handler)(**options).bind_to_model(self.model)

    def on_register(self):
        # Before ModelViewSet registers a default policy for the model.
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(
                self.model, SitePermissionPolicy(self.model), exact_class=True
            )
        super().on_register()
