"""The matcher page's request work: the collections it compares, the
questionnaire form, and one request's ranked results (the page type is in
`careers/models/matcher.py`, the ranking engine in `careers/matching.py`).

Queries are fixed, however many profiles there are: the dimensions with
their values, the profiles' titles, their criteria (one `values_list` each),
and the pages of the results on screen.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from campaign.sites.page_cache import reads
from campaign.sites.pagination import page_of
from careers import matching
from careers.models.criteria import (
    IMPORTANT_PARAMETER,
    PAGE_PARAMETER,
    JobFieldCriterion,
    LocationCriterion,
)
from careers.models.job_fields import JobFieldIndexPage, JobFieldPage
from careers.models.locations import LocationIndexPage, LocationPage, annotate_location_counts
from careers.rules import open_on, today

RESULTS_PER_PAGE = 20


@dataclass(frozen=True)
class Collection:
    """What a matcher matches: a page type, its criteria and how to name them."""

    page_model: type
    criterion_model: type
    singular: str
    plural: str

    def profiles(self, source, site):
        """The live profiles below `source` as plain values for the engine: two queries."""
        pages = self.page_model.objects.child_of(source).live().public()
        weights = {}
        rows = self.criterion_model.objects.filter(
            page__in=pages.values("pk"), value__dimension__site=site
        ).values_list("page_id", "value__dimension__slug", "value__slug", "weight")
        for page, dimension, value, weight in rows:
            weights.setdefault(page, {})[(dimension, value)] = weight
        return [
            matching.Profile(key=pk, title=title, weights=weights.get(pk, {}))
            for pk, title in pages.values_list("pk", "title")
        ]

    def load(self, keys, on):
        """The pages of `keys`, in that order, with their counts: one query."""
        pages = self.page_model.objects.filter(pk__in=keys)
        if self.page_model is LocationPage:
            pages = annotate_location_counts(pages, on)
        else:
            pages = pages.annotate(
                open_postings=Count(
                    "postings",
                    filter=open_on(on, prefix="postings__") & Q(postings__live=True),
                    distinct=True,
                )
            )
        by_pk = {page.pk: page for page in pages}
        return [by_pk[key] for key in keys if key in by_pk]


COLLECTIONS = {
    LocationIndexPage: Collection(LocationPage, LocationCriterion, _("Ort"), _("Orte")),
    JobFieldIndexPage: Collection(
        JobFieldPage, JobFieldCriterion, _("Berufsfeld"), _("Berufsfelder")
    ),
}


class MatcherForm(forms.Form):
    """The questionnaire: a multiple choice per dimension, the important ones, a page.

    Only values the site offers pass; anything else in the address is a 400
    with a German message, never a silently different ranking.
    """

    def __init__(self, data, *, dimensions):
        super().__init__(data)
        invalid = _("„%(value)s“ gibt es bei dieser Frage nicht (mehr). Bitte wählen Sie neu.")
        for dimension in dimensions:
            self.fields[dimension.slug] = forms.MultipleChoiceField(
                label=dimension.label,
                required=False,
                choices=[(value.slug, value.label) for value in dimension.values],
                error_messages={"invalid_choice": invalid},
            )
        self.fields[IMPORTANT_PARAMETER] = forms.MultipleChoiceField(
            label=_("Besonders wichtig"),
            required=False,
            choices=[(dimension.slug, dimension.label) for dimension in dimensions],
            error_messages={"invalid_choice": invalid},
        )
        self.fields[PAGE_PARAMETER] = forms.IntegerField(
            required=False,
            min_value=1,
            error_messages={
                "invalid": _("Die Seitenzahl muss eine ganze Zahl sein."),
                "min_value": _("Die Seitenzahl beginnt bei 1."),
            },
        )
        self.dimensions = dimensions

    def answers(self):
        return matching.Answers(
            chosen={
                d.slug: frozenset(self.cleaned_data[d.slug])
                for d in self.dimensions
                if self.cleaned_data[d.slug]
            },
            important=frozenset(self.cleaned_data[IMPORTANT_PARAMETER]),
        )


@dataclass(frozen=True)
class Question:
    """A dimension as the template shows it: its options and what is ticked."""

    dimension: matching.Dimension
    question: str
    options: list  # of (value, checked)
    important: bool


def results_context(page, request):
    """What the matcher page shows for this request: the questionnaire with the
    visitor's ticks and, once answered validly, one page of ranked results."""
    site = Site.find_for_request(request)
    source = page.source.specific_deferred if page.source_id else None
    collection = COLLECTIONS.get(type(source)) if source is not None else None
    if collection is None or site is None:
        raise Http404(_("Dieses Matching-Werkzeug ist noch nicht eingerichtet."))

    site_dimensions = page.questions_of(site)
    dimensions = [dimension.as_engine_value() for dimension in site_dimensions]
    questions = {d.slug: d.question or d.name for d in site_dimensions}
    form = MatcherForm(request.GET, dimensions=dimensions)
    reads(request, *form.fields)
    context = {
        "form": form,
        "collection": collection,
        "source": source,
        "important_parameter": IMPORTANT_PARAMETER,
    }
    if not form.is_valid():
        context["questions"] = _questions(dimensions, questions, form.data, form.data)
        return context

    answers = form.answers()
    ranking = matching.rank(collection.profiles(source, site), answers, dimensions)
    listed = ranking.matches if ranking.answered else ranking.others
    page_obj = page_of(
        listed,
        form.cleaned_data[PAGE_PARAMETER] or 1,
        RESULTS_PER_PAGE,
        _("Diese Ergebnisseite gibt es nicht."),
    )
    keys = [getattr(item, "profile", item).key for item in page_obj.object_list]
    pages = {loaded.pk: loaded for loaded in collection.load(keys, today())}
    matches = page_obj.object_list if ranking.answered else [None] * len(keys)
    results = [
        (match, pages[key]) for match, key in zip(matches, keys, strict=True) if key in pages
    ]
    context.update(
        questions=_questions(
            dimensions,
            questions,
            {slug: list(values) for slug, values in answers.chosen.items()},
            {IMPORTANT_PARAMETER: list(answers.important)},
        ),
        ranking=ranking,
        results=results,
        page_obj=page_obj,
        paginator=page_obj.paginator,
        page_parameter=PAGE_PARAMETER,
    )
    return context


def _questions(dimensions, questions, chosen, important):
    """The questionnaire as the template shows it, with the visitor's ticks kept."""

    def getlist(data, key):
        return data.getlist(key) if hasattr(data, "getlist") else data.get(key, [])

    marked = set(getlist(important, IMPORTANT_PARAMETER))
    return [
        Question(
            dimension=dimension,
            question=questions.get(dimension.slug, dimension.label),
            options=[
                (value, value.slug in getlist(chosen, dimension.slug)) for value in dimension.values
            ],
            important=dimension.slug in marked,
        )
        for dimension in dimensions
    ]
