"""Every page type renders in a bounded number of SQL queries (no N+1)."""

import pytest

from campaign.factories import StandardPageFactory
from campaign.models import HomePage
from tests.support import count_queries, get_with_query_budget

pytestmark = pytest.mark.django_db

# Budgets for a warm request (branding cached, renditions made); the first
# visit of a host may need a few more for the site lookup and renditions.
# Every page: +1 since pages have languages, Wagtail looks up the active
# locale to route; a page on a site with English also reads its versions and
# their view restrictions (+2, the Zukunftsorte campaign).
BUDGETS = [
    # The teasers load each page type once: +3 for the careers indexes and the job
    # field matcher in the menu. +3 on the Mitte home for its demo film (film,
    # versions, subtitle tracks).
    ("mitte.localhost", "/", 21),
    # The campaign: +3 for its hero film, +1 for the social links block, +4 for what
    # belongs to it (releases, events, calendars and their privacy check), +1 for
    # the page links of the releases found.
    ("mitte.localhost", "/imagefilm/", 24),
    ("zukunftsorte.localhost", "/kampagne/", 25),
    # The press index reads its years, count and releases; a release its media contact.
    ("mitte.localhost", "/presse/", 17),
    # The demo's notebooks release is for members (tests/campaign/members/); the others are open.
    ("mitte.localhost", "/presse/imagefilm-online/", 17),
    ("mitte.localhost", "/suche/?q=Notebooks", 17),
    # Events: the index its two lists; an event its departments (job fields in bulk),
    # one past whether a kiosk counted its results; the registration the departments
    # and one count of the bookings per slot.
    ("duesseldorf.localhost", "/veranstaltungen/", 17),
    ("duesseldorf.localhost", "/veranstaltungen/job-speed-dating/", 18),
    ("duesseldorf.localhost", "/veranstaltungen/job-speed-dating-naechstes/", 17),
    ("duesseldorf.localhost", "/veranstaltungen/job-speed-dating-naechstes/anmeldung/", 17),
    ("localhost", "/", 12),
    ("mitte.localhost", "/gibt-es-nicht/", 12),
]


@pytest.mark.parametrize(("host", "url", "budget"), BUDGETS)
def test_page_stays_within_its_query_budget(client, demo_sites, host, url, budget):
    status = 404 if "gibt-es-nicht" in url else 200
    client.get(url, HTTP_HOST=host)  # warm: renditions and branding

    get_with_query_budget(client, url, host=host, max_queries=budget, status=status)


def test_more_menu_pages_cost_no_more_queries(client, demo_sites):

    home = HomePage.objects.get(slug="mitte")
    # One content page in the menu first: each page type costs one query, and
    # the demo's Mitte menu has no content page of its own (its notebooks
    # release moved below "Presse").
    StandardPageFactory(parent=home, title="Berufsfeld 0")
    client.get("/", HTTP_HOST="mitte.localhost")
    before = count_queries(client, "/", host="mitte.localhost")
    for number in range(1, 10):
        StandardPageFactory(parent=home, title=f"Berufsfeld {number}")
    client.get("/", HTTP_HOST="mitte.localhost")

    response = get_with_query_budget(client, "/", host="mitte.localhost", max_queries=before)

    assert "Berufsfeld 9" in response.text
