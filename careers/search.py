"""Job search with facets: one site's job fields, postings and campaign pages,
or, on the directory site, the open postings of every employer.

Three steps, each a fixed number of queries however many pages match:

1. `_matches()`: Wagtail's search backend (on PostgreSQL full text with German
   stemming) gives the ids of matching pages by relevance, then those whose
   title words begin with the query (autocomplete). Without a query
   every open posting and job field is a candidate, as in a job board.
2. `_candidates()`: the facet values of every candidate, read with
   `values_list` (one query per page type and relation) and counted in
   Python. An employer has hundreds of pages, not millions.
3. `JobSearch.page()`: only the results on screen are loaded as pages.

Facet counts are disjunctive: a facet's counts apply every *other* facet's
choice but not its own, so each count says how many results ticking that
box adds. Expired postings are never candidates.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Page, Site

from careers.choices import EmploymentType, EntryPath, Status, WorkingTime
from careers.grades import parse_grades
from careers.levels import CareerLevel, career_levels
from careers.models import Department, JobCategory, JobFieldPage, JobPostingPage
from careers.pay import attach_pay_ranges
from careers.rules import open_on, today

MAX_MATCHES = 1000

KIND = "art"
CATEGORY = "kategorie"
DEPARTMENT = "amt"
EMPLOYER = "arbeitgeber"
ENTRY_PATH = "einstieg"
LEVEL = "entgelt"
WORKING_TIME = "arbeitszeit"

POSTING = "stelle"
JOB_FIELD = "berufsfeld"
OTHER_PAGE = "seite"
KIND_CHOICES = [
    (POSTING, _("Stellenangebote")),
    (JOB_FIELD, _("Berufsfelder")),
    (OTHER_PAGE, _("Weitere Seiten")),
]

# A posting's status says how one gets in; pay-scale employees join directly
# or from another career (Quereinstieg), which is what the facet means.
STATUS_ENTRY_PATHS = {
    Status.AUSBILDUNG: EntryPath.AUSBILDUNG,
    Status.BEAMTE: EntryPath.BEAMTENLAUFBAHN,
    Status.TARIF: EntryPath.QUEREINSTIEG,
}
EMPLOYMENT_WORKING_TIME = {
    EmploymentType.FULL_TIME: WorkingTime.VOLLZEIT,
    EmploymentType.PART_TIME: WorkingTime.TEILZEIT,
}


@dataclass(frozen=True)
class Scope:
    """Where a search looks: one employer's site, or every employer's postings."""

    site: Site
    cross_site: bool

    @classmethod
    def for_site(cls, site):
        from campaign.models import EmployerDirectoryPage

        root = site.root_page.specific_class
        return cls(
            site=site, cross_site=root is not None and issubclass(root, EmployerDirectoryPage)
        )

    @property
    def facet_parameters(self):
        if self.cross_site:
            return [EMPLOYER, CATEGORY, ENTRY_PATH, LEVEL, WORKING_TIME]
        return [KIND, CATEGORY, DEPARTMENT, ENTRY_PATH, LEVEL, WORKING_TIME]

    def choices(self):
        """parameter -> [(value, label)] of every facet, for the form and the labels."""
        categories = [(c.slug, c.name) for c in JobCategory.objects.order_by("sort_order", "name")]
        choices = {
            KIND: KIND_CHOICES,
            CATEGORY: categories,
            ENTRY_PATH: EntryPath.choices,
            LEVEL: CareerLevel.choices,
            WORKING_TIME: WorkingTime.choices,
        }
        if self.cross_site:
            sites = Site.objects.exclude(pk=self.site.pk).order_by("site_name")
            choices[EMPLOYER] = [(s.hostname, s.site_name or s.hostname) for s in sites]
        else:
            departments = Department.objects.filter(site=self.site).order_by("name")
            choices[DEPARTMENT] = [
                (str(pk), name) for pk, name in departments.values_list("pk", "name")
            ]
        return {parameter: choices[parameter] for parameter in self.facet_parameters}

    @cached_property
    def private(self):
        """Pages behind a view restriction, looked up once rather than per `.public()`."""
        return Page.objects.private_q()

    def postings(self, on):
        postings = JobPostingPage.objects.live().exclude(self.private).open(on)
        return postings if self.cross_site else postings.descendant_of(self.site.root_page)

    def job_fields(self):
        return JobFieldPage.objects.live().exclude(self.private).descendant_of(self.site.root_page)

    def pages(self):
        if self.cross_site:
            return self.postings(today())
        pages = Page.objects.live().exclude(self.private)
        return pages.descendant_of(self.site.root_page, inclusive=True)


@dataclass(frozen=True)
class Candidate:
    pk: int
    kind: str
    values: dict = field(default_factory=dict)

    def passes(self, selected, ignore=None):
        return all(
            not chosen or self.values.get(parameter, frozenset()) & chosen
            for parameter, chosen in selected.items()
            if parameter != ignore
        )


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool
    remove_query: str = ""


@dataclass(frozen=True)
class Facet:
    parameter: str
    label: str
    options: list

    @property
    def visible_options(self):
        """Choices that would find something, and whatever is ticked already."""
        return [option for option in self.options if option.count or option.selected]


FACET_LABELS = {
    KIND: _("Art"),
    CATEGORY: pgettext_lazy("Berufsfeld", "Bereich"),
    DEPARTMENT: _("Amt oder Standort"),
    EMPLOYER: _("Arbeitgeber"),
    ENTRY_PATH: _("Einstieg"),
    LEVEL: _("Entgelt und Laufbahn"),
    WORKING_TIME: _("Arbeitszeit"),
}


class JobSearch:
    """The candidates, facets and results of one search; see the module docstring."""

    def __init__(self, scope, query="", selected=None, choices=None, on=None):
        self.scope = scope
        self.query = query
        self.on = on or today()
        self.choices = choices if choices is not None else scope.choices()
        self.selected = {
            parameter: frozenset(values)
            for parameter, values in (selected or {}).items()
            if parameter in self.choices and values
        }
        self.candidates = _candidates(scope, _matches(scope, query), self.on)
        self.results = [c for c in self.candidates if c.passes(self.selected)]

    @property
    def has_filters(self):
        return bool(self.selected)

    def facets(self, query_dict=None):
        facets = []
        for parameter, choices in self.choices.items():
            chosen = self.selected.get(parameter, frozenset())
            counts = Counter()
            for candidate in self.candidates:
                if candidate.passes(self.selected, ignore=parameter):
                    counts.update(candidate.values.get(parameter, ()))
            options = [
                Option(
                    value=value,
                    label=str(label),
                    count=counts[value],
                    selected=value in chosen,
                    remove_query=_without(query_dict, parameter, value) if query_dict else "",
                )
                for value, label in choices
            ]
            facets.append(Facet(parameter, str(FACET_LABELS[parameter]), options))
        return facets

    def load(self, candidates):
        """The pages of some results (one page of the paginator), in their order."""
        return load(self.scope, candidates, self.on)


@dataclass(frozen=True)
class Result:
    kind: str
    page: Page

    @property
    def kind_label(self):
        return {
            POSTING: _("Stellenangebot"),
            JOB_FIELD: _("Berufsfeld"),
            OTHER_PAGE: _("Seite"),
        }[self.kind]

    @property
    def excerpt(self):
        return self.page.search_description or getattr(self.page, "lead", "") or ""


def load(scope, candidates, on=None):
    """Results with their pages for `candidates`, in a fixed number of queries."""
    on = on or today()
    by_kind = {POSTING: [], JOB_FIELD: [], OTHER_PAGE: []}
    for candidate in candidates:
        by_kind[candidate.kind].append(candidate.pk)
    postings = (
        JobPostingPage.objects.filter(pk__in=by_kind[POSTING])
        .select_related("job_field__category", "pay_scale")
        .prefetch_related("departments")
    )
    job_fields = (
        JobFieldPage.objects.filter(pk__in=by_kind[JOB_FIELD])
        .select_related("category")
        .annotate(
            open_postings=Count(
                "postings",
                filter=open_on(on, prefix="postings__") & Q(postings__live=True),
                distinct=True,
            )
        )
    )
    pages = {page.pk: page for page in (*postings, *job_fields)}
    attach_pay_ranges(pages.values(), on)
    if by_kind[OTHER_PAGE]:
        others = Page.objects.filter(pk__in=by_kind[OTHER_PAGE]).specific()
        pages.update((page.pk, page) for page in others)
    employer_of = _employer_of_path(names=True) if scope.cross_site else None
    for page in pages.values():
        page.employer_name = employer_of(page.path) if employer_of else scope.site.site_name
    return [Result(kind=c.kind, page=pages[c.pk]) for c in candidates if c.pk in pages]


def _matches(scope, query):
    """Ids of the pages matching `query` by relevance, or None without a query."""
    if not query:
        return None
    pages = scope.pages()
    found = list(pages.search(query, operator="and")[:MAX_MATCHES])
    # Titles also match by word beginnings: "Verwaltung" finds "Verwaltungskraft".
    found += pages.autocomplete(query, operator="and")[:MAX_MATCHES]
    matches = {}
    for page in found:
        matches.setdefault(page.pk, page.content_type_id)
    return list(matches.items())


def _candidates(scope, matches, on):
    ids = None if matches is None else [pk for pk, _type in matches]
    postings = _posting_candidates(scope, ids, on)
    job_fields = [] if scope.cross_site else _job_field_candidates(scope, ids)
    if matches is None:
        return [*postings, *job_fields]
    found = {c.pk: c for c in (*postings, *job_fields)}
    career_types = {
        ContentType.objects.get_for_model(model).pk for model in (JobPostingPage, JobFieldPage)
    }
    candidates = []
    for pk, content_type in matches:
        if pk in found:
            candidates.append(found[pk])
        elif content_type not in career_types:  # expired postings stay out
            candidates.append(Candidate(pk, OTHER_PAGE, _frozen({KIND: {OTHER_PAGE}})))
    return candidates


def _posting_candidates(scope, ids, on):
    postings = scope.postings(on)
    if ids is not None:
        postings = postings.filter(pk__in=ids)
    rows = postings.order_by(F("application_deadline").asc(nulls_last=True), "title").values_list(
        "pk",
        "path",
        "job_field__category__slug",
        "status",
        "employment_types",
        "remote_share",
        "pay_grades",
    )
    departments = _departments_of(postings)
    employers = _employer_of_path() if scope.cross_site else None
    candidates = []
    for pk, path, category, status, employment_types, remote_share, pay_grades in rows:
        working_time = {
            EMPLOYMENT_WORKING_TIME[t]
            for t in employment_types or []
            if t in EMPLOYMENT_WORKING_TIME
        }
        if remote_share:
            working_time.add(WorkingTime.MOBILES_ARBEITEN)
        values = {
            KIND: {POSTING},
            CATEGORY: {category} if category else set(),
            DEPARTMENT: departments.get(pk, set()),
            ENTRY_PATH: {STATUS_ENTRY_PATHS[status]} if status in STATUS_ENTRY_PATHS else set(),
            LEVEL: career_levels(parse_grades(pay_grades)),
            WORKING_TIME: working_time,
        }
        if employers is not None:
            values[EMPLOYER] = {employers(path)}
        candidates.append(Candidate(pk=pk, kind=POSTING, values=_frozen(values)))
    return candidates


def _job_field_candidates(scope, ids):
    job_fields = scope.job_fields()
    if ids is not None:
        job_fields = job_fields.filter(pk__in=ids)
    rows = job_fields.order_by("title").values_list(
        "pk", "category__slug", "entry_paths", "working_time", "pay_grades"
    )
    departments = _departments_of(job_fields)
    return [
        Candidate(
            pk=pk,
            kind=JOB_FIELD,
            values=_frozen(
                {
                    KIND: {JOB_FIELD},
                    CATEGORY: {category} if category else set(),
                    DEPARTMENT: departments.get(pk, set()),
                    ENTRY_PATH: set(entry_paths or []),
                    LEVEL: career_levels(parse_grades(pay_grades)),
                    WORKING_TIME: set(working_time or []),
                }
            ),
        )
        for pk, category, entry_paths, working_time, pay_grades in rows
    ]


def _departments_of(pages):
    """page pk -> {department pk as text} for `pages`, in one query."""
    page_field = pages.model._meta.model_name  # the through table's column to the page
    through = pages.model.departments.through
    departments = {}
    rows = through.objects.filter(**{f"{page_field}__in": pages.values("pk")}).values_list(
        f"{page_field}_id", "department_id"
    )
    for page, department in rows:
        departments.setdefault(page, set()).add(str(department))
    return departments


def _employer_of_path(names=False):
    """A function path -> host name (or name) of the site whose page tree holds that path."""
    label = "site_name" if names else "hostname"
    roots = sorted(Site.objects.values_list("root_page__path", label), key=lambda row: -len(row[0]))

    def employer(path):
        return next((host for root, host in roots if path.startswith(root)), "")

    return employer


def _frozen(values):
    return {parameter: frozenset(str(v) for v in chosen) for parameter, chosen in values.items()}


def _without(query_dict, parameter, value):
    """The query string of this search with one ticked value taken away."""
    remaining = query_dict.copy()
    remaining.setlist(parameter, [v for v in remaining.getlist(parameter) if v != value])
    remaining.pop("seite", None)
    return remaining.urlencode()
