"""Fixtures of the careers tests: one employer with a pay table, departments and indexes."""

import datetime
from decimal import Decimal

import pytest

from campaign.factories import EmployerSettingsFactory, SiteFactory
from careers.factories import (
    DepartmentFactory,
    JobCategoryFactory,
    JobFieldIndexPageFactory,
    JobFieldPageFactory,
    JobPostingIndexPageFactory,
    JobPostingPageFactory,
    PayRateFactory,
    PayScaleFactory,
    RecruitmentSettingsFactory,
)

HOST = "karriere.localhost"
RATES_2024 = datetime.date(2024, 3, 1)
RATES_2025 = datetime.date(2025, 4, 1)


@pytest.fixture
def site(db):
    site = SiteFactory(hostname=HOST, site_name="Bezirksamt Beispiel")
    EmployerSettingsFactory(site=site, organisation_name="Bezirksamt Beispiel")
    RecruitmentSettingsFactory(site=site)
    return site


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def tvoed(db):
    """Three grades, six steps, a 2024 and a 2025 table: 100 € more per step and grade."""
    scale = PayScaleFactory(name="TVöD VKA Test")
    for number, grade in enumerate(["E 5", "E 9b", "E 10"]):
        for step in range(1, 7):
            base = Decimal(3000 + number * 500 + (step - 1) * 100)
            PayRateFactory(scale=scale, grade=grade, step=step, amount=base, valid_from=RATES_2024)
            PayRateFactory(
                scale=scale, grade=grade, step=step, amount=base + 150, valid_from=RATES_2025
            )
    return scale


@pytest.fixture
def departments(site):
    return [
        DepartmentFactory(
            site=site, name="Rathaus Wedding", street="Müllerstraße 146", postal_code="13353"
        ),
        DepartmentFactory(
            site=site,
            name="Gesundheitsamt",
            street="Reinickendorfer Straße 60b",
            postal_code="13347",
            home_office=True,
        ),
    ]


@pytest.fixture
def category(db):
    return JobCategoryFactory(name="Verwaltung", slug="verwaltung")


@pytest.fixture
def job_field_index(home):
    return JobFieldIndexPageFactory(parent=home)


@pytest.fixture
def posting_index(home):
    return JobPostingIndexPageFactory(parent=home)


@pytest.fixture
def job_field(job_field_index, tvoed, departments, category):
    return JobFieldPageFactory(
        parent=job_field_index,
        title="Allgemeine Verwaltung",
        category=category,
        pay_scale=tvoed,
        pay_grades="E 9b, E 10",
        departments=departments,
        tag_names=["Bürgerservice", "Verwaltung"],
    )


@pytest.fixture
def make_posting(posting_index, job_field, tvoed, departments):
    def make(**kwargs):
        defaults = {
            "parent": posting_index,
            "job_field": job_field,
            "pay_scale": tvoed,
            "pay_grades": "E 9b",
            "departments": departments[:1],
        }
        return JobPostingPageFactory(**{**defaults, **kwargs})

    return make
