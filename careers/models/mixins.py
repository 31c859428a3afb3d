"""What job fields and postings share: pay grades in a pay table."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from careers.grades import parse_grades
from careers.pay import salary_range


class PayGradesMixin(models.Model):
    pay_scale = models.ForeignKey(
        "careers.PayScale",
        verbose_name=_("Entgelttabelle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pay_grades = models.CharField(
        _("Entgelt- oder Besoldungsgruppen"),
        max_length=100,
        blank=True,
        help_text=_("Durch Kommas getrennt, z. B. „E 9b, E 10“ oder „A 10, A 11“."),
    )

    pay_panel = MultiFieldPanel(
        [FieldPanel("pay_scale"), FieldPanel("pay_grades")],
        heading=_("Bezahlung"),
        help_text=_("Die Spanne in Euro wird aus der Entgelttabelle berechnet."),
    )

    class Meta:
        abstract = True

    @property
    def grades(self):
        return parse_grades(self.pay_grades)

    def get_pay_range(self, on=None):
        """The euro range; list pages set `pay_range` for all cards at once instead."""
        if not hasattr(self, "pay_range"):
            self.pay_range = salary_range(self.pay_scale_id, self.grades, on)
        return self.pay_range
