"""Helpers the whole suite shares."""

import os
import time
from itertools import zip_longest

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from campaign.staff_security.second_factor import needs_second_factor


def required_everywhere():
    """In CI (STELLWERK_REQUIRE_ALL=1) nothing may skip for want of a tool."""
    return os.environ.get("STELLWERK_REQUIRE_ALL") == "1"


def skip_unless_available(available, reason):
    """Skip locally when a tool is missing; fail in CI, where it must be there."""
    if available:
        return
    if required_everywhere():
        pytest.fail(f"{reason} (STELLWERK_REQUIRE_ALL=1: must not skip)")
    pytest.skip(reason)


def get_with_query_budget(client, url, *, host, max_queries, status=200, **extra):
    """GET a page as a visitor of `host` and hold it to a number of SQL queries."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST=host, **extra)
    assert response.status_code == status, f"{url} on {host}: {response.status_code}"
    listing = "\n".join(f"  {query['sql'][:160]}" for query in queries.captured_queries)
    assert len(queries) <= max_queries, (
        f"{url} on {host} needed {len(queries)} queries, budget {max_queries}:\n{listing}"
    )
    return response


def queries_of(client, url, *, host):
    """The SQL of one GET, read at once: the next request empties Django's
    query log, and a capture read later would hold nothing."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, f"{url} on {host}: {response.status_code}"
    return [query["sql"] for query in queries.captured_queries]


def count_queries(client, url, *, host):
    """The number of SQL queries of one GET."""
    return len(queries_of(client, url, host=host))


def same_queries(first, second):
    """Whether two query logs have the same length; the message shows the SQL
    of both when not, so a test that fails says which query came or went."""
    if len(first) == len(second):
        return True
    shown = "\n".join(
        f"  {'=' if a == b else '≠'} {a[:120]!s:<120} | {b[:120]}"
        for a, b in zip_longest(first, second, fillvalue="")
    )
    raise AssertionError(f"{len(first)} ≠ {len(second)} queries:\n{shown}")


def current_code(device):
    """The code the device's authenticator app shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def login_with_second_factor(client, user):
    """Log `user` in to the admin as the login does: the password step, then,
    for staff who may see applications (superusers, HR), the second factor: a
    fresh authenticator (so a code used before is not refused as replayed)
    and its current code posted to the code step. Returns the device, if any."""
    client.force_login(user)
    if not needs_second_factor(user):
        return None
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="Test", confirmed=True)
    response = client.post(reverse("staff_second_factor_verify"), {"code": current_code(device)})
    assert response.status_code == 303, f"second factor refused: {response.status_code}"
    return device
