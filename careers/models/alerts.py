"""Job alerts (Stellenalarm): new postings of chosen job fields or of a search, by e-mail.

A subscription holds an e-mail address, so it lives only as long as needed:
unconfirmed ones are deleted after a week (double opt-in), confirmed ones when
their owner unsubscribes. Logic lives in `careers.alerts`.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_key():
    return secrets.token_urlsafe(12)


class JobAlertKind(models.TextChoices):
    JOB_FIELDS = "berufsfelder", _("Berufsfelder")
    SEARCH = "suche", _("Suche")


class JobAlert(models.Model):
    """One e-mail address's daily digest of new postings on one site."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("Website"), on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("E-Mail-Adresse"))
    kind = models.CharField(_("Art"), max_length=20, choices=JobAlertKind.choices)
    job_fields = models.ManyToManyField(
        "careers.JobFieldPage", verbose_name=_("Berufsfelder"), blank=True, related_name="+"
    )
    # A search alert: the /suche/ term and facet choices, normalised (sorted lists).
    query = models.CharField(_("Suchbegriff"), max_length=200, blank=True)
    filters = models.JSONField(_("Filter"), default=dict, blank=True)
    # What the subscription covers, as text: one row per address and criteria.
    criteria = models.CharField(max_length=2000, editable=False)
    language = models.CharField(max_length=10, default="de", editable=False)
    # Part of every signed link: a link stays void even if the row's id comes again.
    key = models.CharField(max_length=32, default=new_key, editable=False)
    created_at = models.DateTimeField(_("Angefordert am"))
    confirmed_at = models.DateTimeField(_("Bestätigt am"), null=True, blank=True)
    # Postings first published after this went into no mail yet.
    last_sent_at = models.DateTimeField(_("Zuletzt verschickt"), null=True, blank=True)

    class Meta:
        verbose_name = _("Stellenalarm")
        verbose_name_plural = _("Stellenalarme")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "email", "criteria"], name="job_alert_once_per_address"
            )
        ]
        indexes = [models.Index(fields=["confirmed_at", "id"], name="job_alert_confirmed")]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"
