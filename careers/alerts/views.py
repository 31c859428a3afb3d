"""The job alert's pages under /stellenalarm/ (German; English under /en/).

Subscribing answers the same way whether the address is known or not (303 to
`gesendet/`), a form with errors comes back as typed (422), a visitor past the
rate limit gets a 429. The confirmation and unsubscribe links show a button
first and act on POST, so a mail scanner following links changes nothing;
only the one-click body of RFC 8058 unsubscribes without a CSRF token, and it
can only delete the one subscription its signed link names.
"""

from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from campaign.sites import signed_links
from campaign.sites.public_forms import render_public_form, typed_input
from campaign.sites.rate_limits import RateLimit
from careers.alerts import subscriptions
from careers.alerts.forms import (
    JOB_FIELD_PARAMETER,
    KIND_PARAMETER,
    SEARCH_KIND,
    JobFieldAlertForm,
    SearchAlertForm,
)
from careers.models import JobAlertKind, JobFieldPage
from careers.search import FACET_LABELS, Scope

RATE_LIMIT = RateLimit("job-alerts", limit=10, window=600)
ONE_CLICK = "One-Click"


def _site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(_("Zu dieser Adresse gehört keine Website."))
    return site


def _render(request, template, context, status=200):
    return render_public_form(request, f"careers/alerts/{template}.html", context, status)


def site_job_fields(site):
    """The site's live public job fields, by category, in one query."""
    return list(
        JobFieldPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .filter(locale_id=site.root_page.locale_id)
        .select_related("category")
        .order_by(F("category__sort_order").asc(nulls_last=True), "category__name", "title")
    )


def describe_search(choices, query, selected):
    """[(facet label, [value labels])] of a search's ticked filters."""
    described = []
    for parameter, values in selected.items():
        labels = dict(choices.get(parameter, ()))
        names = [str(labels.get(value, value)) for value in values]
        described.append((str(FACET_LABELS.get(parameter, parameter)), names))
    return described


def subscribe(request):
    """/stellenalarm/: tick job fields, or take over a search (?alarm=suche&q=…)."""
    site = _site(request)
    data = request.POST if request.method == "POST" else request.GET
    if data.get(KIND_PARAMETER) == SEARCH_KIND:
        scope = Scope.for_site(site)
        choices = scope.choices()

        def make_form(bound=None, initial=None):
            return SearchAlertForm(bound, choices=choices, initial=initial)

        preview = SearchAlertForm(data, choices=choices)
        if not preview.search.is_valid():
            context = {"search_errors": preview.search_errors, "kind": SEARCH_KIND}
            return _render(request, "subscribe", context, status=400)
        context = {
            "kind": SEARCH_KIND,
            "query": preview.query(),
            "selected": preview.selected(),
            "described": describe_search(choices, preview.query(), preview.selected()),
        }
    else:
        job_fields = site_job_fields(site)

        def make_form(bound=None, initial=None):
            return JobFieldAlertForm(bound, job_fields=job_fields, initial=initial)

        context = {"kind": JobAlertKind.JOB_FIELDS}

    def page(form, status=200, **extra):
        context.update(form=form, **extra)
        return _render(request, "subscribe", context, status=status)

    if request.method != "POST":
        return page(
            make_form(initial={JOB_FIELD_PARAMETER: request.GET.getlist(JOB_FIELD_PARAMETER)})
        )
    if RATE_LIMIT.exceeded(request):
        problem = _(
            "Sie haben in kurzer Zeit viele Stellenalarme angefordert. Bitte warten Sie zehn "
            "Minuten und versuchen Sie es dann noch einmal."
        )
        return page(make_form(initial=typed_input(request)), status=429, problem=problem)
    form = make_form(request.POST)
    RATE_LIMIT.count(request)
    sent = HttpResponseRedirect(reverse("job_alerts:sent"), status=303)
    if form.is_spam():
        return sent
    if not form.is_valid():
        return page(form, status=422)
    language = get_language() or "de"
    if isinstance(form, SearchAlertForm):
        subscriptions.subscribe(
            site,
            form.cleaned_data["email"],
            query=form.query(),
            selected=form.selected(),
            language=language,
        )
    else:
        subscriptions.subscribe(
            site, form.cleaned_data["email"], job_fields=form.chosen_job_fields(), language=language
        )
    return sent


def sent(request):
    _site(request)
    return _render(request, "sent", {})


def _link_problem(request, error):
    message, status = signed_links.problem(
        error,
        expired=_(
            "Dieser Bestätigungslink ist abgelaufen: Er gilt sieben Tage. Bitte abonnieren "
            "Sie den Stellenalarm noch einmal."
        ),
        gone=_(
            "Diesen Stellenalarm gibt es nicht mehr. Vielleicht haben Sie ihn schon abbestellt."
        ),
    )
    return _render(request, "link_problem", {"message": message}, status=status)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET: the button; POST: the alert starts (then back to GET, which says so)."""
    _site(request)
    try:
        alert = subscriptions.alert_to_confirm(token)
    except subscriptions.InvalidLink as error:
        return _link_problem(request, error)
    if request.method == "POST":
        subscriptions.confirm(alert)
        return HttpResponseRedirect(request.path, status=303)
    return _render(request, "confirm", {"alert": alert, "confirmed": alert.confirmed_at})


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET: what the alert covers and the button; POST: gone. See the module docstring."""
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == ONE_CLICK:
        try:
            subscriptions.unsubscribe(subscriptions.alert_to_unsubscribe(token))
        except subscriptions.UnknownAlert:
            pass  # unsubscribed already: the mail program's click did what it asked
        except subscriptions.InvalidLink:
            return HttpResponse(
                _("Dieser Link ist ungültig."), status=400, content_type="text/plain"
            )
        return HttpResponse(_("Abbestellt."), content_type="text/plain; charset=utf-8")
    return _unsubscribe_page(request, token)


@csrf_protect
def _unsubscribe_page(request, token):
    _site(request)
    try:
        alert = subscriptions.alert_to_unsubscribe(token)
    except subscriptions.InvalidLink as error:
        if request.method == "POST" and isinstance(error, subscriptions.UnknownAlert):
            return _render(request, "unsubscribe", {"done": True})
        return _link_problem(request, error)
    if request.method == "POST":
        subscriptions.unsubscribe(alert)
        return _render(request, "unsubscribe", {"done": True})
    context = {"alert": alert, "token": token}
    if alert.kind == JobAlertKind.SEARCH:
        context["described"] = describe_search(
            Scope.for_site(alert.site).choices(), alert.query, alert.filters
        )
    else:
        context["job_fields"] = list(
            alert.job_fields.order_by("title").values_list("title", flat=True)
        )
    return _render(request, "unsubscribe", context)
