"""Online applications for job postings and their documents (careers/applications/).

An application belongs to one posting and is deleted with it. Its documents
are not Wagtail documents: the rows here hold metadata only (the name the
applicant's file had, its size); the content lies encrypted under the
document's uuid in a storage of its own, never the media's
(careers/applications/storage.py).
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# What an applicant gives in the form: stored as entered, shown to HR, exported.
APPLICANT_FIELDS = (
    "salutation",
    "first_name",
    "last_name",
    "email",
    "phone",
    "street",
    "postal_code",
    "city",
    "message",
    "severe_disability",
    "talent_pool",
)


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", _("Eingegangen")
    REVIEWING = "reviewing", _("In Prüfung")
    INVITED = "invited", _("Zum Gespräch eingeladen")
    REJECTED = "rejected", _("Abgesagt")
    ACCEPTED = "accepted", _("Zusage erteilt")


class Salutation(models.TextChoices):
    NONE = "", _("Keine Anrede")
    MS = "frau", _("Frau")
    MR = "herr", _("Herr")


class Application(models.Model):
    posting = models.ForeignKey(
        "careers.JobPostingPage",
        verbose_name=_("Stellenangebot"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    receipt_number = models.CharField(_("Eingangsnummer"), max_length=20, unique=True)
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.RECEIVED,
    )
    salutation = models.CharField(
        _("Anrede"), max_length=10, choices=Salutation.choices, blank=True
    )
    first_name = models.CharField(_("Vorname"), max_length=100)
    last_name = models.CharField(_("Nachname"), max_length=100)
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    message = models.TextField(_("Anschreiben"), blank=True)
    severe_disability = models.BooleanField(
        _("Schwerbehindert oder gleichgestellt"),
        default=False,
        help_text=_("Nach § 2 SGB IX; öffentliche Arbeitgeber laden nach § 165 SGB IX ein."),
    )
    talent_pool = models.BooleanField(_("Einwilligung Talentpool"), default=False)
    consented_at = models.DateTimeField(_("Einwilligung in die Verarbeitung am"))
    # Left at an event's kiosk (careers/kiosk/): a short application "vor Ort",
    # whose documents follow through a mailed link.
    event = models.ForeignKey(
        "campaign.EventPage",
        verbose_name=_("Vor Ort bei"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="onsite_applications",
    )
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Bewerbung")
        verbose_name_plural = _("Bewerbungen")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.receipt_number}: {self.first_name} {self.last_name}"

    @property
    def channel(self):
        return _("vor Ort") if self.event_id else _("online")

    @property
    def full_name(self):
        salutation = f"{self.get_salutation_display()} " if self.salutation else ""
        return f"{salutation}{self.first_name} {self.last_name}"


class ApplicationDocument(models.Model):
    """One PDF of an application; its id names the encrypted file."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application,
        verbose_name=_("Bewerbung"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    original_name = models.CharField(_("Dateiname"), max_length=150)
    size = models.PositiveIntegerField(_("Größe in Bytes"))
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("Unterlage")
        verbose_name_plural = _("Unterlagen")
        ordering = ["sort_order"]
        constraints = [
            # An empty or oversized file never becomes a row (and so never a stored file).
            models.CheckConstraint(
                condition=Q(size__gt=0) & Q(size__lte=MAX_DOCUMENT_BYTES),
                name="application_document_size",
            )
        ]

    def __str__(self):
        return self.original_name
