"""Wagtail's page choosers, the explorer and the admin API within the user's sites.

The chooser browses from the tree's root: the pages above the sites' home
pages stay visible so that it can descend, below them only the user's sites.
Opening the chooser at another site's page is refused by the URL guard.
"""

from django.db.models import Q

from campaign.sites.admin_scoping.ownership import scope
from campaign.sites.admin_scoping.users import site_root_paths, within_sites

STEP = 4  # treebeard's path characters per level


def _ancestor_paths(paths):
    return {path[:end] for path in paths for end in range(STEP, len(path), STEP)}


def pages_within_user_sites(pages, user):
    """`pages` narrowed to the user's sites and the pages above their home pages."""
    roots = site_root_paths(user)
    if roots is None:
        return pages
    return pages.filter(within_sites(user, "path") | Q(path__in=_ancestor_paths(roots)))


def scope_page_chooser(pages, request):
    return pages_within_user_sites(pages, request.user)


def scope_explorer(parent_page, pages, request):
    return pages_within_user_sites(pages, request.user)


class SiteScopedAPIMixin:
    def get_queryset(self):
        return scope(super().get_queryset(), self.request.user)


def scope_admin_api(router):
    """The admin API's image and document listings (the rich text editor's
    choosers read them), within the user's sites and shared collections."""
    from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
    from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

    for name, viewset in (
        ("documents", DocumentsAdminAPIViewSet),
        ("images", ImagesAdminAPIViewSet),
    ):
        scoped = type(f"SiteScoped{viewset.__name__}", (SiteScopedAPIMixin, viewset), {})
        router.register_endpoint(name, scoped)
