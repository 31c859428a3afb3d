"""campaign/sites/page_cache/: anonymous visitors' pages from the cache, and
every purge rule of purge.py, each with the lists a visitor would look at."""

import datetime
import gzip

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageViewRestriction, ReferenceIndex, Site

from campaign.factories import PressIndexPageFactory, PressReleasePageFactory, StandardPageFactory
from campaign.members.models import Member
from campaign.models import (
    EmployerSettings,
    MediaContact,
    PressIndexPage,
    PressReleasePage,
    SocialAccount,
)
from campaign.sites import page_cache
from careers.factories import DepartmentFactory
from careers.models import JobPostingPage
from media_library.models import CustomImage

pytestmark = pytest.mark.django_db

MITTE = "mitte.localhost"
OTHER = "zukunftsorte.localhost"
DIRECTORY = "localhost"
STATUS = "X-Page-Cache"


def _get(client, path, host=MITTE, **headers):
    return client.get(path, HTTP_HOST=host, **headers)


def _warm(client, path, host=MITTE):
    """Fetch twice, so the address is learned and its page stored."""
    _get(client, path, host)
    response = _get(client, path, host)
    assert response[STATUS] == "hit", f"{host}{path} kam nicht aus dem Cache"
    return response


def _site(hostname):
    return Site.objects.get(hostname=hostname)


def _publish(page):
    page.save_revision().publish()
    return page


def test_a_visitor_gets_a_stored_page_without_a_query_and_a_304_when_unchanged(client, demo_sites):
    first = _get(client, "/presse/")
    with CaptureQueriesContext(connection) as queries:
        again = _get(client, "/presse/")

    assert (first[STATUS], again[STATUS]) == ("miss", "hit")
    assert len(queries) == 0
    assert again.content == first.content
    assert not again.cookies
    cache_control = again["Cache-Control"]
    assert "public" in cache_control
    assert "max-age=0" in cache_control
    assert "s-maxage=" in cache_control
    assert again["ETag"] == first["ETag"]
    assert again["Last-Modified"]

    assert _get(client, "/presse/", HTTP_IF_NONE_MATCH=again["ETag"]).status_code == 304
    since = _get(client, "/presse/", HTTP_IF_MODIFIED_SINCE=again["Last-Modified"])
    assert since.status_code == 304


def test_shared_caches_never_keep_a_page_past_midnight(client, demo_sites, monkeypatch):
    _get(client, "/")  # today's midnight is learned first
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    late = timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(23, 59, 30)))
    monkeypatch.setattr(timezone, "now", lambda: late)

    response = _get(client, "/")

    max_age = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 0 <= max_age <= 30


def test_parameters_no_view_reads_neither_change_a_page_nor_multiply_entries(client, demo_sites):
    plain = _warm(client, "/suche/?q=Verwaltung&arbeitszeit=teilzeit")

    shared = _get(
        client,
        "/suche/?arbeitszeit=teilzeit&q=Verwaltung&utm_source=zeitung&fbclid=x1&gibts=%3Cb%3E&kategorie=",
    )
    other = _get(client, "/suche/?q=Pflege&arbeitszeit=teilzeit")

    assert shared[STATUS] == "hit"
    assert shared.content == plain.content
    assert b"utm_source" not in shared.content
    assert b"gibts" not in shared.content
    assert other[STATUS] == "miss"
    assert other.content != plain.content


def test_links_never_carry_parameters_of_another_visitor(client, demo_sites):
    # The first visitor's address has a parameter the search does not read:
    # that page is not stored, and the next is rendered without it.
    first = _get(client, "/suche/?q=Verwaltung&werbung=ja")
    second = _get(client, "/suche/?q=Verwaltung&werbung=nein")
    third = _get(client, "/suche/?q=Verwaltung")

    assert first[STATUS] == "miss"
    assert second[STATUS] == "miss"
    assert third[STATUS] == "hit"
    assert b"werbung" not in second.content
    assert second.content == third.content


def test_logged_in_visitors_are_never_served_nor_stored(admin_client, demo_sites):
    editor = _get(admin_client, "/")
    assert STATUS not in editor
    assert "private" in editor["Cache-Control"]

    visitor = _get(Client(), "/")
    assert visitor[STATUS] == "miss", "the editor's page was stored"


def test_member_only_pages_are_never_stored(client, demo_sites, django_user_model):
    release = PressReleasePage.objects.live().descendant_of(_site(MITTE).root_page).first()
    PageViewRestriction.objects.create(page=release, restriction_type=PageViewRestriction.LOGIN)
    path = release.get_url_parts()[2]
    user = django_user_model.objects.create_user("mitglied@example.org", password="x" * 16)
    Member.objects.create(user=user, site=_site(MITTE), verified_at=timezone.now())
    member = type(client)()
    member.force_login(user)

    members_page = _get(member, path)
    anonymous = [_get(client, path), _get(client, path)]

    assert members_page.status_code == 200
    assert STATUS not in members_page
    assert "private" in members_page["Cache-Control"]
    assert [response.status_code for response in anonymous] == [302, 302]
    assert all(release.title.encode() not in response.content for response in anonymous)


