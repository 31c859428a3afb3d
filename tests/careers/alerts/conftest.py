"""Fixtures of the job alert tests: the Mitte demo and postings published just now."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from careers.factories import JobPostingPageFactory
from careers.models import JobFieldPage, JobPostingIndexPage

MITTE = "mitte.localhost"
DUESSELDORF = "duesseldorf.localhost"


@pytest.fixture
def mitte(demo_sites):
    return Site.objects.select_related("root_page").get(hostname=MITTE)


@pytest.fixture
def duesseldorf(demo_sites):
    return Site.objects.select_related("root_page").get(hostname=DUESSELDORF)


def job_field(site, title):
    return JobFieldPage.objects.descendant_of(site.root_page).get(title=title)


@pytest.fixture
def publish():
    """publish(site, title, hours_ago=1, **fields): a posting first published that long ago."""

    def make(site, title, hours_ago=1, **fields):
        index = JobPostingIndexPage.objects.descendant_of(site.root_page).first()
        published = timezone.now() - datetime.timedelta(hours=hours_ago)
        return JobPostingPageFactory(
            parent=index,
            title=title,
            first_published_at=published,
            last_published_at=published,
            **fields,
        )

    return make
