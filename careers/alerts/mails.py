"""The job alert's e-mails: the confirmation (double opt-in) and the daily digest.

Every digest names its unsubscribe link in `List-Unsubscribe` together with
`List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058), so mail
programs can offer "Abbestellen" that works with one click.
"""

from urllib.parse import urlencode

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from careers.alerts.subscriptions import confirm_token, unsubscribe_token


def _absolute(alert, name, token=None):
    with translation.override(alert.language):
        path = reverse(name, kwargs={"token": token} if token else None)
    return alert.site.root_url + path


def confirm_url(alert):
    return _absolute(alert, "job_alerts:confirm", confirm_token(alert))


def unsubscribe_url(alert):
    return _absolute(alert, "job_alerts:unsubscribe", unsubscribe_token(alert))


def search_url(alert):
    """The /suche/ address of a search alert: all its current results."""
    parameters = [("q", alert.query)] if alert.query else []
    parameters += [(p, value) for p, values in alert.filters.items() for value in values]
    with translation.override(alert.language):
        path = reverse("search")
    return alert.site.root_url + path + ("?" + urlencode(parameters) if parameters else "")


def _render(alert, template, context):
    with translation.override(alert.language):
        context = {
            "alert": alert,
            "site_name": alert.site.site_name or alert.site.hostname,
            "unsubscribe_url": unsubscribe_url(alert),
            "subscribe_url": _absolute(alert, "job_alerts:subscribe"),
            "search_url": search_url(alert) if alert.kind == "suche" else "",
            **context,
        }
        subject = render_to_string(f"careers/alerts/mail/{template}_subject.txt", context)
        body = render_to_string(f"careers/alerts/mail/{template}.txt", context)
    return " ".join(subject.split()), body


def confirmation_message(alert, job_field_titles):
    """Asks to confirm; to an address already confirmed it says so and how to cancel."""
    context = {"confirm_url": confirm_url(alert), "job_field_titles": job_field_titles}
    subject, body = _render(alert, "confirm", context)
    return EmailMessage(subject=subject, body=body, to=[alert.email])


def digest_message(alert, postings, job_field_titles, *, root_paths, connection=None):
    """The day's new postings of one alert: title, employer, deadline and address of each.

    `root_paths` is any object on which Wagtail may keep the site root paths
    (Page.get_full_url), one per batch rather than a lookup per posting.
    """
    items = [(posting, posting.get_full_url(root_paths)) for posting in postings]
    context = {"items": items, "job_field_titles": job_field_titles}
    subject, body = _render(alert, "digest", context)
    unsubscribe = unsubscribe_url(alert)
    return EmailMessage(
        subject=subject,
        body=body,
        to=[alert.email],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
