"""Which new postings each confirmed subscription of a batch gets.

"New" means first published after the subscription's `last_sent_at` and up to
the run's `now` (a posting published during the run waits for the next one),
and still open, live and public. Job field alerts take the postings of their
job fields on their own site; search alerts ask the /suche/ engine
(`careers.search.JobSearch`), so they list exactly the postings the search
would show.

Queries per batch stay fixed however many subscriptions it holds: a few for
the whole batch, a few per site, and a few of the engine's per distinct
search term.
"""

from django.db.models import F
from wagtail.models import Page, Site

from careers.models import JobAlertKind, JobPostingPage
from careers.rules import today
from careers.search import JobSearch, Scope


def new_postings(alerts, now):
    """{alert pk: [JobPostingPage, …]} of the alerts with something new, in list order."""
    alerts = [alert for alert in alerts if alert.last_sent_at is not None]
    if not alerts:
        return {}
    on = today()
    since = min(alert.last_sent_at for alert in alerts)
    matched = {}
    job_field_alerts = [a for a in alerts if a.kind == JobAlertKind.JOB_FIELDS]
    search_alerts = [a for a in alerts if a.kind == JobAlertKind.SEARCH]
    matched.update(_job_field_matches(job_field_alerts, since, now, on))
    matched.update(_search_matches(search_alerts, since, on))
    if not matched:
        return {}

    wanted = {pk for pks in matched.values() for pk in pks}
    postings = JobPostingPage.objects.filter(
        pk__in=wanted, first_published_at__gt=since, first_published_at__lte=now
    ).order_by(F("application_deadline").asc(nulls_last=True), "title")
    by_pk = {posting.pk: posting for posting in postings}
    _attach_employers(by_pk.values())
    result = {}
    for alert in alerts:
        found = [
            by_pk[pk]
            for pk in matched.get(alert.pk, ())
            if pk in by_pk and by_pk[pk].first_published_at > alert.last_sent_at
        ]
        if found:
            result[alert.pk] = found
    return result


def _job_field_matches(alerts, since, now, on):
    if not alerts:
        return {}
    through = alerts[0].job_fields.through
    fields_of = {}
    rows = through.objects.filter(jobalert_id__in=[a.pk for a in alerts]).values_list(
        "jobalert_id", "jobfieldpage_id"
    )
    for alert_pk, job_field_pk in rows:
        fields_of.setdefault(alert_pk, set()).add(job_field_pk)
    all_fields = set().union(*fields_of.values()) if fields_of else set()
    rows = (
        JobPostingPage.objects.live()
        .exclude(Page.objects.private_q())
        .open(on)
        .filter(job_field_id__in=all_fields, first_published_at__gt=since)
        .filter(first_published_at__lte=now)
        .order_by(F("application_deadline").asc(nulls_last=True), "title")
        .values_list("pk", "path", "job_field_id")
    )
    rows = list(rows)
    matched = {}
    for alert in alerts:
        fields = fields_of.get(alert.pk, set())
        root = alert.site.root_page.path
        matched[alert.pk] = [
            pk for pk, path, job_field in rows if job_field in fields and path.startswith(root)
        ]
    return matched


def _search_matches(alerts, since, on):
    """Each search alert's postings as the engine finds them: one search per site and term,
    of the postings first published since the batch's earliest `last_sent_at`."""
    scopes, choices, searches, candidates = {}, {}, {}, {}
    matched = {}
    for alert in alerts:
        site = alert.site
        if site.pk not in scopes:
            scopes[site.pk] = Scope.for_site(site)
            choices[site.pk] = scopes[site.pk].choices()
        key = (site.pk, alert.query)
        if key not in searches:
            searches[key] = JobSearch(scopes[site.pk], alert.query, choices=choices[site.pk], on=on)
            candidates[key] = searches[key].candidates(published_after=since)
        search = searches[key]
        # As JobSearch reads a selection: only the facets this site still offers.
        selected = {
            parameter: frozenset(values)
            for parameter, values in alert.filters.items()
            if parameter in search.choices and values
        }
        matched[alert.pk] = [c.pk for c in candidates[key] if c.passes(selected)]
    return matched


def _attach_employers(postings):
    """`employer_name` of each posting: the name of the site whose tree holds it, one query."""
    roots = sorted(
        Site.objects.values_list("root_page__path", "site_name", "hostname"),
        key=lambda row: -len(row[0]),
    )
    for posting in postings:
        posting.employer_name = next(
            (name or host for root, name, host in roots if posting.path.startswith(root)), ""
        )
