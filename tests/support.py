"""Helpers the whole suite shares."""

import contextlib
import http.client
import os
import re
import time
import urllib.error
import urllib.request
import uuid
from itertools import zip_longest
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from campaign.sites import page_cache
from campaign.sites.staff_security.second_factor import needs_second_factor

# The servers the cluster starts (deploy/cluster.py), started by tests too.
from deploy.cluster import RedisServer, S3Server, free_port  # noqa: F401


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


class ObjectStorage:
    """Two fresh buckets on the S3 server and what a test asks of them."""

    def __init__(self, server):
        suffix = uuid.uuid4().hex[:12]
        self.server = server
        self.client = server.client()
        self.media_bucket = f"medien-{suffix}"
        self.applications_bucket = f"bewerbungen-{suffix}"
        for bucket in (self.media_bucket, self.applications_bucket):
            self.client.create_bucket(
                Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": server.REGION}
            )
        self.environ = server.environ(self.media_bucket, self.applications_bucket)

    def keys(self, bucket):
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def object(self, bucket, key):
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()

    def anonymous_get(self, url):
        """(status, body) of a GET without credentials, as anyone on the internet."""
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def bucket_url(self, bucket, key):
        return f"{self.server.url}/{bucket}/{key}"


def get_with_query_budget(client, url, *, host, max_queries, status=200, **extra):
    """GET a page as a visitor of `host` and hold it to a number of SQL queries
    (rendered afresh: budgets are for what the page cache does not answer)."""
    page_cache.store.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST=host, **extra)
    assert response.status_code == status, f"{url} on {host}: {response.status_code}"
    listing = "\n".join(f"  {query['sql'][:160]}" for query in queries.captured_queries)
    assert len(queries) <= max_queries, (
        f"{url} on {host} needed {len(queries)} queries, budget {max_queries}:\n{listing}"
    )
    return response


def sitemap_parts(client, *, host):
    """The parts /sitemap.xml lists for `host` (path and ?p=N), all on that host."""
    index = client.get("/sitemap.xml", HTTP_HOST=host)
    assert index.status_code == 200, index.status_code
    assert "<sitemapindex" in index.text
    parts = []
    for loc in re.findall(r"<loc>([^<]+)</loc>", index.text):
        url = urlsplit(loc)
        assert url.hostname == host, loc
        parts.append(f"{url.path}?{url.query}" if url.query else url.path)
    return parts


def whole_sitemap(client, *, host):
    """Every entry of the site's sitemap: the parts the index lists, joined."""
    texts = []
    for part in sitemap_parts(client, host=host):
        response = client.get(part, HTTP_HOST=host)
        assert response.status_code == 200, f"{part}: {response.status_code}"
        texts.append(response.text)
    return "\n".join(texts)


def queries_of(client, url, *, host):
    """The SQL of one GET, read at once: the next request empties Django's
    query log, and a capture read later would hold nothing. Rendered afresh, as
    get_with_query_budget."""
    page_cache.store.clear()
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


def admin_form_data(form):
    """The POST data an unbound Wagtail admin form (page or snippet) sends back
    unchanged: each field's initial value in its widget's format, StreamFields
    and inline formsets included. Tests change one value and post the rest."""
    from django import forms
    from wagtail.blocks.base import BlockField

    data = {}
    for bound in form:
        field, value = bound.field, bound.value()
        if isinstance(field, BlockField):
            _block_data(field.block, value, bound.html_name, data)
        elif isinstance(field.widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, (list, tuple)):
            data[bound.html_name] = [str(item) for item in value]
        else:
            formatted = field.widget.format_value(value)
            data[bound.html_name] = "" if formatted is None else formatted
    for formset in getattr(form, "formsets", {}).values():
        for bound in formset.management_form:
            data[bound.html_name] = bound.value()
        for order, child in enumerate(formset.forms):
            data.update(admin_form_data(child))
            data[child.add_prefix("ORDER")] = str(order + 1)
    return data


def _block_data(block, value, prefix, data):
    from wagtail import blocks
    from wagtail.blocks.field_block import ChooserBlock
    from wagtail.images.blocks import ImageBlock

    if isinstance(block, blocks.StreamBlock):
        children = list(value or [])
        data[f"{prefix}-count"] = str(len(children))
        for index, child in enumerate(children):
            item = f"{prefix}-{index}"
            data.update({f"{item}-type": child.block_type, f"{item}-deleted": ""})
            data.update({f"{item}-order": str(index), f"{item}-id": child.id or ""})
            _block_data(child.block, child.value, f"{item}-value", data)
    elif isinstance(block, blocks.ListBlock):
        children = list(value.bound_blocks) if value is not None else []
        data[f"{prefix}-count"] = str(len(children))
        for index, child in enumerate(children):
            item = f"{prefix}-{index}"
            data.update({f"{item}-deleted": "", f"{item}-order": str(index)})
            data[f"{item}-id"] = child.id or ""
            _block_data(block.child_block, child.value, f"{item}-value", data)
    elif isinstance(block, ImageBlock):
        struct = block._image_to_struct_value(value)
        for name, child in block.child_blocks.items():
            _block_data(child, struct.get(name), f"{prefix}-{name}", data)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            _block_data(child, (value or {}).get(name), f"{prefix}-{name}", data)
    elif isinstance(block, ChooserBlock):
        data[prefix] = "" if value is None else str(value.pk)
    elif isinstance(block, blocks.BooleanBlock):
        if value:
            data[prefix] = "on"
    elif isinstance(block, blocks.FieldBlock):
        formatted = block.field.widget.format_value(
            block.value_for_form(value) if value is not None else None
        )
        data[prefix] = "" if formatted is None else formatted


def site_editor(hostname, role, username=None, password="x"):
    """A new user in the `role` group (campaign.sites.roles) of the site at `hostname`."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Site

    from campaign.sites.roles import group_name

    username = username or f"{role.lower()}-{hostname}"
    user = get_user_model().objects.create_user(
        username=username, password=password, email=f"{username.split('.')[0]}@example.org"
    )
    site = Site.objects.get(hostname=hostname)
    user.groups.add(Group.objects.get(name=group_name(site, role)))
    return user


def wait_until_healthy(port, server, timeout=30):
    """Until gunicorn `server` on `port` answers /healthz; fails if it ends first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, f"gunicorn hat sich beendet (Code {server.returncode})"
        with contextlib.suppress(OSError):
            connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection_.request("GET", "/healthz")
            if connection_.getresponse().status == 200:
                return
        time.sleep(0.2)
    raise AssertionError("gunicorn antwortet nicht")
