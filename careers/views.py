"""Views of the careers app outside the page tree: the faceted search."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Site

from campaign.sites.page_cache import lists_every_site, reads
from campaign.sites.pagination import page_of
from careers.alerts.forms import alert_query
from careers.search import JobSearch, Scope
from careers.search_form import SearchForm
from careers.templatetags.search_highlight import search_pattern

RESULTS_PER_PAGE = 20


def search(request):
    """/suche/: the site's job fields, postings and pages, or every employer's postings."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(_("Zu dieser Adresse gehört keine Website."))
    scope = Scope.for_site(site)
    if scope.cross_site:
        lists_every_site(request)
    choices = scope.choices()
    form = SearchForm(request.GET, choices=choices)
    reads(request, *form.fields)
    context = {"form": form, "scope": scope, "query": request.GET.get("q", "")[:200]}
    if not form.is_valid():
        return render(request, "careers/search.html", context, status=400)

    query = form.cleaned_data["q"]
    job_search = JobSearch(scope, query, form.selected(), choices=choices)
    page_obj = page_of(
        job_search.results,
        form.cleaned_data["seite"] or 1,
        RESULTS_PER_PAGE,
        _("Diese Ergebnisseite gibt es nicht."),
    )
    context.update(
        query=query,
        search=job_search,
        facets=job_search.facets(request.GET),
        page_obj=page_obj,
        paginator=page_obj.paginator,
        results=job_search.load(page_obj.object_list),
        pattern=search_pattern(query),
        alert_query=alert_query(query, form.selected()),
    )
    return render(request, "careers/search.html", context)
