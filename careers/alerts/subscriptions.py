"""Subscribing to a job alert, confirming it and unsubscribing.

Double opt-in: a subscription sends nothing but its confirmation mail until
the link in it is followed, and is deleted after `CONFIRM_WITHIN` otherwise.
Subscribing again with the same address and criteria reuses the row and
sends the mail again, so the page says the same whether the address was
known or not.

Links carry a signed (id, key) (campaign.sites.signed_links): the key is random
per subscription, so a link never reaches another row, and the confirmation
link expires.
"""

import datetime

from django.db import transaction
from django.utils import timezone

# ExpiredLink and InvalidLink are raised here; the views catch them as ours.
from campaign.sites.signed_links import ExpiredLink, GoneLink, InvalidLink, SignedLink  # noqa: F401
from careers.models import JobAlert, JobAlertKind

CONFIRM_WITHIN = datetime.timedelta(days=7)
CONFIRM_SALT = "careers.alerts.confirm"
UNSUBSCRIBE_SALT = "careers.alerts.unsubscribe"
CONFIRM_LINK = SignedLink(CONFIRM_SALT, timestamped=True)
UNSUBSCRIBE_LINK = SignedLink(UNSUBSCRIBE_SALT)


class UnknownAlert(GoneLink):
    """A genuine link whose subscription is gone (unsubscribed, or deleted unconfirmed)."""


def normalise_email(email):
    return email.strip().lower()


def job_fields_criteria(job_field_pks):
    return "berufsfelder:" + ",".join(str(pk) for pk in sorted(set(job_field_pks)))


def normalise_filters(selected):
    """{parameter: sorted values} without empty choices: one spelling per search."""
    return {p: sorted(set(values)) for p, values in sorted(selected.items()) if values}


def search_criteria(query, filters):
    parts = [f"q={query}"] + [f"{p}={','.join(v)}" for p, v in filters.items()]
    return "suche:" + "&".join(parts)


def subscribe(site, email, *, job_fields=(), query=None, selected=None, language="de"):
    """Store (or find) a subscription and mail its confirmation; returns the row.

    With `job_fields` it is a job field alert, else a search alert of `query`
    and the facet choices `selected`.
    """
    now = timezone.now()
    email = normalise_email(email)
    if query is None and selected is None:
        kind = JobAlertKind.JOB_FIELDS
        pks = [page.pk for page in job_fields]
        values = {"criteria": job_fields_criteria(pks)}
    else:
        kind = JobAlertKind.SEARCH
        filters = normalise_filters(selected or {})
        query = " ".join((query or "").split())
        values = {"criteria": search_criteria(query, filters), "query": query, "filters": filters}
    with transaction.atomic():
        alert, created = JobAlert.objects.get_or_create(
            site=site,
            email=email,
            criteria=values["criteria"],
            defaults={**values, "kind": kind, "created_at": now, "language": language},
        )
        if created:
            if kind == JobAlertKind.JOB_FIELDS:
                alert.job_fields.set(pks)
        elif alert.confirmed_at is None:
            # Asked again: a week from now, in the language of this request.
            alert.created_at = now
            alert.language = language
            alert.save(update_fields=["created_at", "language"])
        _mail_on_commit(alert)
    return alert


def confirm_token(alert):
    return CONFIRM_LINK.token(alert.pk, alert.key)


def unsubscribe_token(alert):
    return UNSUBSCRIBE_LINK.token(alert.pk, alert.key)


def _alert_of(value):
    pk, key = value
    alert = JobAlert.objects.select_related("site").filter(pk=pk).first()
    if alert is None or alert.key != key:
        raise UnknownAlert
    return alert


def alert_to_confirm(token):
    return _alert_of(CONFIRM_LINK.read(token, max_age=CONFIRM_WITHIN))


def alert_to_unsubscribe(token):
    return _alert_of(UNSUBSCRIBE_LINK.read(token))


def confirm(alert):
    """Start the alert: postings published from now on go into its digests."""
    if alert.confirmed_at is None:
        now = timezone.now()
        alert.confirmed_at = now
        alert.last_sent_at = now
        alert.save(update_fields=["confirmed_at", "last_sent_at"])
    return alert


def unsubscribe(alert):
    alert.delete()


def delete_unconfirmed(now=None):
    """Delete subscriptions not confirmed within CONFIRM_WITHIN; return how many."""
    limit = (now or timezone.now()) - CONFIRM_WITHIN
    stale = JobAlert.objects.filter(confirmed_at__isnull=True, created_at__lt=limit)
    _total, per_model = stale.delete()
    return per_model.get(JobAlert._meta.label, 0)


def _mail_on_commit(alert):
    from careers.alerts.tasks import send_confirmation_mail

    transaction.on_commit(lambda: send_confirmation_mail.enqueue(alert.pk))
