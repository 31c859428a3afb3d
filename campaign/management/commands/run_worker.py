"""django-tasks-db's `db_worker` that outlives a database outage.

`db_worker` ends at the first error of the database other than a lock: after a
restart of PostgreSQL, a failover or a network hiccup, e-mails and every other
task stopped until someone restarted it by hand. This command runs the same
worker and, when the database fails, logs it, waits and starts it again; the
queue is in the database, so nothing queued is lost. A task the outage broke
off goes back into the queue: it was left "running" for good otherwise.
"""

import contextlib
import logging
import time

from django.db import Error, connections
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("campaign.worker")


def requeue_abandoned_tasks(worker_id, backend_name):
    """Put the tasks this worker claimed and never finished back into the queue.

    Only after a database error: the task failed with the database, or the
    database failed before the task's result was stored. Running it again
    may repeat a task that got through (at least once rather than never).
    """
    running = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, backend_name=backend_name
    ).values_list("pk", "worker_ids")
    abandoned = [pk for pk, worker_ids in running if worker_ids and worker_ids[-1] == worker_id]
    if abandoned:
        DBTaskResult.objects.filter(pk__in=abandoned, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None
        )
        logger.warning("%s abgebrochene Aufgabe(n) wieder eingereiht.", len(abandoned))
    return len(abandoned)


class Command(db_worker.Command):
    help = (
        "Führt die Hintergrundaufgaben aus (wie db_worker) und startet neu, "
        "wenn die Datenbank ausfällt."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--restart-delay",
            type=float,
            default=5.0,
            help="Sekunden Pause nach einem Fehler der Datenbank (Vorgabe: %(default)s).",
        )

    def handle(self, *args, restart_delay, **options):
        # The reloader would run the worker in a thread of its own, where an
        # error ends the thread but not the process: a worker that looks alive.
        options["reload"] = False
        after_error = False
        while True:
            try:
                if after_error:
                    requeue_abandoned_tasks(options["worker_id"], options["backend_name"])
                return super().handle(*args, **options)
            except Error as error:
                after_error = True
                logger.warning(
                    "Datenbankfehler im Worker (%s: %s); Neustart in %s s.",
                    type(error).__name__,
                    str(error).strip(),
                    restart_delay,
                )
                self._drop_connections()
                time.sleep(restart_delay)

    @staticmethod
    def _drop_connections():
        """Connections that died with the server; the next query opens a new one."""
        for connection in connections.all(initialized_only=True):
            with contextlib.suppress(Error):
                connection.close()
