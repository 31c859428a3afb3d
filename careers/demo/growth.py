"""The demo grown to a large installation's size, for `make bench`'s growth run.

One site gets as many postings as a big city administration has over a
year (copies of its own postings, numbered, a tenth of them past their
deadline), and many more employers join with a hundred postings each. What
the bench then measures is how each page's time grows with the data: lists,
search, facets, the API and the sitemap must stay flat.

Never for production: the copies are demo content, marked by their
references (`WACHSTUM-…`).
"""

import datetime
import itertools

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from campaign.factories import EmployerSettingsFactory, SiteFactory
from careers.demo.builder import indexed_in_bulk
from careers.factories import DepartmentFactory, JobPostingIndexPageFactory
from careers.models import JobPostingIndexPage, JobPostingPage

REFERENCE_PREFIX = "WACHSTUM"
BATCH = 500  # postings per transaction
EXPIRED_EVERY = 10  # one copy in ten is past its deadline: lists must leave it out
# The fields of a posting copied as they are (the Page's own come new).
NOT_COPIED = {"page_ptr", "job_field", "reference", "application_deadline"}


def grow(hostname="mitte.localhost", postings=10_000, employers=50, per_employer=100, log=print):
    """Bring `hostname` to `postings` postings and add `employers` employers.

    Repeatable: a site that already has the postings gets no more, and an
    employer that exists already is left as it is.
    """
    site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
    if site is None:
        raise ValueError(f"Eine Website {hostname} gibt es nicht.")
    templates = list(
        JobPostingPage.objects.descendant_of(site.root_page)
        .exclude(reference__startswith=REFERENCE_PREFIX)
        .prefetch_related("departments")
    )
    if not templates:
        raise ValueError(f"{hostname} hat keine Stellenangebote, die sich vervielfältigen ließen.")
    index = JobPostingIndexPage.objects.get(pk=templates[0].get_parent().pk)
    with indexed_in_bulk(JobPostingPage):
        missing = postings - JobPostingPage.objects.child_of(index).count()
        _copies(index, templates, missing, keep_job_fields=True, log=log)
        for number in range(1, employers + 1):
            _employer(number, templates, per_employer, log)


def _copies(index, templates, count, *, keep_job_fields, departments=None, log=print):
    """`count` numbered copies of `templates` below `index`, in batches of a transaction each."""
    start = JobPostingPage.objects.child_of(index).count()
    today = timezone.localdate()
    numbered = list(enumerate(itertools.islice(itertools.cycle(templates), count), start + 1))
    for batch in (numbered[i : i + BATCH] for i in range(0, len(numbered), BATCH)):
        with transaction.atomic():
            for number, template in batch:
                copy = JobPostingPage(
                    title=f"{template.title} ({number})",
                    slug=f"{template.slug}-{number}"[:255],
                    reference=f"{REFERENCE_PREFIX}-{index.pk}-{number:05d}",
                    job_field_id=template.job_field_id if keep_job_fields else None,
                    application_deadline=_deadline(number, today),
                    first_published_at=template.first_published_at,
                    last_published_at=template.last_published_at,
                    **_copied_fields(template),
                )
                copy.departments = departments or list(template.departments.all())
                index.add_child(instance=copy)
        log(f"  {index.get_site().hostname}: {batch[-1][0]} Stellenangebote")


def _copied_fields(template):
    fields = JobPostingPage._meta.get_fields()
    own = [f for f in fields if f.concrete and f.model is not Page and not f.many_to_many]
    return {f.attname: getattr(template, f.attname) for f in own if f.name not in NOT_COPIED}


def _deadline(number, today):
    if number % EXPIRED_EVERY == 0:
        return today - datetime.timedelta(days=1 + number % 30)
    return today + datetime.timedelta(days=1 + number % 60)


def _employer(number, templates, postings, log):
    hostname = f"wachstum-{number:02d}.localhost"
    site = SiteFactory(hostname=hostname, site_name=f"Wachstumsamt {number}")
    EmployerSettingsFactory(site=site)
    home = site.root_page
    index = JobPostingIndexPage.objects.child_of(home).first()
    if index is None:
        index = JobPostingIndexPageFactory(parent=home)
    missing = postings - JobPostingPage.objects.child_of(index).count()
    if missing > 0:
        department = DepartmentFactory(site=site, name=f"Personalamt {number}")
        _copies(index, templates, missing, keep_job_fields=False, departments=[department], log=log)
