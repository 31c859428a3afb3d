"""Which sites a user edits: the sites whose trees their groups hold page permissions on.

The groups `campaign.sites.roles` sets up carry their page permissions on their site's
home page; any group an administrator adds counts the same way. Superusers edit
every site (None below means "all").
"""

from django.db.models import Q
from wagtail.models import GroupPagePermission, Site

_SITES = "_stellwerk_sites_edited"
_ROOTS = "_stellwerk_site_roots"


def sites_edited_by(user):
    """Primary keys of the sites `user` edits, or None: a superuser edits all.

    A site counts when a page permission of the user's groups sits on its
    home page, above it (the whole tree) or below it (a section of the site).
    Kept on the user object, which Django loads once per request: the lookup
    runs once per request however many views, forms and checks ask.
    """
    if user.is_active and user.is_superuser:
        return None
    cached = getattr(user, _SITES, None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        site_ids = frozenset()
    else:
        permitted = set(
            GroupPagePermission.objects.filter(group__user=user).values_list(
                "page__path", flat=True
            )
        )
        site_ids = frozenset(
            site_id
            for site_id, root_path in Site.objects.values_list("pk", "root_page__path")
            if any(root_path.startswith(path) or path.startswith(root_path) for path in permitted)
        )
    setattr(user, _SITES, site_ids)
    return site_ids


def site_root_paths(user):
    """Tree paths of the home pages of the user's sites, or None: a superuser edits all.
    Kept on the user object like `sites_edited_by`: one query per request."""
    site_ids = sites_edited_by(user)
    if site_ids is None:
        return None
    cached = getattr(user, _ROOTS, None)
    if cached is None:
        cached = tuple(
            Site.objects.filter(pk__in=site_ids).values_list("root_page__path", flat=True)
        )
        setattr(user, _ROOTS, cached)
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
