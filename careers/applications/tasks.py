"""Background work of applications (django-tasks): the confirmation mail, the daily deletion."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

logger = logging.getLogger("careers.applications")


def withdrawal_url(application):
    from careers.applications.services import withdrawal_token

    with translation.override("de"):
        path = reverse("application_withdraw", args=[withdrawal_token(application)])
    return application.posting.get_site().root_url + path


def documents_url(application):
    """A short application left at an event's kiosk: the link to add its documents."""
    from careers.kiosk.services import documents_token

    with translation.override("de"):
        path = reverse("kiosk_documents", args=[documents_token(application)])
    return application.posting.get_site().root_url + path


@task()
def send_application_confirmation(application_id):
    """Confirm receipt with the receipt number and the withdrawal link (and for
    a short application from an event's kiosk, the link to add documents).

    Looks the application up afresh: it may have been withdrawn since it was queued.
    """
    from campaign.models import EmployerSettings
    from careers.models import Application

    application = Application.objects.select_related("posting").filter(pk=application_id).first()
    if application is None:
        return
    site = application.posting.get_site()
    with translation.override("de"):
        context = {
            "application": application,
            "posting": application.posting,
            "employer": EmployerSettings.for_site(site),
            "withdrawal_url": withdrawal_url(application),
            "documents_url": documents_url(application) if application.event_id else "",
            "documents_days": settings.KIOSK_DOCUMENTS_LINK_DAYS,
        }
        subject = render_to_string("careers/applications/mail/confirmation_subject.txt", context)
        body = render_to_string("careers/applications/mail/confirmation.txt", context)
    EmailMessage(subject=" ".join(subject.split()), body=body, to=[application.email]).send()
    # The id only: the log keeps no personal data.
    logger.info("Eingangsbestätigung für Bewerbung %d verschickt", application.pk)


@task()
def delete_expired_applications():
    """The daily run: expired applications, then files left without their row."""
    from careers.applications.retention import delete_expired, delete_orphaned_files

    return {"expired": delete_expired(), "orphaned_files": delete_orphaned_files()}
