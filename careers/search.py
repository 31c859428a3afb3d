"""Job search with facets: one site's job fields, postings and campaign pages,
or, on the directory site, the open postings of every employer.

Each step is a fixed number of queries, and what grows with the data is
counted by the database, not in Python:

1. `_matches()`: Wagtail's search backend (on PostgreSQL full text with German
   stemming) gives the ids of all matching pages by relevance, then those
   whose title words begin with the query (autocomplete); ids only, and no
   cap, so every count is exact. Without a query every open posting and job
   field is a candidate, as in a job board.
2. `JobSearch.facets()`: the facet values of the candidates are rows of
   `SearchFacet` (kept current by careers/facets.py), counted with one
   GROUP BY for the facets nobody ticked and one per ticked facet.
3. `JobSearch.results`: without a query, a lazy sequence the paginator
   counts and slices in the database; with one, the matching ids in order of
   relevance. `JobSearch.load()` loads only the pages on screen.

Facet counts are disjunctive: a facet's counts apply every *other* facet's
choice but not its own, so each count says how many results ticking that
box adds. Expired postings are never candidates.
"""

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Page, Site

from campaign.sites import page_cache
from careers.choices import EntryPath, WorkingTime
from careers.levels import CareerLevel
from careers.models import Department, JobCategory, JobFieldPage, JobPostingPage, SearchFacet
from careers.pay import attach_pay_ranges
from careers.rules import open_on, today

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
        return page_cache.remember(self.site, f"search-choices:{self.cross_site}", self._choices)

    def _choices(self):
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
        return page_cache.remember(self.site, "private-pages", Page.objects.private_q)

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
    """The results and facets of one search; see the module docstring."""

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
        self.matches = _matches(scope, query) if query else None

    @property
    def has_filters(self):
        return bool(self.selected)

    @cached_property
    def results(self):
        """Candidates in result order: a list with a query, else counted and sliced in SQL."""
        if self.matches is None:
            return Results(
                [
                    (kind, self._narrowed(kind, pages).order_by(*RESULT_ORDER[kind]))
                    for kind, pages in self._kinds.items()
                ]
            )
        kind_of = {}
        for kind, pages in self._kinds.items():
            narrowed = self._narrowed(kind, pages).order_by()
            kind_of.update((pk, kind) for pk in narrowed.values_list("pk", flat=True))
        return [Candidate(pk, kind_of[pk]) for pk in self.matches if pk in kind_of]

    def facets(self, query_dict=None):
        counts = self._facet_counts()
        facets = []
        for parameter, choices in self.choices.items():
            chosen = self.selected.get(parameter, frozenset())
            options = [
                Option(
                    value=value,
                    label=str(label),
                    count=counts.get(parameter, {}).get(value, 0),
                    selected=value in chosen,
                    remove_query=(
                        _without(query_dict, parameter, value)
                        if query_dict and value in chosen
                        else ""
                    ),
                )
                for value, label in choices
            ]
            facets.append(Facet(parameter, str(FACET_LABELS[parameter]), options))
        return facets

    def load(self, candidates):
        """The pages of some results (one page of the paginator), in their order."""
        return load(self.scope, candidates, self.on)

    def candidates(self, published_after=None):
        """The posting candidates with their facet values, in result order, for testing many
        selections in Python at once (the alerts); only those first published after a time."""
        postings = self._kinds[POSTING]
        if published_after is not None:
            postings = postings.filter(first_published_at__gt=published_after)
        if self.matches is None:
            pks = list(postings.order_by(*RESULT_ORDER[POSTING]).values_list("pk", flat=True))
        else:
            found = set(postings.values_list("pk", flat=True))
            pks = [pk for pk in self.matches if pk in found]
        values = {pk: {KIND: {POSTING}} for pk in pks}
        rows = SearchFacet.objects.filter(page_id__in=_among(pks))
        for pk, parameter, value in rows.values_list("page_id", "parameter", "value"):
            values[pk].setdefault(parameter, set()).add(value)
        return [Candidate(pk, POSTING, _frozen(values[pk])) for pk in pks]

    @cached_property
    def _kinds(self):
        """kind -> queryset of its candidates, before any facet is applied."""
        kinds = {POSTING: self.scope.postings(self.on)}
        if not self.scope.cross_site:
            kinds[JOB_FIELD] = self.scope.job_fields()
        if self.matches is None:
            return kinds
        matching = _among(self.matches)
        kinds = {kind: pages.filter(pk__in=matching) for kind, pages in kinds.items()}
        if not self.scope.cross_site:
            career_types = [
                ContentType.objects.get_for_model(model).pk
                for model in (JobPostingPage, JobFieldPage)
            ]
            others = self.scope.pages().filter(pk__in=matching)
            kinds[OTHER_PAGE] = others.exclude(content_type__in=career_types)
        return kinds

    def _narrowed(self, kind, pages, ignore=None):
        """`pages` of `kind` with every ticked facet applied but `ignore`."""
        for parameter, chosen in self.selected.items():
            if parameter == ignore:
                continue
            if parameter == KIND:
                if kind not in chosen:
                    return pages.none()
            elif kind == OTHER_PAGE:
                return pages.none()  # campaign pages have no careers facet values
            else:
                having = SearchFacet.objects.filter(parameter=parameter, value__in=chosen)
                pages = pages.filter(pk__in=having.values("page_id"))
        return pages

    def _facet_counts(self):
        """{parameter: {value: count}}: one query for the unticked facets, one per ticked."""
        counts = {}
        unticked = [p for p in self.choices if p not in self.selected and p != KIND]
        groups = [(unticked, None)] + [([p], p) for p in self.selected if p != KIND]
        for parameters, ignore in groups:
            candidates = self._counted(ignore) if parameters else None
            if candidates is None:
                continue
            rows = (
                SearchFacet.objects.filter(page_id__in=candidates, parameter__in=parameters)
                .values_list("parameter", "value")
                .annotate(found=Count("pk"))
                .order_by()
            )
            for parameter, value, found in rows:
                counts.setdefault(parameter, {})[value] = found
        if KIND in self.choices:
            counts[KIND] = self._kind_counts()
        return counts

    def _counted(self, ignore):
        """The pages whose facet values a group of counts adds up: the results
        themselves when a query gave their ids and no facet is ignored, else the
        candidates with every other facet applied, as one subquery (a UNION, so
        the database looks up their facet rows by page; an OR of two subqueries
        read the whole facet table). None when there are none."""
        if ignore is None and self.matches is not None:
            pks = [candidate.pk for candidate in self.results if candidate.kind != OTHER_PAGE]
            return _among(pks) if pks else None
        parts = [
            self._narrowed(kind, pages, ignore).order_by().values("pk")
            for kind, pages in self._kinds.items()
            if kind != OTHER_PAGE
        ]
        parts = [part for part in parts if not part.query.is_empty()]
        if not parts:
            return None
        return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]

    def _kind_counts(self):
        """How many results of each kind, whatever kind is ticked."""
        if KIND in self.selected:
            return {
                kind: self._narrowed(kind, pages, ignore=KIND).count()
                for kind, pages in self._kinds.items()
            }
        if isinstance(self.results, Results):
            return dict(zip(self._kinds, self.results.counts, strict=True))
        return Counter(candidate.kind for candidate in self.results)


