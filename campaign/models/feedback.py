"""Feedback on barriers, sent with the form on a site's accessibility statement.

§ 12b BGG asks for a feedback mechanism; the public body answers within a
month (the deadline of the federal and most Land rules), so each message
carries the date by which its reply is due.
"""

import calendar

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _


def one_month_after(day):
    """The same day a month later; the month's last day where it is shorter."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


class FeedbackStatus(models.TextChoices):
    NEW = "new", _("neu")
    IN_PROGRESS = "in_progress", _("in Bearbeitung")
    ANSWERED = "answered", _("beantwortet")


class AccessibilityFeedback(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Website"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    page_path = models.CharField(_("Betroffene Seite"), max_length=300, blank=True)
    message = models.TextField(_("Rückmeldung"))
    name = models.CharField(_("Name"), max_length=120, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    received_at = models.DateTimeField(_("Eingegangen am"), default=timezone.now)
    reply_due = models.DateField(_("Antwort fällig bis"), editable=False)
    status = models.CharField(
        _("Status"), max_length=12, choices=FeedbackStatus.choices, default=FeedbackStatus.NEW
    )
    answered_at = models.DateTimeField(_("Beantwortet am"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Rückmeldung zur Barrierefreiheit")
        verbose_name_plural = _("Rückmeldungen zur Barrierefreiheit")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["site", "status", "reply_due"])]

    def __str__(self):
        received = formats.date_format(timezone.localtime(self.received_at), "SHORT_DATE_FORMAT")
        return _("Rückmeldung vom %(date)s") % {"date": received}

    def save(self, *args, **kwargs):
        if self.reply_due is None:
            self.reply_due = one_month_after(timezone.localdate(self.received_at))
        # The retention period runs from the answer (campaign/accessibility_feedback.py).
        if self.status == FeedbackStatus.ANSWERED and self.answered_at is None:
            self.answered_at = timezone.now()
        elif self.status != FeedbackStatus.ANSWERED:
            self.answered_at = None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "answered_at"}
        super().save(*args, **kwargs)

    def is_overdue(self, today=None):
        return self.status != FeedbackStatus.ANSWERED and self.reply_due < (
            today or timezone.localdate()
        )

    def reply_due_label(self):
        """The due date for the admin listing, marked when it has passed."""
        due = formats.date_format(self.reply_due, "SHORT_DATE_FORMAT")
        if self.is_overdue():
            return _("%(date)s – überfällig") % {"date": due}
        return due

    reply_due_label.short_description = _("Antwort fällig bis")
