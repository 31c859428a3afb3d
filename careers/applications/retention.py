"""How long applications are kept, and deleting them when their time is up.

An application's clock starts when its posting's process ends: the day HR
entered as *Verfahren abgeschlossen am* on the posting, else the posting's
deadline, else (a posting without a deadline) the day the application came.
APPLICATION_RETENTION_DAYS later (183, about six months: the time to answer
claims under § 15 Abs. 4 AGG with a margin) it is deleted with its files;
with the applicant's consent to the talent pool after
APPLICATION_TALENT_POOL_DAYS (two years) instead. The daily command
`delete_expired_applications` runs it; its log holds counts and ids only.

The same daily run sweeps the files folder: a worker killed between writing
a document and committing its row leaves a file without a row (or, killed
while writing, a `.part`). Files older than ORPHAN_GRACE without their row
are deleted; younger ones may belong to an application being received.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import DateField, F, Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from careers.applications import storage
from careers.models.applications import Application, ApplicationDocument
from careers.rules import today

logger = logging.getLogger("careers.applications")

ORPHAN_GRACE = datetime.timedelta(hours=1)
LOOKUP_BATCH = 1000


def expired(on=None):
    """The applications whose time is up on `on` (today)."""
    on = on or today()
    process_end = Coalesce(
        F("posting__process_closed_on"),
        F("posting__application_deadline"),
        TruncDate("created_at"),
        output_field=DateField(),
    )
    plain = on - datetime.timedelta(days=settings.APPLICATION_RETENTION_DAYS)
    pool = on - datetime.timedelta(days=settings.APPLICATION_TALENT_POOL_DAYS)
    return (
        Application.objects.alias(process_end=process_end)
        .filter(
            Q(talent_pool=False, process_end__lt=plain) | Q(talent_pool=True, process_end__lt=pool)
        )
        .order_by()
    )


def delete_expired(on=None):
    """Delete expired applications and (after the commit) their files; return how many."""
    with transaction.atomic():
        ids = list(expired(on).values_list("pk", flat=True))
        if ids:
            Application.objects.filter(pk__in=ids).delete()
    logger.info("%d abgelaufene Bewerbungen gelöscht (ids: %s)", len(ids), ids)
    return len(ids)


def delete_orphaned_files(now=None):
    """Delete stored files older than ORPHAN_GRACE that no document row names; return how many."""
    cutoff = ((now or timezone.now()) - ORPHAN_GRACE).timestamp()
    orphans = []
    named = {}
    for document_id, name, modified in storage.stored_files():
        if modified >= cutoff:
            continue
        if document_id is None:
            orphans.append(name)  # a .part: its writer died
        else:
            named[document_id] = name
    ids = list(named)
    for start in range(0, len(ids), LOOKUP_BATCH):
        batch = ids[start : start + LOOKUP_BATCH]
        known = set(ApplicationDocument.objects.filter(pk__in=batch).values_list("pk", flat=True))
        orphans.extend(named[document_id] for document_id in batch if document_id not in known)
    for name in orphans:
        storage.delete_stored(name)
    logger.info("%d verwaiste Dateien von Bewerbungen gelöscht", len(orphans))
    return len(orphans)
