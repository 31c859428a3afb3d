"""Health of the installation for load balancers and monitoring.

/healthz is liveness: the process answers and reaches its database (the site
serves nothing without it), so a failing check means "restart or page".
/readyz is readiness: whether this instance should get visitors now, with
every service it relies on named: database, the shared cache (a key written
and read back) and the media storage (with object storage: each of its
buckets). A Redis that is down leaves the pages working
(campaign/project/settings/base.py), but not as they should: rate limits and
the registration's captcha wait for it, so /readyz answers 503 naming it.
"""

import copy
import logging
import secrets

from botocore.config import Config
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage, storages
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache():
    # A key of its own per probe: workers probing at once never read each other's.
    key, value = f"readyz:{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, value, 30)
    answered = cache.get(key) == value
    cache.delete(key)
    return answered


# A probe answers within the orchestrator's timeout: one attempt, short waits.
PROBE_CONFIG = Config(connect_timeout=2, read_timeout=2, retries={"total_max_attempts": 1})


def _storage():
    buckets = {
        alias: config["OPTIONS"]["bucket_name"]
        for alias, config in settings.STORAGES.items()
        if config.get("OPTIONS", {}).get("bucket_name")
    }
    if not buckets:
        # Asking is the test, not the answer: a folder out of reach raises.
        # (The file system answers False for a path it cannot see; a folder
        # that does not exist yet on a fresh installation must not hold
        # visitors off.)
        default_storage.exists("readyz")
        return True
    # Every bucket (media, applicants' files) must exist and answer: a missing
    # one would only show at the next upload.
    for alias, bucket in buckets.items():
        _probe_client(storages[alias]).head_bucket(Bucket=bucket)
    return True


def _probe_client(storage):
    """The storage's client with the probe's short timeouts (a copy of the
    storage makes its own connection)."""
    probe = copy.copy(storage)
    probe.client_config = storage.client_config.merge(PROBE_CONFIG)
    return probe.connection.meta.client


CHECKS = {"database": _database, "cache": _cache, "storage": _storage}


@never_cache
def readyz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "down"
        except Exception:  # whatever a service raises, the probe answers
            logger.exception("readyz: %s ist nicht erreichbar", name)
            results[name] = "down"
    failing = [name for name, result in results.items() if result != "ok"]
    if failing:
        return JsonResponse({"status": "unavailable", **results, "failing": failing}, status=503)
    return JsonResponse({"status": "ok", **results})
