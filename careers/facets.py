"""Keeps the search's facet rows (careers.models.SearchFacet) in step with the pages.

A job posting's or job field's rows are written anew from the database
whenever the page is saved (publishing saves it too), and for what other
rows decide: a job field's category reaches its postings, a category's
slug or a site's host name its pages, a move to another site its employer.
Bulk loads (the demo, `grow_demo`) collect their pages in `deferred()` and
write them once at the end; `manage.py rebuild_search_facets` writes all.
"""

from contextlib import contextmanager

from django.apps import apps as global_apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

from careers.choices import EmploymentType, EntryPath, Status, WorkingTime
from careers.grades import parse_grades
from careers.levels import career_levels
from careers.models import JobCategory, JobFieldPage, JobPostingPage, SearchFacet
from careers.search import (
    CATEGORY,
    DEPARTMENT,
    EMPLOYER,
    ENTRY_PATH,
    LEVEL,
    WORKING_TIME,
)

CHUNK = 500  # pages per refresh query: well inside every database's parameter limit

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

# Fields of the two page types whose change changes their facet values.
FACET_FIELDS = {
    "path",
    "job_field",
    "job_field_id",
    "category",
    "category_id",
    "departments",
    "status",
    "employment_types",
    "remote_share",
    "entry_paths",
    "working_time",
    "pay_grades",
}

_pending = []  # a stack of page id sets while `deferred()` collects


def values_of(pks, apps=global_apps):
    """{page pk: {parameter: {value, …}}} of the postings and job fields among `pks`.

    `apps` is a migration's model registry when a migration writes the rows."""
    posting_model = apps.get_model("careers", "JobPostingPage")
    job_field_model = apps.get_model("careers", "JobFieldPage")
    employer_of = _employer_of_path(apps.get_model("wagtailcore", "Site"))
    values = {}
    postings = posting_model.objects.filter(pk__in=pks).values_list(
        "pk",
        "path",
        "job_field__category__slug",
        "status",
        "employment_types",
        "remote_share",
        "pay_grades",
    )
    for pk, path, category, status, employment_types, remote_share, pay_grades in postings:
        working_time = {
            EMPLOYMENT_WORKING_TIME[t]
            for t in employment_types or []
            if t in EMPLOYMENT_WORKING_TIME
        }
        if remote_share:
            working_time.add(WorkingTime.MOBILES_ARBEITEN)
        values[pk] = {
            CATEGORY: {category} if category else set(),
            ENTRY_PATH: {STATUS_ENTRY_PATHS[status]} if status in STATUS_ENTRY_PATHS else set(),
            LEVEL: career_levels(parse_grades(pay_grades)),
            WORKING_TIME: working_time,
            EMPLOYER: {employer_of(path)} - {""},
        }
    job_fields = job_field_model.objects.filter(pk__in=pks).values_list(
        "pk", "path", "category__slug", "entry_paths", "working_time", "pay_grades"
    )
    for pk, path, category, entry_paths, working_time, pay_grades in job_fields:
        values[pk] = {
            CATEGORY: {category} if category else set(),
            ENTRY_PATH: set(entry_paths or []),
            LEVEL: career_levels(parse_grades(pay_grades)),
            WORKING_TIME: set(working_time or []),
            EMPLOYER: {employer_of(path)} - {""},
        }
    for model in (posting_model, job_field_model):
        page_field = model._meta.model_name  # the through table's column to the page
        rows = model.departments.through.objects.filter(**{f"{page_field}_id__in": pks})
        for page, department in rows.values_list(f"{page_field}_id", "department_id"):
            values[page].setdefault(DEPARTMENT, set()).add(str(department))
    return values


