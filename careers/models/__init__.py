"""Careers: departments, pay tables, job fields, job postings, recruitment settings."""

from .departments import Department
from .job_fields import JobFieldIndexPage, JobFieldPage
from .pay_tables import PayRate, PayScale
from .postings import JobPostingIndexPage, JobPostingPage, JobPostingQuerySet
from .recruitment_settings import RecruitmentSettings
from .taxonomy import JobCategory, JobFieldTag

__all__ = [
    "Department",
    "JobCategory",
    "JobFieldIndexPage",
    "JobFieldPage",
    "JobFieldTag",
    "JobPostingIndexPage",
    "JobPostingPage",
    "JobPostingQuerySet",
    "PayRate",
    "PayScale",
    "RecruitmentSettings",
]
