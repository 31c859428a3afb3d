"""Background work of the legal pages (django-tasks): visitors' feedback on
barriers, passed to the site's editors."""

import logging

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

logger = logging.getLogger("campaign.legal.tasks")


@task()
def send_accessibility_feedback_mail(feedback_id):
    """Pass a visitor's feedback on barriers to the site's editors.

    To the statement's feedback address, else the press office's; replies go
    straight to the visitor when they gave an address.
    """
    from django.conf import settings
    from django.urls import reverse

    from campaign.models import AccessibilityFeedback, AccessibilityStatementPage, EmployerSettings

    feedback = AccessibilityFeedback.objects.select_related("site").filter(pk=feedback_id).first()
    if feedback is None:
        return
    site = feedback.site
    statement = AccessibilityStatementPage.objects.child_of(site.root_page).first()
    press_email = (
        EmployerSettings.objects.filter(site=site).values_list("press_email", flat=True).first()
    )
    recipient = (statement.feedback_email if statement else "") or press_email
    if not recipient:
        # Stored all the same: the editors find it in the admin.
        logger.warning("Rückmeldung %s: keine Empfangsadresse für %s", feedback.pk, site)
        return
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "rueckmeldungen:edit", args=[feedback.pk]
    )
    with translation.override("de"):
        context = {
            "feedback": feedback,
            "site_name": site.site_name or site.hostname,
            "admin_url": admin_url,
        }
        subject = render_to_string(
            "campaign/mail/accessibility_feedback_subject.txt", context
        ).strip()
        body = render_to_string("campaign/mail/accessibility_feedback.txt", context)
    reply_to = [feedback.email] if feedback.email else None
    EmailMessage(subject=subject, body=body, to=[recipient], reply_to=reply_to).send()