def refresh(pks, parameters=None, apps=global_apps):
    """Write the rows of these pages (of only `parameters`, if given) from the database."""
    facet_model = apps.get_model("careers", "SearchFacet")
    pks = set(pks)
    if not pks:
        return
    if _pending:
        _pending[-1].update(pks)
        return
    ordered = sorted(pks)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        rows = [
            facet_model(page_id=pk, parameter=parameter, value=str(value))
            for pk, page_values in values_of(chunk, apps).items()
            for parameter, chosen in page_values.items()
            if parameters is None or parameter in parameters
            for value in chosen
        ]
        with transaction.atomic():
            stale = facet_model.objects.filter(page_id__in=chunk)
            if parameters is not None:
                stale = stale.filter(parameter__in=parameters)
            stale.delete()
            facet_model.objects.bulk_create(rows, batch_size=CHUNK)


def rebuild(apps=global_apps):
    """Every posting's and job field's rows anew; returns how many pages."""
    pks = [
        *apps.get_model("careers", "JobPostingPage").objects.values_list("pk", flat=True),
        *apps.get_model("careers", "JobFieldPage").objects.values_list("pk", flat=True),
    ]
    apps.get_model("careers", "SearchFacet").objects.all().delete()
    refresh(pks, apps=apps)
    return len(pks)


@contextmanager
def deferred():
    """Pages saved inside get their rows once, at the end (for bulk loads)."""
    _pending.append(set())
    try:
        yield
    finally:
        pks = _pending.pop()
    refresh(pks)


def page_saved(page, update_fields=None):
    """Called by the two page types' save(): their rows, and a job field's postings' category."""
    if update_fields is not None and not FACET_FIELDS.intersection(update_fields):
        return  # a draft's revision or a lock: the page's columns did not change
    refresh([page.pk])
    if isinstance(page, JobFieldPage):
        postings = JobPostingPage.objects.filter(job_field=page)
        refresh(postings.values_list("pk", flat=True), [CATEGORY])


def _employer_of_path(site_model=Site):
    """A function path -> host name of the site whose page tree holds that path."""
    roots = sorted(
        site_model.objects.values_list("root_page__path", "hostname"), key=lambda row: -len(row[0])
    )

    def employer(path):
        return next((host for root, host in roots if path.startswith(root)), "")

    return employer


def _career_pages_below(path):
    return [
        *JobPostingPage.objects.filter(path__startswith=path).values_list("pk", flat=True),
        *JobFieldPage.objects.filter(path__startswith=path).values_list("pk", flat=True),
    ]


@receiver(post_save, sender=JobCategory)
def category_saved(sender, instance, **kwargs):
    pages = [
        *JobFieldPage.objects.filter(category=instance).values_list("pk", flat=True),
        *JobPostingPage.objects.filter(job_field__category=instance).values_list("pk", flat=True),
    ]
    # A renamed slug leaves rows of the old one behind, so those pages too.
    pages += (
        SearchFacet.objects.filter(parameter=CATEGORY)
        .exclude(value__in=JobCategory.objects.values("slug"))
        .values_list("page_id", flat=True)
    )
    refresh(pages, [CATEGORY])


@receiver(post_delete, sender=JobCategory)
def category_deleted(sender, instance, **kwargs):
    SearchFacet.objects.filter(parameter=CATEGORY, value=instance.slug).delete()


@receiver(pre_save, sender=Site)
def remember_site_before(sender, instance, **kwargs):
    instance._facet_hostname_before = (
        Site.objects.filter(pk=instance.pk).values_list("hostname", flat=True).first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=Site)
def site_saved(sender, instance, **kwargs):
    before = getattr(instance, "_facet_hostname_before", None)
    root = Page.objects.filter(pk=instance.root_page_id).values_list("path", flat=True).first()
    pages = _career_pages_below(root) if root else []
    if before:
        pages += SearchFacet.objects.filter(parameter=EMPLOYER, value=before).values_list(
            "page_id", flat=True
        )
    refresh(pages, [EMPLOYER])


@receiver(post_delete, sender=Site)
def site_deleted(sender, instance, **kwargs):
    pages = SearchFacet.objects.filter(parameter=EMPLOYER, value=instance.hostname)
    refresh(pages.values_list("page_id", flat=True), [EMPLOYER])


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    instance.refresh_from_db(fields=["path"])
    refresh(_career_pages_below(instance.path), [EMPLOYER])
