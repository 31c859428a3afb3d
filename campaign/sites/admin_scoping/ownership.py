"""What belongs to which employer's site: one registry the whole admin asks.

Each model whose rows belong to a site says how they name it, once, where the
model is registered with the admin (`belongs_to_site(Model, via_site="site")`):

- `via_site`: a foreign key to wagtailcore.Site (testimonials, departments), or
  a path to one ("dimension__site": a matcher value by its question);
- `via_page`: a foreign key to a page, whose place in the tree names the site
  (bookings by their event, applications by their posting); pages themselves
  are registered with `via_page=""`;
- `via_collection`: a foreign key to a collection, below the site's own
  collection (images, documents, films).

Rows that name no site (a null site, a page above the sites' home pages, a
collection outside the sites' collections) are shared: every editor may use
them. Models not registered belong to no site (pay tables, job categories).
`site_of(instance)` and `scope(queryset, user)` answer for any registered model;
the URL guard, the permission policies, choosers, reports and the page forms'
cross-site check all use them.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q
from wagtail.hooks import search_for_hooks
from wagtail.models import Collection, Site

from campaign.sites.admin_scoping.users import sites_edited_by, within_sites


@dataclass(frozen=True)
class Belonging:
    via_site: str | None = None
    via_page: str | None = None
    via_collection: str | None = None

    def path_field(self):
        """The lookup of the page path ("path", "event__path") for page-owned rows."""
        return f"{self.via_page}__path" if self.via_page else "path"


_registry = {}


def belongs_to_site(model, *, via_site=None, via_page=None, via_collection=None):
    _registry[model] = Belonging(via_site, via_page, via_collection)
    return model


def belonging_of(model):
    """How rows of `model` (or of the nearest registered base class) name their site."""
    # Viewsets register their models in wagtail_hooks modules: loaded first,
    # also where no admin URL was resolved yet (a form built in a task or test).
    search_for_hooks()
    for klass in getattr(model, "__mro__", ()):
        if klass in _registry:
            return _registry[klass]
    return None


def site_collection_name(site):
    """The name of the site's own collection, a child of the root (campaign.sites.roles)."""
    return site.site_name or site.hostname


def collection_sites():
    """{path of a site's collection: site pk}; one query each for sites and collections.
    Pass it to `site_of` when asking for many rows at once."""
    sites = {site_collection_name(site): site.pk for site in Site.objects.all()}
    return {
        path: sites[name]
        for path, name in Collection.objects.filter(depth=2, name__in=sites).values_list(
            "path", "name"
        )
    }


SITE_TREES_CACHE_KEY = "stellwerk:site-trees"
# Cleared on every change; the expiry only bounds a clearing lost while the
# shared cache was unreachable.
SITE_TREES_CACHE_SECONDS = 300


def site_trees():
    """[(site pk, tree path of its home page)], longest path first; kept in the
    cache (cleared when a site is saved or deleted, campaign.sites.signals)."""
    trees = cache.get(SITE_TREES_CACHE_KEY)
    if trees is None:
        trees = sorted(Site.objects.values_list("pk", "root_page__path"), key=lambda t: -len(t[1]))
        cache.set(SITE_TREES_CACHE_KEY, trees, SITE_TREES_CACHE_SECONDS)
    return trees


def site_of_path(path):
    """The site whose tree holds the page at `path`, or None (above every site)."""
    for site_id, root_path in site_trees():
        if path.startswith(root_path):
            return site_id
    return None


def site_of(instance, *, collections=None):
    """The pk of the site `instance` belongs to, or None: shared or of no site.
    `collections`: `collection_sites()`, when the caller asks for many rows."""
    if isinstance(instance, Site):
        return instance.pk
    belonging = belonging_of(type(instance))
    if belonging is None:
        return None
    if belonging.via_site:
        *path, field = belonging.via_site.split("__")
        for step in path:
            instance = getattr(instance, step)
        return getattr(instance, f"{field}_id")
    if belonging.via_page is not None:
        # A new row whose page was refused (another site's) has none yet: no site.
        page = getattr(instance, belonging.via_page, None) if belonging.via_page else instance
        return None if page is None else site_of_path(page.path)
    collection = (
        getattr(instance, belonging.via_collection) if belonging.via_collection else instance
    )
    if collection is None:
        return None
    for path, site_id in (collection_sites() if collections is None else collections).items():
        if collection.path.startswith(path):
            return site_id
    return None


def scope(queryset, user):
    """The rows of `queryset` the user's sites hold, and the shared ones. Superusers: all."""
    site_ids = sites_edited_by(user)
    if site_ids is not None and queryset.model is Site:
        return queryset.filter(pk__in=site_ids)
    belonging = belonging_of(queryset.model)
    if site_ids is None or belonging is None:
        return queryset
    if belonging.via_site:
        field = belonging.via_site
        return queryset.filter(Q(**{f"{field}__in": site_ids}) | Q(**{f"{field}__isnull": True}))
    if belonging.via_page is not None:
        return queryset.filter(within_sites(user, belonging.path_field()))
    foreign = [path for path, site_id in collection_sites().items() if site_id not in site_ids]
    return queryset.filter(_outside_collections(belonging, foreign))


def scope_to_site(queryset, site_id):
    """The rows of `queryset` that belong to the site `site_id`, and the shared ones:
    what a page of that site may point at."""
    belonging = belonging_of(queryset.model)
    if belonging is None or site_id is None:
        return queryset
    if belonging.via_site:
        field = belonging.via_site
        return queryset.filter(Q(**{field: site_id}) | Q(**{f"{field}__isnull": True}))
    if belonging.via_page is not None:
        root = Site.objects.filter(pk=site_id).values_list("root_page__path", flat=True).first()
        return queryset.filter(**{f"{belonging.path_field()}__startswith": root or "-"})
    foreign = [path for path, owner in collection_sites().items() if owner != site_id]
    return queryset.filter(_outside_collections(belonging, foreign))


def _outside_collections(belonging, paths):
    """Rows outside the collections at `paths` (and below them). By collection id,
    not path: Wagtail's search filters media by `collection_id` alone."""
    outside = Collection.objects.all()
    for path in paths:
        outside = outside.exclude(path__startswith=path)
    if not belonging.via_collection:
        return Q(pk__in=outside.values("pk"))
    return Q(**{f"{belonging.via_collection}_id__in": list(outside.values_list("pk", flat=True))})


def register_wagtail_models():
    """Pages, media, redirects and site settings: Wagtail's models that belong to a site."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page
    from wagtailmedia.models import get_media_model

    belongs_to_site(Page, via_page="")
    belongs_to_site(Collection, via_collection="")
    for media in (get_image_model(), get_document_model(), get_media_model()):
        belongs_to_site(media, via_collection="collection")
    belongs_to_site(Redirect, via_site="site")
    belongs_to_site(BaseSiteSetting, via_site="site")
