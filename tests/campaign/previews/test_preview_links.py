"""Preview links (campaign/previews): Mitte's press office shows a draft to
people without a login; nothing of it is cached or indexed, and another
employer's editor neither lists nor creates links for Mitte's pages."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from campaign.models import PreviewLink, StandardPage
from campaign.sites import page_cache
from campaign.sites.roles import PRESS_OFFICE
from tests.support import get_with_query_budget, login_with_second_factor, site_editor

pytestmark = pytest.mark.django_db

MITTE, ESSEN = "mitte.localhost", "jobcenter-essen.localhost"
BAR = "Vorschau – noch nicht veröffentlicht"


@pytest.fixture
def draft(demo_sites):
    """A Mitte page never published, whose latest revision differs from its first."""
    home = Site.objects.get(hostname=MITTE).root_page
    page = home.add_child(
        instance=StandardPage(title="Imagefilm erster Entwurf", slug="imagefilm-vorab", live=False)
    )
    page.save_revision()
    page.title = "Imagefilm #WirmachenMitte"
    page.lead = "Vorab für die Personalversammlung."
    page.save_revision()
    return page


def _create(client, page, expires_on=None):
    expires_on = expires_on or timezone.localdate() + timedelta(days=7)
    return client.post(
        reverse("previewlink:add"),
        {"page": page.pk, "expires_on": expires_on.isoformat(), "note": "Personalversammlung"},
    )


@pytest.fixture
def stored_pages(monkeypatch):
    """The keys of pages the page cache stores from now on."""
    keys = []
    original = page_cache.store.set

    def recording(key, value, timeout):
        if key.startswith("page:"):
            keys.append(key)
        return original(key, value, timeout)

    monkeypatch.setattr(page_cache.store, "set", recording)
    return keys


def test_press_office_creates_link_and_anyone_sees_the_latest_draft(client, draft, stored_pages):
    login_with_second_factor(client, site_editor(MITTE, PRESS_OFFICE))
    # The page's own menu in the admin offers it.
    editing = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert reverse("previewlink:add") + f"?page={draft.pk}" in editing.text
    assert client.get(reverse("previewlink:add") + f"?page={draft.pk}").status_code == 200
    assert _create(client, draft).status_code == 302
    link = PreviewLink.objects.get(page=draft)
    listing = client.get(reverse("previewlink:index"))
    assert link.get_path() in listing.text
    client.logout()

    response = get_with_query_budget(client, link.get_path(), host=MITTE, max_queries=30)
    assert BAR in response.text
    assert "Imagefilm #WirmachenMitte" in response.text
    assert "Vorab für die Personalversammlung." in response.text
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    client.get(link.get_path(), HTTP_HOST=MITTE)
    link.refresh_from_db()
    assert link.times_opened == 2
    # The page cache kept nothing: the draft stays a secret of the link.
    assert stored_pages == []
    assert client.get(draft.url_path, HTTP_HOST=MITTE).status_code == 404


def test_refused_links_answer_in_german_without_the_draft(client, draft):
    link = PreviewLink.objects.create(page=draft, expires_on=timezone.localdate())
    link.expires_on = timezone.localdate() - timedelta(days=1)
    link.save()
    expired = client.get(link.get_path(), HTTP_HOST=MITTE)
    assert expired.status_code == 410
    assert "abgelaufen" in expired.text
    assert BAR not in expired.text
    assert "no-store" in expired["Cache-Control"]

    revoked = PreviewLink.objects.create(page=draft, expires_on=timezone.localdate())
    path = revoked.get_path()
    revoked.delete()
    for bad in (path, "/vorschau/unsinn/", path[:-3] + "xx/", "/vorschau/" + "a" * 3000 + "/"):
        response = client.get(bad, HTTP_HOST=MITTE)
        assert response.status_code == 404, bad
        assert "Diese Vorschau gibt es nicht" in response.text
    # Another employer's host shows nothing of Mitte's draft.
    other = PreviewLink.objects.create(page=draft, expires_on=timezone.localdate())
    assert client.get(other.get_path(), HTTP_HOST=ESSEN).status_code == 404
    assert PreviewLink.objects.get(pk=other.pk).times_opened == 0


def test_another_employers_editor_neither_lists_nor_creates(client, draft):
    link = PreviewLink.objects.create(page=draft, expires_on=timezone.localdate())
    login_with_second_factor(client, site_editor(ESSEN, PRESS_OFFICE))
    listing = client.get(reverse("previewlink:index"))
    assert listing.status_code == 200
    assert link.get_path() not in listing.text
    response = _create(client, draft)
    assert response.status_code == 200  # the form again, with its error
    assert PreviewLink.objects.filter(page=draft).count() == 1
    assert client.get(reverse("previewlink:delete", args=[link.pk])).status_code == 404
    assert client.post(reverse("previewlink:delete", args=[link.pk])).status_code == 404
    assert PreviewLink.objects.filter(pk=link.pk).exists()


def test_bad_dates_are_refused_and_old_links_cleaned_up(client, draft):
    login_with_second_factor(client, site_editor(MITTE, PRESS_OFFICE))
    past = _create(client, draft, timezone.localdate() - timedelta(days=1))
    assert "Vergangenheit" in past.text
    far = _create(client, draft, timezone.localdate() + timedelta(days=400))
    assert "höchstens" in far.text
    assert not PreviewLink.objects.exists()

    old = PreviewLink.objects.create(page=draft, expires_on=timezone.localdate())
    PreviewLink.objects.filter(pk=old.pk).update(
        expires_on=timezone.localdate() - timedelta(days=8)
    )
    recent = PreviewLink.objects.create(page=draft, expires_on=timezone.localdate())
    call_command("delete_expired_preview_links", stdout=io.StringIO())
    assert list(PreviewLink.objects.values_list("pk", flat=True)) == [recent.pk]
