"""Departments (Ämter) and locations of an employer, with their address."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from careers.choices import DepartmentKind


class Department(models.Model):
    """An Amt or a location of one employer (one Wagtail site)."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Website des Arbeitgebers"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("Name"), max_length=200, help_text=_("z. B. „Rathaus Wedding“"))
    kind = models.CharField(
        _("Art"), max_length=20, choices=DepartmentKind.choices, default=DepartmentKind.AMT
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    city = models.CharField(_("Ort"), max_length=100)
    region = models.CharField(_("Bundesland"), max_length=100, blank=True)
    home_office = models.BooleanField(_("Homeoffice möglich"), default=False)

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("postal_code"),
                FieldPanel("city"),
                FieldPanel("region"),
            ],
            heading=_("Anschrift"),
        ),
        FieldPanel("home_office"),
    ]

    class Meta:
        verbose_name = _("Amt oder Standort")
        verbose_name_plural = _("Ämter und Standorte")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "name"], name="careers_department_unique_name")
        ]

    def __str__(self):
        return self.name

    @property
    def address(self):
        """One line, as a visitor reads it: "Müllerstraße 146, 13353 Berlin"."""
        place = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.street, place) if part)
