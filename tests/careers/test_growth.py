"""careers/demo/growth.py: the demo grown for the bench's growth run is a real
installation's data: every copy is a working posting that lists, search and
the directory find, and a tenth of them are past their deadline."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from careers.demo.growth import REFERENCE_PREFIX
from careers.models import JobPostingPage

pytestmark = pytest.mark.django_db

MITTE = "mitte.localhost"


def _postings(hostname):
    return JobPostingPage.objects.descendant_of(Site.objects.get(hostname=hostname).root_page)


def test_grow_demo_adds_postings_and_employers_that_visitors_find(client, demo_sites):
    before = _postings(MITTE).count()
    call_command("grow_demo", postings=before + 20, employers=2, per_employer=5, stdout=None)

    assert _postings(MITTE).count() == before + 20
    copies = _postings(MITTE).filter(reference__startswith=REFERENCE_PREFIX)
    assert copies.count() == 20
    assert copies.expired().count() == 2  # one in ten past its deadline
    for hostname in ("wachstum-01.localhost", "wachstum-02.localhost"):
        assert _postings(hostname).count() == 5
        assert client.get("/", headers={"host": hostname}).status_code == 200

    # A copy is a page like any other: it opens, and the site's search finds it.
    copy = copies.open().order_by("path").last()
    response = client.get(copy.get_url_parts()[2], headers={"host": MITTE})
    assert response.status_code == 200
    assert copy.title in response.text
    number = copy.title.rsplit("(", 1)[1].rstrip(")")
    query = f"{copy.title.split()[0]} {number}"
    search = client.get("/suche/", {"q": query}, headers={"host": MITTE})
    assert f'href="{copy.get_url_parts()[2]}"' in search.text  # its title is highlighted

    # Again: the sizes are reached already, nothing is added twice.
    call_command("grow_demo", postings=before + 20, employers=2, per_employer=5, stdout=None)
    assert _postings(MITTE).count() == before + 20
    assert _postings("wachstum-02.localhost").count() == 5


def test_grow_demo_names_a_site_it_does_not_know(demo_sites):
    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("grow_demo", site="nirgendwo.localhost", stdout=None)