def test_pages_with_a_form_or_a_message_are_not_stored(client, demo_sites):
    # The accessibility statement carries the feedback form and its CSRF token.
    form_pages = [_get(client, "/barrierefreiheit/") for _ in range(2)]
    with_message = _get(client, "/presse/", **{"HTTP_COOKIE": "messages=abc"})
    missing = [_get(client, "/gibt-es-nicht/") for _ in range(2)]

    assert [STATUS in response for response in form_pages] == [False, False]
    assert "no-cache" in form_pages[1]["Cache-Control"]
    assert STATUS not in with_message
    assert [response.status_code for response in missing] == [404, 404]
    assert STATUS not in missing[1]


# The purge rules of purge.py, one by one.


def test_publishing_a_release_changes_the_lists_that_show_it(client, demo_sites):
    lists = ["/presse/", "/presse/rss/", "/suche/?q=Weichenstellung"]
    for path in lists:
        _warm(client, path)
    elsewhere = _warm(client, "/", OTHER)

    index = PressIndexPage.objects.descendant_of(_site(MITTE).root_page).get()
    release = _publish(PressReleasePageFactory(parent=index, title="Weichenstellung im Bezirk"))

    address = release.get_url_parts()[2]
    for path in lists:
        response = _get(client, path)
        assert response[STATUS] == "miss", path
        assert address.encode() in response.content, path
    assert _get(client, address).status_code == 200
    assert _get(client, "/", OTHER)[STATUS] == "hit", "another employer's site was purged"
    assert _get(client, "/", OTHER).content == elsewhere.content


def test_unpublishing_and_deleting_take_a_page_out_of_every_list(client, demo_sites):
    release = PressReleasePage.objects.live().descendant_of(_site(MITTE).root_page).first()
    path = release.get_url_parts()[2]
    for address in ["/presse/", "/presse/rss/", path]:
        _warm(client, address)

    release.unpublish()

    assert release.title.encode() not in _get(client, "/presse/").content
    assert path.encode() not in _get(client, "/presse/rss/").content
    assert _get(client, path).status_code == 404

    other = PressReleasePage.objects.live().descendant_of(_site(MITTE).root_page).first()
    _warm(client, "/presse/")
    other.delete()
    assert other.title.encode() not in _get(client, "/presse/").content


def test_moving_a_page_purges_both_places(client, demo_sites):
    mitte, other = _site(MITTE), _site(OTHER)
    release = PressReleasePage.objects.live().descendant_of(mitte.root_page).first()
    other_index = _publish(PressIndexPageFactory(parent=other.root_page, slug="presse"))
    _warm(client, "/presse/")
    _warm(client, other_index.get_url_parts()[2], other.hostname)

    release.move(other_index, pos="last-child")

    assert release.title.encode() not in _get(client, "/presse/").content
    moved_to = _get(client, other_index.get_url_parts()[2], other.hostname)
    assert moved_to[STATUS] == "miss"
    assert release.title.encode() in moved_to.content


def test_a_new_posting_reaches_the_directory_of_every_employer(client, demo_sites):
    _warm(client, "/suche/?q=Stellwerkerin", DIRECTORY)
    _warm(client, "/", OTHER)
    posting = JobPostingPage.objects.live().open().descendant_of(_site(MITTE).root_page).first()

    posting.title = "Stellwerkerin (m/w/d)"
    _publish(posting)

    found = _get(client, "/suche/?q=Stellwerkerin", DIRECTORY)
    assert found[STATUS] == "miss"
    assert posting.get_url_parts()[2].encode() in found.content
    assert _get(client, "/", OTHER)[STATUS] == "hit"


def test_a_site_setting_purges_its_site_only(client, demo_sites):
    _warm(client, "/")
    _warm(client, "/", OTHER)
    settings = EmployerSettings.for_site(_site(MITTE))

    settings.organisation_name = "Bezirksamt Neu-Mitte"
    settings.save()

    assert b"Bezirksamt Neu-Mitte" in _get(client, "/").content
    assert _get(client, "/", OTHER)[STATUS] == "hit"


def test_a_snippet_purges_the_pages_of_its_site(client, demo_sites):
    release = (
        PressReleasePage.objects.live()
        .descendant_of(_site(MITTE).root_page)
        .filter(media_contact__isnull=False)
        .first()
    )
    path = release.get_url_parts()[2]
    _warm(client, path)
    contact = MediaContact.objects.get(pk=release.media_contact_id)

    contact.office = "Pressestelle Weichenwärter"
    contact.save()

    response = _get(client, path)
    assert response[STATUS] == "miss"
    assert "Weichenwärter".encode() in response.content


