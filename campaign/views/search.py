"""Full-text search over the live, public pages of the visitor's site.

The careers issue adds facets (job field, department, pay grade) on top.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    site = Site.find_for_request(request)
    results = Page.objects.none()
    if query and site is not None:
        pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
        results = pages.specific().search(query, operator="and")
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("seite", 1))
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(_("Diese Ergebnisseite gibt es nicht.")) from error
    return render(
        request,
        "campaign/search.html",
        {"query": query, "results": page, "paginator": paginator},
    )
