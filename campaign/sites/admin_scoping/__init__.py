"""Employers' isolation in the admin: an editor meets only what belongs to the
sites they edit, in every listing, chooser, report, form and URL.

- `users`: which sites a user edits (the trees their groups hold page
  permissions on; superusers all).
- `ownership`: which site a row belongs to, one registry for every model
  (`belongs_to_site`), with `site_of(row)` and `scope(queryset, user)`.
- `guard`: every admin URL that names another site's row answers 404.
- `policies`: Wagtail permission policies that answer per row by the registry.
- `views`: listings, filters, forms and choosers of model and snippet viewsets.
- `pages`, `reports`: Wagtail's own page choosers, searches and reports.
"""

from campaign.sites.admin_scoping.ownership import (
    belonging_of,
    belongs_to_site,
    scope,
    scope_to_site,
    site_of,
)
from campaign.sites.admin_scoping.policies import (
    ReadOnlyIntakePermissionPolicy,
    SiteScopedPermissionPolicy,
    may_reach,
)
from campaign.sites.admin_scoping.users import (
    edits_site,
    site_root_paths,
    sites_edited_by,
    within_sites,
)

__all__ = [
    "ReadOnlyIntakePermissionPolicy",
    "SiteScopedPermissionPolicy",
    "belonging_of",
    "belongs_to_site",
    "edits_site",
    "may_reach",
    "scope",
    "scope_to_site",
    "site_of",
    "site_root_paths",
    "sites_edited_by",
    "within_sites",
]