def test_an_image_purges_the_sites_that_use_it_and_a_new_one_purges_nothing(client, demo_sites):
    mitte_root = _site(MITTE).root_page
    used = next(
        image
        for image in CustomImage.objects.all()
        if any(
            getattr(source, "url_path", "").startswith(mitte_root.url_path)
            for source, _references in ReferenceIndex.get_references_to(
                image
            ).group_by_source_object()
        )
    )
    _warm(client, "/")
    _warm(client, "/", OTHER)

    CustomImage.objects.create(title="Neu", file=used.file.name, width=1, height=1)
    assert _get(client, "/")[STATUS] == "hit", "a new upload purged the site"

    used.title = "Ein anderer Titel"
    used.save()

    assert _get(client, "/")[STATUS] == "miss"
    assert _get(client, "/", OTHER)[STATUS] == "hit"


def test_a_drafts_autosave_purges_nothing(client, demo_sites):
    release = PressReleasePage.objects.live().descendant_of(_site(MITTE).root_page).first()
    _warm(client, "/presse/")

    release.title = "Entwurf, noch nicht veröffentlicht"
    release.save_revision()

    response = _get(client, "/presse/")
    assert response[STATUS] == "hit"
    assert b"Entwurf, noch nicht" not in response.content


def test_a_posting_leaves_every_list_the_day_after_its_deadline(client, demo_sites, monkeypatch):
    posting = JobPostingPage.objects.live().open().descendant_of(_site(MITTE).root_page).first()
    deadline = timezone.localdate()
    JobPostingPage.objects.filter(pk=posting.pk).update(application_deadline=deadline)
    word = posting.title.split()[-1]
    lists = [posting.job_field.url if posting.job_field_id else "/", f"/suche/?q={word}"]
    address = posting.get_url_parts()[2].encode()
    for path in lists:
        _warm(client, path)
        assert address in _get(client, path).content, path

    tomorrow = timezone.now() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)

    for path in lists:
        response = _get(client, path)
        assert response[STATUS] == "miss", path
        assert address not in response.content, path


def test_search_finds_a_published_page_once_the_worker_has_indexed_it(client, demo_sites, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    search = "/suche/?q=Weichenwärterin"
    _warm(client, search)
    posting = JobPostingPage.objects.live().open().descendant_of(_site(MITTE).root_page).first()
    address = posting.get_url_parts()[2].encode()

    posting.title = "Weichenwärterin (m/w/d)"
    _publish(posting)
    before_indexing = _get(client, search)
    assert address not in before_indexing.content, "indexed without the worker"
    assert _get(client, search)[STATUS] == "hit"

    # What the worker does with each task (its loop would close the test's connection).
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    for task_result in DBTaskResult.objects.ready():
        task_result.claim(worker.worker_id)
        worker.run_task(task_result)

    after_indexing = _get(client, search)
    assert after_indexing[STATUS] == "miss"
    assert address in after_indexing.content


def test_menu_footer_and_search_choices_follow_the_next_purge_for_editors_too(
    admin_client, demo_sites
):
    """Every page of a site shows the same menu, footer and search filters: each
    worker reads them once, and again after the purges that change them."""
    mitte = _site(MITTE)
    first = _get(admin_client, "/suche/")
    with CaptureQueriesContext(connection) as again:
        _get(admin_client, "/suche/")
    assert len(again) < len(queries_of_fresh(admin_client, "/suche/")), (
        "menu, footer and filters were read again without a change"
    )
    assert b"Ausbildungsmesse Weichenwerk" not in first.content

    StandardPageFactory(parent=mitte.root_page, title="Ausbildungsmesse Weichenwerk")
    employer = EmployerSettings.for_site(mitte)
    employer.social_accounts.add(
        SocialAccount(platform="mastodon", handle="@weichenwerk", url="https://example.org/@w")
    )
    employer.save()
    department = DepartmentFactory(site=mitte, name="Amt für Weichenbau")

    page = _get(admin_client, "/suche/").content.decode()
    assert "Ausbildungsmesse Weichenwerk" in page
    assert "@weichenwerk" in page
    assert _get(admin_client, f"/suche/?amt={department.pk}").status_code == 200


def queries_of_fresh(client, path, host=MITTE):
    """How many queries `path` takes when nothing is remembered."""
    page_cache.store.clear()
    with CaptureQueriesContext(connection) as queries:
        _get(client, path, host)
    return queries


def test_a_stored_page_goes_to_a_phone_compressed_and_unchanged(client, demo_sites):
    plain = _get(client, "/berufsfelder/")
    packed = _get(client, "/berufsfelder/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert (plain[STATUS], packed[STATUS]) == ("miss", "hit")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 4
    assert int(packed["Content-Length"]) == len(packed.content)
    assert "Accept-Encoding" in plain["Vary"]
    assert "Accept-Encoding" in packed["Vary"]
    assert packed["ETag"] == "W/" + plain["ETag"]
    again = _get(
        client, "/berufsfelder/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"]
    )
    assert again.status_code == 304


def test_a_page_the_cache_does_not_keep_is_compressed_too(admin_client, demo_sites):
    response = _get(admin_client, "/berufsfelder/", HTTP_ACCEPT_ENCODING="gzip")

    assert STATUS not in response
    assert response["Content-Encoding"] == "gzip"
    assert b"Berufsfelder" in gzip.decompress(response.content)
