"""Applications are deleted, files and all, when their time after the process is up."""

import datetime
import logging
import os
import time
import uuid
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from careers.applications import services, storage
from careers.models import Application, JobPostingPage
from careers.rules import today
from tests.careers.applications.conftest import HOST


def _days_ago(days):
    return today() - datetime.timedelta(days=days)


def test_the_daily_command_deletes_exactly_the_expired_applications(
    demo_sites, valid_data, pdf_bytes, django_capture_on_commit_callbacks, caplog
):
    site = Site.objects.get(hostname=HOST)
    closed, decided_late, long_gone, endless = JobPostingPage.objects.descendant_of(
        site.root_page
    ).order_by("pk")[:4]
    JobPostingPage.objects.filter(pk=closed.pk).update(process_closed_on=_days_ago(200))
    # HR's date wins over the deadline: the process ended ten days ago.
    JobPostingPage.objects.filter(pk=decided_late.pk).update(
        application_deadline=_days_ago(300), process_closed_on=_days_ago(10)
    )
    JobPostingPage.objects.filter(pk=long_gone.pk).update(application_deadline=_days_ago(800))
    JobPostingPage.objects.filter(pk=endless.pk).update(application_deadline=None)

    def apply(posting, talent_pool=False):
        data = {**valid_data, "talent_pool": talent_pool}
        return services.submit(posting, data, [("cv.pdf", pdf_bytes)])

    with django_capture_on_commit_callbacks(execute=True):
        expired = [apply(closed), apply(long_gone, talent_pool=True), apply(endless)]
        kept = [apply(closed, talent_pool=True), apply(decided_late), apply(endless)]
    # Without a deadline the clock starts when the application came.
    Application.objects.filter(pk=expired[2].pk).update(
        created_at=timezone.now() - datetime.timedelta(days=200)
    )
    expired_files = [storage.path_of(a.documents.get().pk) for a in expired]
    kept_files = [storage.path_of(a.documents.get().pk) for a in kept]
    out = StringIO()

    with (
        caplog.at_level(logging.INFO, logger="careers.applications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("delete_expired_applications", stdout=out)

    assert "3 abgelaufene Bewerbungen gelöscht" in out.getvalue()
    assert set(Application.objects.values_list("pk", flat=True)) == {a.pk for a in kept}
    assert not any(path.exists() for path in expired_files)
    assert all(path.exists() for path in kept_files)
    logged = caplog.text
    assert str(expired[0].pk) in logged
    assert "Ada" not in logged
    assert "ada@example.org" not in logged


def _age(path, hours):
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


def test_the_daily_command_sweeps_files_left_without_their_row(
    posting, valid_data, pdf_bytes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = services.submit(posting, valid_data, [("cv.pdf", pdf_bytes)])
    with_row = storage.path_of(application.documents.get().pk)
    # A worker killed after writing, before its row was committed; one killed while writing.
    orphan = storage.path_of(storage.write(uuid.uuid4(), pdf_bytes))
    stale_part = orphan.with_name(uuid.uuid4().hex + ".part")
    stale_part.write_bytes(b"half")
    for path in (with_row, orphan, stale_part):
        _age(path, hours=2)
    # Younger than an hour: may be an application being received right now.
    in_flight = storage.path_of(storage.write(uuid.uuid4(), pdf_bytes))
    writing = in_flight.with_name(uuid.uuid4().hex + ".part")
    writing.write_bytes(b"half")
    # Not a name this feature gives: not ours to delete.
    stranger = orphan.with_name("README")
    stranger.write_text("keep")
    _age(stranger, hours=2)
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("delete_expired_applications", stdout=out)

    assert "2 verwaiste Dateien gelöscht" in out.getvalue()
    assert not orphan.exists()
    assert not stale_part.exists()
    assert storage.read(application.documents.get().pk) == pdf_bytes
    assert in_flight.exists()
    assert writing.exists()
    assert stranger.exists()
