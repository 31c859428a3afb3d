"""schema.org JobPosting for Google for Jobs, built from a posting.

Every property Google requires (title, description, datePosted,
hiringOrganization, jobLocation) and recommends (validThrough,
employmentType, baseSalary, identifier, directApply, jobLocationType and
applicantLocationRequirements for remote work) where the posting has it.
"""

import datetime

from django.utils import timezone

from careers.choices import Contract
from careers.html import limit_html

REQUIRED = ("title", "description", "datePosted", "hiringOrganization", "jobLocation")
RECOMMENDED = (
    "validThrough",
    "employmentType",
    "baseSalary",
    "identifier",
    "directApply",
)
# What a remote posting carries instead of or besides jobLocation.
REMOTE = ("jobLocationType", "applicantLocationRequirements")


def description(posting):
    parts = [f"<p>{posting.lead}</p>" if posting.lead else ""]
    for heading, text in (
        ("Ihre Aufgaben", posting.tasks),
        ("Was Sie mitbringen", posting.profile),
        ("Was wir bieten", posting.offer),
    ):
        if text:
            parts.append(f"<p>{heading}</p>{text}")
    return limit_html("".join(parts))


def _end_of_day(date):
    moment = datetime.datetime.combine(date, datetime.time(23, 59, 59))
    return timezone.make_aware(moment).isoformat()


def _place(department):
    address = {"@type": "PostalAddress", "addressLocality": department.city, "addressCountry": "DE"}
    if department.street:
        address["streetAddress"] = department.street
    if department.postal_code:
        address["postalCode"] = department.postal_code
    if department.region:
        address["addressRegion"] = department.region
    return {"@type": "Place", "name": department.name, "address": address}


def job_posting(posting, *, request, branding, departments, pay_range):
    """The JobPosting as a dict, ready for json.dumps."""
    posted = posting.first_published_at or timezone.now()
    organisation = {
        "@type": "Organization",
        "name": branding.name,
        "sameAs": request.build_absolute_uri(branding.home_url),
    }
    if branding.logo_url:
        organisation["logo"] = request.build_absolute_uri(branding.logo_url)
    employment = list(posting.employment_types) or ["FULL_TIME"]
    if posting.contract == Contract.LIMITED:
        employment.append("TEMPORARY")
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": posting.title,
        "description": description(posting),
        "datePosted": timezone.localtime(posted).date().isoformat(),
        "employmentType": employment,
        "hiringOrganization": organisation,
        "jobLocation": [_place(department) for department in departments],
        "identifier": {
            "@type": "PropertyValue",
            "name": branding.name,
            "value": posting.reference,
        },
        "directApply": posting.direct_apply,
        "url": posting.get_full_url(request),
    }
    if posting.application_deadline:
        data["validThrough"] = _end_of_day(posting.application_deadline)
    if pay_range is not None:
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": float(pay_range.minimum),
                "maxValue": float(pay_range.maximum),
                "unitText": "MONTH",
            },
        }
    if posting.fully_remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "Deutschland"}
    return data
