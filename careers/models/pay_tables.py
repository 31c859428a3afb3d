"""Pay tables an administrator maintains: TVöD, TV-L, a state's Besoldung.

A table (PayScale) has rates: grade, step, monthly amount in euros and the
date from which the amount applies. Raises are new rates with a later
valid_from; the old ones stay, so past and future ranges remain computable.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from careers.choices import PayScaleKind
from careers.grades import normalise_grade


class PayScale(models.Model):
    name = models.CharField(
        _("Name"), max_length=100, unique=True, help_text=_("z. B. „TVöD VKA“, „Besoldung Berlin“")
    )
    kind = models.CharField(_("Art"), max_length=20, choices=PayScaleKind.choices)
    note = models.CharField(_("Hinweis"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("note")]

    class Meta:
        verbose_name = _("Entgelttabelle")
        verbose_name_plural = _("Entgelttabellen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PayRate(models.Model):
    scale = models.ForeignKey(
        PayScale, verbose_name=_("Tabelle"), on_delete=models.CASCADE, related_name="rates"
    )
    grade = models.CharField(
        _("Entgeltgruppe oder Besoldungsgruppe"), max_length=40, help_text=_("z. B. „E 9b“, „A 10“")
    )
    step = models.PositiveSmallIntegerField(_("Stufe"))
    amount = models.DecimalField(_("Monatsbetrag in Euro"), max_digits=8, decimal_places=2)
    valid_from = models.DateField(_("Gültig ab"))

    panels = [
        FieldPanel("scale"),
        FieldPanel("grade"),
        FieldPanel("step"),
        FieldPanel("amount"),
        FieldPanel("valid_from"),
    ]

    class Meta:
        verbose_name = _("Tabellenwert")
        verbose_name_plural = _("Tabellenwerte")
        ordering = ["scale", "grade", "step", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["scale", "grade", "step", "valid_from"], name="careers_payrate_unique"
            )
        ]

    def __str__(self):
        return f"{self.scale} {self.grade} Stufe {self.step}: {self.amount} € ab {self.valid_from}"

    def save(self, *args, **kwargs):
        self.grade = normalise_grade(self.grade)
        super().save(*args, **kwargs)
