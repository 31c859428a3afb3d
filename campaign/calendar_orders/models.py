"""Orders of a photo calendar's printed edition, placed on the site.

An order holds a postal address: it is kept while the press office sends the
calendars, then its personal fields are erased (campaign.calendar_orders.orders
.erase_dispatched) while the row stays, so its copies still count against the
printed edition.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaign.calendars.models import PhotoCalendarPage


class OrderStatus(models.TextChoices):
    # Placed on the site, not yet confirmed from the mailbox (double opt-in): counts nothing.
    UNCONFIRMED = "unconfirmed", _("angefragt")
    CONFIRMED = "confirmed", _("bestätigt")
    SENT = "sent", _("versandt")


# The orders whose copies are gone from the printed edition.
COUNTED = [OrderStatus.CONFIRMED, OrderStatus.SENT]


class CalendarOrder(models.Model):
    calendar = models.ForeignKey(
        PhotoCalendarPage,
        verbose_name=_("Kalender"),
        on_delete=models.CASCADE,
        related_name="orders",
    )
    organisation = models.CharField(_("Organisation"), max_length=150, blank=True)
    name = models.CharField(_("Name"), max_length=120, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=120, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5, blank=True)
    city = models.CharField(_("Ort"), max_length=80, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    quantity = models.PositiveSmallIntegerField(_("Anzahl"))
    purpose = models.CharField(_("Verwendungszweck"), max_length=300, blank=True)
    status = models.CharField(
        _("Status"), max_length=12, choices=OrderStatus.choices, default=OrderStatus.UNCONFIRMED
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("Bestellt am"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("Bestätigt am"), null=True, blank=True)
    sent_at = models.DateTimeField(_("Versandt am"), null=True, blank=True)
    erased_at = models.DateTimeField(_("Anschrift gelöscht am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Kalenderbestellung")
        verbose_name_plural = _("Kalenderbestellungen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["calendar", "status"])]

    def __str__(self):
        return f"{self.addressee} ({self.quantity})"

    def save(self, *args, **kwargs):
        # The press office marks an order sent by its status; the date starts
        # the retention period of the address.
        if self.status == OrderStatus.SENT and self.sent_at is None:
            self.sent_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "sent_at"}
        super().save(*args, **kwargs)

    @property
    def addressee(self):
        if self.erased_at:
            return str(_("Anschrift gelöscht"))
        return ", ".join(part for part in (self.organisation, self.name) if part)

    addressee.fget.short_description = _("Empfänger")
