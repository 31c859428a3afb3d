"""Periodic work, one entry point: `manage.py run_periodic`, called every five
minutes by one cron line or systemd timer.

Features register their jobs through the Wagtail hook `register_periodic_jobs`,
a function returning PeriodicJob(command, every): a management command and how
often it is due. run_periodic runs every due job in the order registered. A
job is due when the shared cache holds no mark of a run within its interval;
the mark is set with an atomic cache.add before the job starts, so the timers
of two machines never run one job twice in an interval. Should the cache be
lost or unreachable, a job runs once more, which each of them tolerates: they
delete what has expired, publish what is due, send what is new since their
last mail.
"""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.core.management import call_command
from wagtail import hooks

HOOK = "register_periodic_jobs"
# The timer's own period: a mark ends this much before its interval does, so
# the tick that finds the interval over is not a few seconds too early.
TICK = datetime.timedelta(minutes=5)
EVERY_TICK = TICK
HOURLY = datetime.timedelta(hours=1)
DAILY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class PeriodicJob:
    command: str
    every: datetime.timedelta

    @property
    def mark(self):
        return f"stellwerk:periodic:{self.command}"

    @property
    def mark_seconds(self):
        return max((self.every - TICK).total_seconds(), TICK.total_seconds() / 2)


def registered_jobs():
    return [job for registered in hooks.get_hooks(HOOK) for job in registered()]


def run_due_jobs(stdout):
    """Run each due job; the failed ones' names, after every other job has run."""
    failed = []
    for job in registered_jobs():
        # False: marked within the interval. None: the cache is unreachable (its
        # errors are ignored, settings.base); then every job runs, as twice is harmless.
        if cache.add(job.mark, True, timeout=job.mark_seconds) is False:
            continue
        stdout.write(f"{job.command}:")
        try:
            call_command(job.command, stdout=stdout)
        except Exception as error:  # one failing job must not keep the others from running
            stdout.write(f"{job.command} fehlgeschlagen: {error}")
            failed.append(job.command)
    return failed
