"""The admin's door: every admin URL that names a row of another employer's site
answers 404, whatever view Wagtail or we put behind it, before the view runs.

`guard_admin_urls(urlpatterns)` wraps every admin URL pattern once at start-up.
For each pattern, `guarded_keywords(route, callback)` says which of its URL
keywords name which model (`page_id` a page, `image_id` an image, the `pk` of a
model view its model, …). On each request, a row named so that belongs to a
site the user does not edit (campaign.sites.admin_scoping.ownership) is "not found",
also on POST: nothing of it opens and nothing saves. Superusers pass.

A keyword the guard does not know makes `unknown_keywords` name it: a test walks
every admin URL pattern and fails on one, so a view Wagtail adds later cannot
slip through unguarded.
"""

import re
from functools import update_wrapper

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.http import Http404
from django.urls import URLPattern, URLResolver
from django.views.decorators.cache import never_cache
from wagtail.admin.urls import display_custom_404
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site, Task, Workflow
from wagtailmedia.models import get_media_model

from campaign.sites.admin_scoping.ownership import scope
from campaign.sites.admin_scoping.policies import may_reach

# Keywords that name a row of a fixed model, whatever the view.
_MODEL_KEYWORDS = {
    "page_id": lambda: Page,
    "parent_page_id": lambda: Page,
    "page_to_move_id": lambda: Page,
    "destination_id": lambda: Page,
    "page_pk": lambda: Page,
    "image_id": get_image_model,
    "document_id": get_document_model,
    "doc_id": get_document_model,
    "media_id": get_media_model,
    "collection_id": lambda: Collection,
    "redirect_id": lambda: Redirect,
}

# Keywords that name no row of a site of their own: a part of the row another
# keyword names (a page's revision, a workflow's task state), a row Wagtail ties
# to the user (an upload in progress, an editing session), or no row at all.
NOT_SITE_ROWS = {
    "revision_id",
    "revision_id_a",
    "revision_id_b",
    "task_state_id",
    "workflow_state_id",
    "task_id",
    "workflow_pk",
    "uploaded_file_id",
    "session_id",
    "action",
    "action_name",
    "filter_spec",
    "media_type",
    "token",
    "uidb64",
    "app_label",
    "model_name",
    "app_name",
    "content_type_app_name",
    "content_type_model_name",
}

# Keywords that name a row of the view's own model (`pk`), or of the model the
# URL names by app label and model name (`object_id`).
_VIEW_MODEL_KEYWORDS = {"pk", "object_id"}


def _keywords(route, pattern):
    return set(re.findall(r"<(?:\w+:)?(\w+)>", route)) | set(pattern.pattern.regex.groupindex)


def _view_model(route, callback):
    """The model a view of one model works on, or None when the URL names it."""
    initkwargs = getattr(callback, "view_initkwargs", None) or getattr(callback, "initkwargs", {})
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    for candidate in (initkwargs.get("model"), getattr(view_class, "model", None)):
        if isinstance(candidate, str):  # "media_library.CustomDocument"
            candidate = apps.get_model(candidate)
        if isinstance(candidate, type) and issubclass(candidate, models.Model):
            return candidate
    # Wagtail's page views (routed by page type) and the pages admin API.
    if route.startswith(("pages/", "choose-page/", "api/main/^pages/")):
        return Page
    if route.startswith("workflows/tasks/"):
        return Task
    if route.startswith("workflows/"):
        return Workflow
    if route.startswith("api/main/^images/"):
        return get_image_model()
    if route.startswith("api/main/^documents/"):
        return get_document_model()
    return None


def guarded_keywords(route, pattern):
    """{keyword: model or None (the model the URL names)} for one admin URL pattern."""
    guarded = {}
    for keyword in _keywords(route, pattern):
        if keyword in _MODEL_KEYWORDS:
            guarded[keyword] = _MODEL_KEYWORDS[keyword]()
        elif keyword in _VIEW_MODEL_KEYWORDS:
            guarded[keyword] = _view_model(route, pattern.callback)
    return guarded


def unknown_keywords(route, pattern):
    """URL keywords of a pattern the guard cannot place: empty for a guarded pattern."""
    unknown = _keywords(route, pattern) - set(_MODEL_KEYWORDS) - NOT_SITE_ROWS
    unknown -= {k for k, model in guarded_keywords(route, pattern).items() if model is not None}
    if "pk" in unknown and {"app_name", "model_name"} <= _keywords(route, pattern):
        unknown.discard("pk")  # site settings: the pk is a site's (see _url_model)
    if unknown & _VIEW_MODEL_KEYWORDS and {"app_label", "model_name"} <= _keywords(route, pattern):
        unknown -= _VIEW_MODEL_KEYWORDS
    return unknown


def _url_model(kwargs):
    """The model named in the URL by app label (or app name) and model name."""
    app_label = kwargs.get("app_label") or kwargs.get("app_name")
    try:
        model = apps.get_model(app_label, kwargs["model_name"])
    except (KeyError, LookupError, ValueError, TypeError):
        return None
    # A site setting's URL carries the pk of its site.
    return Site if issubclass(model, BaseSiteSetting) else model


def _row(model, value):
    try:
        return model._default_manager.filter(pk=value).first()
    except (ValueError, TypeError, ValidationError, ObjectDoesNotExist):
        raise Http404 from None


def _lists_foreign_rows(user, model, values):
    """Whether the ids `values` name a row the user's sites do not reach."""
    pks = [value for value in values if str(value).isdigit()]
    if not pks:
        return False
    rows = model._default_manager.filter(pk__in=pks)
    return rows.exclude(pk__in=scope(model._default_manager.all(), user).values("pk")).exists()


def _guard(view, guarded, listed_model):
    def guarded_view(request, *args, **kwargs):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_superuser:
            for keyword, model in guarded.items():
                value = kwargs.get(keyword)
                model = model or _url_model(kwargs)
                if value is None or model is None:
                    continue
                row = _row(model, value)
                if row is not None and not may_reach(user, row):
                    raise Http404
            # Choosers' "chosen" for several rows and bulk actions list them as ?id=…
            model = listed_model or _url_model(kwargs)
            ids = request.GET.getlist("id")
            if ids and model and _lists_foreign_rows(user, model, ids):
                raise Http404
        return view(request, *args, **kwargs)

    return update_wrapper(guarded_view, view)


def admin_url_patterns(urlpatterns, prefix=""):
    """(route relative to /admin/, pattern) for every admin URL pattern."""
    for pattern in urlpatterns:
        if isinstance(pattern, URLResolver):
            yield from admin_url_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def guard_admin_urls(urlpatterns):
    for route, pattern in admin_url_patterns(urlpatterns):
        guarded = guarded_keywords(route, pattern)
        listed_model = _view_model(route, pattern.callback)
        if not (guarded or listed_model or "model_name" in _keywords(route, pattern)):
            continue  # names no row: nothing to guard
        # Wagtail's admin "not found" page and no caching, as for its own 404s.
        pattern.callback = never_cache(
            display_custom_404(_guard(pattern.callback, guarded, listed_model))
        )
    return urlpatterns
