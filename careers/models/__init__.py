"""Careers: departments, pay tables, job fields, job postings, locations, matching."""

from .alerts import JobAlert, JobAlertKind
from .applications import Application, ApplicationDocument, ApplicationStatus
from .criteria import Dimension, DimensionValue, JobFieldCriterion, LocationCriterion
from .departments import Department
from .job_fields import JobFieldIndexPage, JobFieldPage
from .locations import LocationContact, LocationIndexPage, LocationPage
from .matcher import MatcherPage
from .pay_tables import PayRate, PayScale
from .postings import JobPostingIndexPage, JobPostingPage, JobPostingQuerySet
from .recruitment_settings import RecruitmentSettings
from .search_facets import SearchFacet
from .taxonomy import JobCategory, JobFieldTag

__all__ = [
    "Application",
    "ApplicationDocument",
    "ApplicationStatus",
    "Department",
    "Dimension",
    "DimensionValue",
    "JobAlert",
    "JobAlertKind",
    "JobCategory",
    "JobFieldCriterion",
    "JobFieldIndexPage",
    "JobFieldPage",
    "JobFieldTag",
    "JobPostingIndexPage",
    "JobPostingPage",
    "JobPostingQuerySet",
    "LocationContact",
    "LocationCriterion",
    "LocationIndexPage",
    "LocationPage",
    "MatcherPage",
    "PayRate",
    "PayScale",
    "RecruitmentSettings",
    "SearchFacet",
]
