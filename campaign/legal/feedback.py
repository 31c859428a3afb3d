"""Feedback on barriers: which page it is about, how often one visitor may send,
storing it, telling the editors, and deleting it when it has served.

A message is stored and the editors are mailed after the commit (the mail
task looks the message up afresh). Messages hold names and e-mail addresses:
answered ones are deleted a year after the answer (RETENTION), long enough
for questions that come back, and the daily command
`delete_expired_accessibility_feedback` does it.
"""

import datetime
from urllib.parse import urlsplit

from django.db import transaction
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import timezone

from campaign.legal.models import AccessibilityFeedback, FeedbackStatus
from campaign.sites.rate_limits import RateLimit

RETENTION = datetime.timedelta(days=365)
WAGTAIL_SERVE = "wagtail_serve"


def path_on_site(request, site, value):
    """The path of `value` when it names a page of `site`, else None.

    Accepts a path ("/karriere/") or a full address of this host; anything
    pointing elsewhere, or at no page, is refused.
    """
    value = (value or "").strip()
    parts = urlsplit(value)
    if (parts.scheme or parts.netloc) and (
        parts.scheme not in {"http", "https"} or parts.netloc != request.get_host()
    ):
        return None
    path = parts.path
    if not path.startswith("/") or path.startswith("//") or len(path) > 300:
        return None
    if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
        path += "/"
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name != WAGTAIL_SERVE:
        return path if not path.startswith("/admin/") else None
    try:
        site.root_page.specific.route(request, [part for part in path.split("/") if part])
    except Http404:
        return None
    return path


# Messages per visitor (IP address) within ten minutes.
RATE_LIMIT = RateLimit("accessibility-feedback", limit=5, window=10 * 60)


def receive(site, *, message, page_path="", name="", email=""):
    """Store a message and mail it to the site's editors once it is committed."""
    with transaction.atomic():
        feedback = AccessibilityFeedback.objects.create(
            site=site, message=message, page_path=page_path, name=name, email=email
        )
        transaction.on_commit(lambda: _enqueue_mail(feedback.pk))
    return feedback


def _enqueue_mail(feedback_id):
    from campaign.legal.tasks import send_accessibility_feedback_mail

    send_accessibility_feedback_mail.enqueue(feedback_id)


def delete_expired(now=None):
    """Delete messages answered more than RETENTION ago; return how many."""
    limit = (now or timezone.now()) - RETENTION
    deleted, _ = AccessibilityFeedback.objects.filter(
        status=FeedbackStatus.ANSWERED, answered_at__lt=limit
    ).delete()
    return deleted
