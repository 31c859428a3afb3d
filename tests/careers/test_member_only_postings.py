"""A posting an editor marked for logged-in members stays out of the search,
the API, the feeds and the sitemap for everyone (they are the same for all)."""

import pytest
from wagtail.models import PageViewRestriction

from careers.models import JobPostingPage
from tests.support import whole_sitemap

pytestmark = pytest.mark.django_db

HOST = "duesseldorf.localhost"


@pytest.fixture
def posting(demo_sites):
    posting = JobPostingPage.objects.live().open().descendant_of(demo_sites[4].root_page).first()
    PageViewRestriction.objects.create(page=posting, restriction_type=PageViewRestriction.LOGIN)
    return posting


def test_a_member_only_posting_is_nowhere_a_visitor_looks(client, posting):
    path = posting.get_url_parts()[2]
    word = posting.title.split()[0]
    api = client.get("/api/v1/stellen?pro_seite=100", HTTP_HOST=HOST).json()
    all_api = []
    for number in range(1, api["pages"] + 1):
        page = client.get(f"/api/v1/stellen?pro_seite=100&seite={number}", HTTP_HOST=HOST)
        all_api += [item["url"] for item in page.json()["items"]]
    places = {
        "Suche": client.get(f"/suche/?q={word}", HTTP_HOST=HOST).text,
        "Suche aller Arbeitgeber": client.get(f"/suche/?q={word}", HTTP_HOST="localhost").text,
        "RSS der Stellen": client.get(f"{posting.get_parent().url}rss/", HTTP_HOST=HOST).text,
        "RSS des Berufsfelds": client.get(f"{posting.job_field.url}rss/", HTTP_HOST=HOST).text
        if posting.job_field_id
        else "",
        "Sitemap": whole_sitemap(client, host=HOST),
        "Übersicht": client.get(posting.get_parent().url, HTTP_HOST=HOST).text,
    }

    assert all_api, "die API liefert keine Stellen"
    assert not [url for url in all_api if url.endswith(path)], "API"
    for where, text in places.items():
        assert path not in text, where
    assert client.get(path, HTTP_HOST=HOST)["Location"] == f"/konto/anmelden/?next={path}"
