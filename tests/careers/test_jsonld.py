"""careers/jsonld.py and careers/html.py: schema.org JobPosting for Google for Jobs."""

import json
import re
from html.parser import HTMLParser

import pytest

from careers.html import limit_html
from careers.jsonld import RECOMMENDED, REQUIRED
from careers.models import JobPostingPage
from tests.careers.conftest import HOST

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
ALLOWED_TAGS = {"p", "ul", "li"}


def job_posting_of(html):
    blocks = SCRIPT.findall(html)
    assert len(blocks) == 1, f"{len(blocks)} JSON-LD-Blöcke"
    return json.loads(blocks[0])


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


def tags_in(html):
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def problems(data):
    """What Google for Jobs would miss or refuse in one JobPosting."""
    found = []
    if data.get("@type") != "JobPosting" or data.get("@context") != "https://schema.org/":
        found.append("kein schema.org JobPosting")
    remote = data.get("jobLocationType") == "TELECOMMUTE"
    for name in (*REQUIRED, *RECOMMENDED):
        if name == "jobLocation" and remote and data.get("applicantLocationRequirements"):
            continue
        if data.get(name) in (None, "", []):
            found.append(f"{name} fehlt")
    if not tags_in(data.get("description", "")) <= ALLOWED_TAGS:
        found.append(f"description mit {tags_in(data['description']) - ALLOWED_TAGS}")
    organisation = data.get("hiringOrganization", {})
    if not organisation.get("name") or not organisation.get("logo", "").startswith("http"):
        found.append("hiringOrganization ohne Name oder Logo-URL")
    for place in data.get("jobLocation", []):
        address = place.get("address", {})
        if not {"addressLocality", "addressCountry", "postalCode"} <= address.keys():
            found.append(f"Adresse unvollständig: {address}")
    salary = data.get("baseSalary", {})
    value = salary.get("value", {})
    if salary.get("currency") != "EUR" or value.get("unitText") != "MONTH":
        found.append("baseSalary nicht in EUR je Monat")
    elif not 0 < value.get("minValue", 0) <= value.get("maxValue", 0):
        found.append(f"baseSalary unplausibel: {value}")
    if not data.get("identifier", {}).get("value"):
        found.append("identifier ohne Kennziffer")
    if not isinstance(data.get("directApply"), bool):
        found.append("directApply kein Wahrheitswert")
    if remote and not data.get("applicantLocationRequirements"):
        found.append("TELECOMMUTE ohne applicantLocationRequirements")
    return found


def test_limit_html_keeps_only_what_google_reads():
    html = (
        '<h2>Aufgaben</h2><ol><li><a href="/x" linktype="page">Anträge</a> <b>prüfen</b></li></ol>'
        "<p>Zeile<br/>zwei &amp; drei</p><script>alert(1)</script>"
    )

    assert limit_html(html) == (
        "<p>Aufgaben</p><ul><li>Anträge prüfen</li></ul><p>Zeile zwei &amp; drei</p>"
    )


@pytest.mark.django_db
def test_posting_carries_a_complete_job_posting(client, make_posting, site):
    from campaign.models import EmployerSettings
    from media_library.factories import ImageFactory

    EmployerSettings.objects.filter(site=site).update(logo=ImageFactory())
    posting = make_posting(
        title="Sachbearbeiter*in <Wohngeld>",
        reference="SW-2026-17",
        tasks="<h3>Kern</h3><ol><li>Bescheide</li></ol>",
        pay_grades="E 9b, E 10",
    )

    data = job_posting_of(client.get(posting.url, HTTP_HOST=HOST).text)

    assert problems(data) == []
    assert data["title"] == "Sachbearbeiter*in <Wohngeld>"
    assert data["identifier"]["value"] == "SW-2026-17"
    assert data["baseSalary"]["value"]["minValue"] == 3650.0
    assert data["baseSalary"]["value"]["maxValue"] == 4650.0
    assert data["employmentType"] == ["FULL_TIME", "PART_TIME"]
    assert data["hiringOrganization"]["name"] == "Bezirksamt Beispiel"
    assert data["jobLocation"][0]["address"]["streetAddress"] == "Müllerstraße 146"
    assert data["validThrough"].startswith(posting.application_deadline.isoformat() + "T23:59:59")
    assert data["directApply"] is True  # the online form on the posting itself
    assert "jobLocationType" not in data


@pytest.mark.django_db
def test_markup_cannot_break_out_of_the_script_block(client, make_posting):
    posting = make_posting(title="</script><script>alert(1)</script>")

    html = client.get(posting.url, HTTP_HOST=HOST).text

    assert "<script>alert(1)" not in html
    assert job_posting_of(html)["title"] == "</script><script>alert(1)</script>"


@pytest.mark.django_db
def test_fully_remote_posting_is_telecommute(client, make_posting):
    posting = make_posting(title="Remote", remote_share=100)

    data = job_posting_of(client.get(posting.url, HTTP_HOST=HOST).text)

    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "Deutschland"}


def _visit(client, posting):
    _site_id, root_url, path = posting.get_url_parts()
    host = root_url.split("://", 1)[1].split(":")[0]
    return client.get(path, HTTP_HOST=host).text


@pytest.mark.django_db
def test_every_demo_posting_has_valid_markup_until_it_expires(client, demo_sites):
    postings = JobPostingPage.objects.live()
    open_postings, expired = list(postings.open()), list(postings.expired())
    assert len(open_postings) > 60
    assert expired

    failures = {}
    for posting in open_postings:
        found = problems(job_posting_of(_visit(client, posting)))
        if found:
            failures[posting.title] = found
    assert failures == {}
    # Google asks to remove the markup of expired postings.
    for posting in expired:
        html = _visit(client, posting)
        assert "application/ld+json" not in html, posting.title
        assert "Bewerbungsfrist abgelaufen" in html, posting.title
