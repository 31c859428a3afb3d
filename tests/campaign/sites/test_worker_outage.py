"""The task worker outlives a database outage (campaign/management/commands/run_worker.py).

django-tasks-db's db_worker ended at PostgreSQL's first refusal and stayed
down: e-mails were queued and never sent. Here the worker runs as a process of
its own with production settings, PostgreSQL goes away under it and comes
back, and a mail queued afterwards still goes out.
"""

import os
import subprocess
import sys
import time
from email import message_from_string
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from campaign.management.commands.run_worker import requeue_abandoned_tasks
from campaign.members.tasks import RESET, send_member_mail
from tests.campaign.sites.test_database_outage import pg, pg_data, wait_for_database  # noqa: F401

BASE_DIR = Path(__file__).resolve().parents[3]


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def worker(tmp_path, redis_server):
    """`manage.py run_worker` with production settings, its mails written to files."""
    mails = tmp_path / "mails"
    log = (tmp_path / "worker.log").open("w+")
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign.project.settings.production",
        "DATABASE_URL": database_url(),
        "SECRET_KEY": "worker-test-only-" + "x" * 40,
        "ALLOWED_HOSTS": "mitte.localhost",
        "APPLICATION_FILES_KEY": "dGVzdC1vbmx5LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=",
        "EMAIL_URL": f"file://{'/' + str(mails)}",
        "STELLWERK_VAR_DIR": str(tmp_path / "var"),
        "REDIS_URL": redis_server.url,  # production requires the shared cache
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--interval", "0.2", "--restart-delay", "0.5"],
        cwd=BASE_DIR,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.mails = mails
    process.log = log
    yield process
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()


def worker_log(worker):
    worker.log.seek(0)
    return worker.log.read()


def wait_until(condition, timeout):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def sent_mails(worker):
    if not worker.mails.exists():
        return []
    return [message_from_string(path.read_text()) for path in sorted(worker.mails.iterdir())]


def queue_reset_mail(settings, user):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_member_mail.enqueue(RESET, user.pk, "http://mitte.localhost", "Bezirksamt Mitte")


@pytest.mark.postgres
def test_the_worker_survives_an_outage_and_sends_what_is_queued_after(
    pg_data,  # noqa: F811
    transactional_db,
    settings,
    worker,
):
    user = get_user_model().objects.create_user("leser", "leser@example.org", "geheim-123456")
    queue_reset_mail(settings, user)
    assert wait_until(lambda: len(sent_mails(worker)) == 1, 15), worker_log(worker)

    connections.close_all()
    pg("stop", pg_data)
    try:
        # The worker polls five times a second: it meets the refusing server
        # several times over (db_worker ended at the first).
        time.sleep(2)
        assert worker.poll() is None, worker_log(worker)
        assert "Datenbankfehler im Worker" in worker_log(worker)
    finally:
        pg("start", pg_data)
        connections.close_all()
        wait_for_database()

    queue_reset_mail(settings, user)

    assert wait_until(lambda: len(sent_mails(worker)) == 2, 15), worker_log(worker)
    assert worker.poll() is None
    assert sent_mails(worker)[1]["To"] == "leser@example.org"


@pytest.mark.django_db
def test_a_task_the_outage_broke_off_is_queued_again(settings):
    """The worker claimed it, then the database went away before its result was stored."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    broken_off = DBTaskResult.objects.get(
        pk=send_member_mail.enqueue(RESET, 1, "http://mitte.localhost", "Mitte").id
    )
    broken_off.claim("dieser-worker")
    elsewhere = DBTaskResult.objects.get(
        pk=send_member_mail.enqueue(RESET, 2, "http://mitte.localhost", "Mitte").id
    )
    elsewhere.claim("ein-anderer-worker")

    assert requeue_abandoned_tasks("dieser-worker", "default") == 1

    broken_off.refresh_from_db()
    elsewhere.refresh_from_db()
    assert broken_off.status == TaskResultStatus.READY
    assert elsewhere.status == TaskResultStatus.RUNNING
    assert DBTaskResult.objects.ready().get() == broken_off
