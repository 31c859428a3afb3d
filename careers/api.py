"""A read-only JSON API of open postings, with an OpenAPI schema (Django Ninja).

/api/v1/stellen lists the open postings of the site it is called on (on
the directory site: of every employer), filtered by the same facets as the
search page and through the same engine (careers/search.py), so both always
agree. /api/v1/openapi.json describes it; the interactive docs UI is off,
as it would load scripts under a looser CSP.
"""

import datetime
from decimal import Decimal
from typing import Annotated

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Path, Query, Schema, Status
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import Field, field_validator
from wagtail.models import Site

from campaign.sites.page_cache import lists_every_site, reads
from campaign.sites.pagination import page_of
from careers import search as job_search
from careers.grades import parse_grades
from careers.rules import today

MAX_PAGE_SIZE = 100
# The largest id the database's integer column holds: a larger one is refused
# as invalid, not passed on to fail there.
MAX_ID = 2**31 - 1

api = NinjaAPI(
    title="Stellwerk: Stellenangebote",
    version="1",
    description=(
        "Offene Stellen des Arbeitgebers, dessen Website aufgerufen wird; "
        "auf der Übersichtsseite aller Arbeitgeber die Stellen aller."
    ),
    docs_url=None,
    urls_namespace="careers_api",
)


class DepartmentOut(Schema):
    name: str
    address: str
    home_office: bool


class SalaryOut(Schema):
    minimum: Decimal
    maximum: Decimal
    currency: str = "EUR"
    unit: str = Field("MONTH", description="Brutto je Monat")


class PostingOut(Schema):
    id: int
    reference: str = Field(description="Kennziffer")
    title: str
    url: str
    lead: str
    employer: str
    job_field: str | None
    category: str | None
    departments: list[DepartmentOut]
    status: str = Field(description="beamte, tarif oder ausbildung")
    employment_types: list[str] = Field(description="FULL_TIME, PART_TIME (schema.org)")
    contract: str = Field(description="unbefristet oder befristet")
    remote_share: int = Field(description="Anteil mobiles Arbeiten in Prozent")
    pay_scale: str | None
    pay_grades: list[str]
    salary: SalaryOut | None
    start_date: datetime.date | None
    application_deadline: datetime.date | None
    date_posted: datetime.datetime | None
    last_modified: datetime.datetime | None


class PostingPage(Schema):
    count: int
    page: int
    pages: int
    items: list[PostingOut]


class PostingFilters(Schema):
    q: str = Field("", max_length=200, description="Suchbegriff")
    kategorie: list[str] = Field(default_factory=list)
    amt: list[str] = Field(default_factory=list, description="Id eines Amts oder Standorts")
    arbeitgeber: list[str] = Field(default_factory=list, description="Host-Name eines Arbeitgebers")
    einstieg: list[str] = Field(default_factory=list)
    entgelt: list[str] = Field(default_factory=list)
    arbeitszeit: list[str] = Field(default_factory=list)
    seite: int = Field(1, ge=1)
    pro_seite: int = Field(50, ge=1, le=MAX_PAGE_SIZE)

    @field_validator("q", "kategorie", "amt", "arbeitgeber", "einstieg", "entgelt", "arbeitszeit")
    @classmethod
    def no_control_characters(cls, value):
        # PostgreSQL takes no NUL in a text; /suche/ refuses it the same way.
        texts = value if isinstance(value, list) else [value]
        if any("\x00" in text for text in texts):
            raise ValueError("NUL")
        return value


class Problem(Schema):
    detail: str


@api.exception_handler(NinjaValidationError)
def invalid_input(request, exc):
    fields = ", ".join(str(error["loc"][-1]) for error in exc.errors if error.get("loc")) or _(
        "Anfrage"
    )
    return api.create_response(
        request, {"detail": _("Ungültige Angabe: %(fields)s.") % {"fields": fields}}, status=400
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    detail = str(exc) or _("Nicht gefunden.")
    return api.create_response(request, {"detail": detail}, status=404)


def _scope(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(_("Zu dieser Adresse gehört keine Website."))
    return job_search.Scope.for_site(site)


@api.get("/stellen", response={200: PostingPage, 400: Problem}, summary="Offene Stellen")
def postings(request, filters: Query[PostingFilters]):
    reads(request, *PostingFilters.model_fields)
    scope = _scope(request)
    if scope.cross_site:
        lists_every_site(request)
    choices = scope.choices()
    selected = {}
    for parameter in scope.facet_parameters:
        values = getattr(filters, parameter, [])
        if parameter == job_search.KIND:
            continue
        known = {value for value, _label in choices[parameter]}
        unknown = [value for value in values if value not in known]
        if unknown:
            message = _("Unbekannter Wert für %(parameter)s: %(values)s") % {
                "parameter": parameter,
                "values": ", ".join(unknown),
            }
            return Status(400, {"detail": message})
        selected[parameter] = values
    if not scope.cross_site:
        selected[job_search.KIND] = [job_search.POSTING]
    found = job_search.JobSearch(scope, filters.q.strip(), selected, choices=choices)
    page = page_of(found.results, filters.seite, filters.pro_seite, _("Diese Seite gibt es nicht."))
    items = [_posting(request, result.page) for result in found.load(page.object_list)]
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "items": items,
    }


@api.get("/stellen/{posting_id}", response=PostingOut, summary="Eine offene Stelle")
def posting(request, posting_id: Annotated[int, Path(ge=1, le=MAX_ID)]):
    scope = _scope(request)
    if not scope.postings(today()).filter(pk=posting_id).exists():
        raise Http404(_("Diese Stelle gibt es nicht oder nicht mehr."))
    candidate = job_search.Candidate(posting_id, job_search.POSTING)
    return _posting(request, job_search.load(scope, [candidate])[0].page)


def _posting(request, page):
    pay_range = page.pay_range
    return {
        "id": page.pk,
        "reference": page.reference,
        "title": page.title,
        "url": page.get_full_url(request),
        "lead": page.lead,
        "employer": page.employer_name,
        "job_field": page.job_field.title if page.job_field else None,
        "category": page.job_field.category.name
        if page.job_field and page.job_field.category
        else None,
        "departments": [
            {"name": d.name, "address": d.address, "home_office": d.home_office}
            for d in page.departments.all()
        ],
        "status": page.status,
        "employment_types": page.employment_types or [],
        "contract": page.contract,
        "remote_share": page.remote_share,
        "pay_scale": page.pay_scale.name if page.pay_scale else None,
        "pay_grades": parse_grades(page.pay_grades),
        "salary": {"minimum": pay_range.minimum, "maximum": pay_range.maximum}
        if pay_range
        else None,
        "start_date": page.start_date,
        "application_deadline": page.application_deadline,
        "date_posted": page.first_published_at,
        "last_modified": page.last_published_at,
    }
