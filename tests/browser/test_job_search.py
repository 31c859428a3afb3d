"""A job seeker on the Düsseldorf demo: search, narrow by a facet, open a posting.

Without JavaScript of our own: the facets are a plain GET form, so the
address after filtering is one a visitor can bookmark or share.
"""

import re
from urllib.parse import quote

from careers.models import JobPostingPage
from tests.browser.axe import axe_violations

HOST = "duesseldorf.localhost"


def test_job_seeker_searches_narrows_and_opens_a_posting(page, browser_log, live_demo):
    page.goto(live_demo.url(HOST))
    page.get_by_role("searchbox", name="Suche").fill("Verwaltung")
    page.get_by_role("searchbox", name="Suche").press("Enter")

    page.wait_for_url(re.compile(r"/suche/\?q=Verwaltung"))
    status = page.get_by_role("status")
    everything = int(re.search(r"(\d+) Ergebnisse", status.inner_text()).group(1))
    assert everything > 5
    assert axe_violations(page) == []

    page.get_by_role("checkbox", name=re.compile(r"^Stellenangebote \(\d+\)")).check()
    page.get_by_role("button", name="Filter anwenden").click()

    page.wait_for_url(re.compile(r"art=stelle"))
    narrowed = int(re.search(r"(\d+) Ergebnis", status.inner_text()).group(1))
    assert 0 < narrowed < everything
    kinds = page.locator(".search-result__kind").all_inner_texts()
    assert kinds
    assert {kind.lower() for kind in kinds} == {"stellenangebot"}
    remove = page.get_by_role("link", name="Filter „Stellenangebote“ entfernen")
    assert remove.count() == 1

    first = page.locator(".search-result h3 a").first
    title = " ".join(first.text_content().split())
    first.click()

    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == title
    posting = JobPostingPage.objects.get(title=title)
    deadline = page.locator("dt", has_text="Bewerbungsfrist").locator("xpath=following-sibling::dd")
    assert deadline.inner_text().strip() == _german_date(posting.application_deadline)
    assert axe_violations(page) == []
    assert browser_log.foreign_requests(live_demo.origin(HOST)) == []


def test_an_expired_posting_is_neither_listed_nor_found(page, live_demo):
    expired = JobPostingPage.objects.expired().descendant_of(live_demo.site(HOST).root_page)
    gone = expired.order_by("title").first()
    assert gone is not None, "Die Demo hat abgelaufene Stellen."

    page.goto(live_demo.url(HOST, f"/suche/?q={quote(gone.title)}"))
    found = page.locator(".search-result h3 a").all_inner_texts()
    listed = []
    page.goto(live_demo.url(HOST, "/stellenangebote/"))
    while True:
        listed += page.locator(".teaser h2 a").all_inner_texts()
        next_page = page.get_by_role("link", name="Nächste Seite")
        if not next_page.count():
            break
        next_page.click()
    page.goto(live_demo.url(HOST, gone.get_url_parts()[2]))

    assert gone.title not in found
    assert len(listed) == JobPostingPage.objects.open().descendant_of(gone.get_parent()).count()
    assert gone.title not in listed
    assert page.get_by_text("Bewerbungsfrist abgelaufen").first.is_visible()


MONTHS = [
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
]  # fmt: skip


def _german_date(date):
    return f"{date.day}. {MONTHS[date.month - 1]} {date.year}"
