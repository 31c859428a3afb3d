"""What purges what, written once (see the package's docstring).

Correct before fast: a change purges the whole site it belongs to, since a
page is listed and linked from index pages, the home page's teasers, feeds,
sitemaps, search and the API of its site; what lists every employer (the
directory) follows every site's purge. What belongs to no site, or to one we
cannot tell, purges everything. A purge runs at once and again after the
commit (see `purge`).

- a page saved (published, unpublished, scheduled, changed by a task), moved
  or deleted; its view restrictions: the sites whose tree holds it, before
  and after a move (a draft's bookkeeping alone purges nothing);
- a site: everything (host names, roots and the directory's list change);
- a snippet or a site setting: its site, or everything when it has none
  (job categories, pay scales);
- an image, document or film changed or deleted: the sites of the pages,
  settings and snippets that use it (Wagtail's reference index), and a film's
  own site (its player page); a new upload purges nothing, nothing shows it yet;
- a calendar's rendered PDF: its page's sites;
- a count or an application at an event's kiosk: the event's sites, once the
  event is over (its page shows the results only then; during the event a
  tap purges nothing, or 2,000 taps a day would keep the site's cache empty);
- a printed calendar selling out (its last copies confirmed): its page's
  sites, which say "vergriffen" then (campaign/calendar_orders/orders.py).
"""

import functools

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import post_page_move
from wagtail.snippets.models import get_snippet_models

from campaign.sites.admin_scoping.ownership import site_of
from campaign.sites.page_cache import EVERYTHING, purge_sites
from campaign.sites.page_cache.store import store

# What Wagtail saves on a page when a draft or a lock changes; the live page stays.
DRAFT_FIELDS = {
    "comments",
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}
SEARCH_INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"
AWAITING_INDEX_SECONDS = 24 * 3600
MEDIA_MODELS = ["media_library.Film", "media_library.FilmVersion", "media_library.SubtitleTrack"]
PAGE_PARTS = ["campaign.CalendarPdf"]


def purge(site_ids):
    """Purge these sites (EVERYTHING: all) now and again once the transaction commits.

    Now, so this connection's next request sees the change (tests run in one
    transaction); after the commit, because a page another worker rendered
    from the old rows in between was stored under the new generation.
    """
    if site_ids:
        purge_sites(site_ids)
        transaction.on_commit(lambda: purge_sites(site_ids))


def event_results_counted(event):
    """A kiosk counted for `event` (careers.kiosk): see the docstring."""
    if event.is_past:
        purge(sites_of_paths([event.url_path]))


def sites_of_paths(url_paths):
    """The sites whose trees hold these paths; EVERYTHING when none does."""
    site_ids = {
        root.site_id
        for root in Site.get_site_root_paths()
        for url_path in url_paths
        if url_path and url_path.startswith(root.root_path)
    }
    return site_ids or {EVERYTHING}


def sites_of_object(instance):
    """The sites showing a snippet, setting, medium or page part."""
    if isinstance(instance, Page):
        return sites_of_paths([instance.url_path])
    if getattr(instance, "site_id", None):
        return {instance.site_id}
    if getattr(instance, "page_id", None):  # a page's part or view restriction
        return _sites_of_page(instance.page_id)
    for parent in ("version", "film"):  # a subtitle's film version, a version's film
        if getattr(instance, f"{parent}_id", None):
            return sites_of_object(getattr(instance, parent))
    if isinstance(instance, _media_models()):
        return _sites_using(instance) | _site_of_collection(instance)
    return {EVERYTHING}


def _sites_of_page(pk):
    return sites_of_paths(Page.objects.filter(pk=pk).values_list("url_path", flat=True))


def _sites_using(instance):
    site_ids = set()
    for source, _references in ReferenceIndex.get_references_to(instance).group_by_source_object():
        if source is not None:
            site_ids |= sites_of_object(source)
    return site_ids


def _site_of_collection(instance):
    """A film's own site: its player page (campaign/film_embeds) shows it, used
    on a page or not."""
    if not isinstance(instance, apps.get_model("media_library.Film")):
        return set()
    site_id = site_of(instance)
    return {site_id} if site_id else set()


def _media_models():
    return (
        get_image_model(),
        get_document_model(),
        *(apps.get_model(label) for label in MEDIA_MODELS),
    )


# The receivers: one for every save and delete, which sorts by kind.


def saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if isinstance(instance, Page):
        if update_fields and set(update_fields) <= DRAFT_FIELDS:
            return
        store.shared.set(_awaiting_index(instance.pk), True, AWAITING_INDEX_SECONDS)
    elif created and isinstance(instance, _media_models()):
        return  # a new upload: nothing shows it yet
    changed(sender, instance)


def changed(sender, instance, **kwargs):
    """Saved or deleted: purge the sites that show it."""
    if isinstance(instance, Site):
        purge({EVERYTHING})
    elif isinstance(instance, (Page, PageViewRestriction)) or sender in _content_models():
        purge(sites_of_object(instance))


def moved(sender, instance, url_path_before, url_path_after, **kwargs):
    purge(sites_of_paths([url_path_before, url_path_after]))


@functools.cache
def _content_models():
    """Snippets, site settings, media and page parts: asked once every app is loaded
    (snippets register in wagtail_hooks.py, after AppConfig.ready)."""
    return frozenset(
        {
            *get_snippet_models(),
            *settings_registry,
            *_media_models(),
            *(apps.get_model(label) for label in PAGE_PARTS),
        }
    )


def page_indexed(sender, task_result, **kwargs):
    """The worker indexes a published page for search a moment later: until then
    the search cannot find it, so its sites are purged once more."""
    if task_result.task.module_path != SEARCH_INDEX_TASK:
        return
    if task_result.status != TaskResultStatus.SUCCESSFUL:
        return
    app_label, model_name, pk = task_result.args
    # Only after a change visitors see: a draft's autosave is indexed too, and
    # would otherwise purge the site every few seconds while an editor types.
    if not issubclass(apps.get_model(app_label, model_name), Page):
        return
    if store.shared.get(_awaiting_index(pk)) is None:
        return
    store.shared.delete(_awaiting_index(pk))
    purge(_sites_of_page(pk))


def _awaiting_index(pk):
    return f"awaiting-index:{pk}"


def connect():
    post_save.connect(saved, dispatch_uid="page-cache-saved")
    post_delete.connect(changed, dispatch_uid="page-cache-deleted")
    post_page_move.connect(moved, dispatch_uid="page-cache-moved")
    task_finished.connect(page_indexed, dispatch_uid="page-cache-indexed")