# Without a query: postings with the soonest deadline first, then job fields.
RESULT_ORDER = {
    POSTING: (F("application_deadline").asc(nulls_last=True), "title", "pk"),
    JOB_FIELD: ("title", "pk"),
    OTHER_PAGE: ("title", "pk"),
}


class Results(Sequence):
    """The results of a search without query, for the paginator: counted per kind in
    the database, and a slice loads the ids of only that slice."""

    def __init__(self, parts):
        self.parts = parts  # [(kind, ordered queryset)]

    @cached_property
    def counts(self):
        return [pages.count() for _kind, pages in self.parts]

    def __len__(self):
        return sum(self.counts)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        if isinstance(index, int):
            found = self[index : index + 1] if index >= 0 else self[len(self) + index :][:1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, _step = index.indices(len(self))
        found = []
        for (kind, pages), count in zip(self.parts, self.counts, strict=True):
            if start < count and stop > 0:
                pks = pages.values_list("pk", flat=True)[max(start, 0) : min(stop, count)]
                found += [Candidate(pk, kind) for pk in pks]
            start, stop = start - count, stop - count
        return found


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
    # No ORDER BY: the candidates give the order.
    # No page's body: a result shows its title, excerpt and facts.
    postings = (
        JobPostingPage.objects.filter(pk__in=by_kind[POSTING])
        .defer_streamfields()
        .select_related("job_field__category", "pay_scale")
        .prefetch_related("departments")
        .order_by()
    )
    job_fields = (
        JobFieldPage.objects.filter(pk__in=by_kind[JOB_FIELD])
        .defer_streamfields()
        .order_by()
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
        others = (
            Page.objects.filter(pk__in=by_kind[OTHER_PAGE])
            .order_by()
            .specific()
            .defer_streamfields()
        )
        pages.update((page.pk, page) for page in others)
    if scope.cross_site:
        employers = _employer_names(list(pages))
        for page in pages.values():
            page.employer_name = employers.get(page.pk, "")
    else:
        for page in pages.values():
            page.employer_name = scope.site.site_name
    return [Result(kind=c.kind, page=pages[c.pk]) for c in candidates if c.pk in pages]


def _matches(scope, query):
    """Ids of all pages matching `query`: by relevance, then by title word beginnings."""
    pages = scope.pages()
    ranked = _ids(pages.search(query, operator="and"))
    # Titles also match by word beginnings: "Verwaltung" finds "Verwaltungskraft".
    ranked += _ids(pages.autocomplete(query, operator="and"))
    return list(dict.fromkeys(ranked))


def _ids(search_results):
    """The ids of every result, in order, without loading a page."""
    return list(search_results.get_queryset().values_list("pk", flat=True))


def _among(ids):
    """A subquery of these ids as a single parameter, however many there are
    (an IN list of thousands would hit SQLite's limit on parameters)."""
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::integer[])", (ids,))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))


def _employer_names(pks):
    """page pk -> name of the employer whose site holds it, from the facet rows."""
    hosts = dict(
        SearchFacet.objects.filter(page_id__in=pks, parameter=EMPLOYER).values_list(
            "page_id", "value"
        )
    )
    names = dict(
        Site.objects.filter(hostname__in=set(hosts.values())).values_list("hostname", "site_name")
    )
    return {pk: names.get(host) or host for pk, host in hosts.items()}


def _frozen(values):
    return {parameter: frozenset(str(v) for v in chosen) for parameter, chosen in values.items()}


def _without(query_dict, parameter, value):
    """The query string of this search with one ticked value taken away."""
    remaining = query_dict.copy()
    remaining.setlist(parameter, [v for v in remaining.getlist(parameter) if v != value])
    remaining.pop("seite", None)
    return remaining.urlencode()
