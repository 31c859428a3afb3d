"""Criteria of the matching tool: dimensions with their values, per site, and
the values a location or a job field is tagged with (with a weight).

Editors keep the dimensions as a snippet (*Karriere → Kriterien*), the
values inline; each location and job field lists its values in a panel of
its own. The engine that ranks them is `careers/matching.py`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin

from careers import matching

MAX_WEIGHT = 3
# The matcher's own GET parameters; a dimension's slug is one too, so it may not be these.
IMPORTANT_PARAMETER = "wichtig"
PAGE_PARAMETER = "seite"


class Dimension(TranslatableMixin, ClusterableModel):
    """A question of the matching tool, e.g. "Branche" or "Lebensumfeld", for one site.

    Translatable: an English matcher page asks the English version of its
    site's questions. Slugs stay the same in every language, so the answers
    match the places' and job fields' criteria, which name the German values.
    """

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Website des Arbeitgebers"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("Name"), max_length=80, help_text=_("z. B. „Branche“"))
    slug = models.SlugField(
        _("Kurzname"),
        max_length=40,
        help_text=_("Erscheint in der Adresse der Ergebnisse, z. B. „branche“."),
    )
    question = models.CharField(
        _("Frage"),
        max_length=200,
        blank=True,
        help_text=_("Überschrift im Fragebogen, z. B. „In welcher Branche möchten Sie arbeiten?“"),
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("question"),
        FieldPanel("sort_order"),
        InlinePanel("values", heading=_("Werte"), label=_("Wert"), min_num=1),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Kriterium des Matchings")
        verbose_name_plural = _("Kriterien des Matchings")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "slug", "locale"], name="careers_dimension_unique_slug"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.slug in (IMPORTANT_PARAMETER, PAGE_PARAMETER):
            raise ValidationError(
                {"slug": _("„%(slug)s“ braucht das Matching selbst.") % {"slug": self.slug}}
            )

    def as_engine_value(self):
        """The plain value the engine works with; needs `values` loaded."""
        return matching.Dimension(
            slug=self.slug,
            label=self.name,
            values=tuple(value.as_engine_value() for value in self.values.all()),
        )


class DimensionValueManager(models.Manager):
    """Values with their dimension, grouped by it: the page panels' select names both."""

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("dimension")
            .order_by(
                "dimension__site_id", "dimension__sort_order", "dimension__name", "sort_order"
            )
        )


class DimensionValue(Orderable):
    """A possible answer, e.g. "Life Sciences" in "Branche"."""

    dimension = ParentalKey(Dimension, on_delete=models.CASCADE, related_name="values")
    name = models.CharField(_("Name"), max_length=80)
    slug = models.SlugField(_("Kurzname"), max_length=40, help_text=_("z. B. „life-sciences“"))
    reason = models.CharField(
        _("Begründung"),
        max_length=120,
        blank=True,
        help_text=_(
            "Wie das Ergebnis den Treffer nennt, z. B. „Leben in der Stadt“. "
            "Leer: Name des Kriteriums und des Werts („Branche Life Sciences“)."
        ),
    )

    objects = DimensionValueManager()

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        verbose_name = _("Wert")
        verbose_name_plural = _("Werte")
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "slug"], name="careers_dimension_value_unique_slug"
            )
        ]

    def __str__(self):
        # The page panels list the values of every dimension in one select.
        return f"{self.dimension.name}: {self.name}"

    def as_engine_value(self):
        return matching.Value(slug=self.slug, label=self.name, reason=self.reason)


def original_values():
    """Profiles name the values of the questions in the site's default language;
    translations only relabel them (matching goes by slug)."""
    return models.Q(dimension__locale__language_code=settings.LANGUAGE_CODE)


class ProfileCriterion(Orderable):
    """A value a profile (location or job field) has, and how strongly."""

    value = models.ForeignKey(
        DimensionValue,
        verbose_name=_("Wert"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=original_values,
    )
    weight = models.PositiveSmallIntegerField(
        _("Gewicht"),
        default=matching.DEFAULT_WEIGHT,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_WEIGHT)],
        help_text=_("1 = trifft zu, 2 = deutlich, 3 = prägt den Ort oder das Berufsfeld."),
    )

    panels = [FieldRowPanel([FieldPanel("value"), FieldPanel("weight")])]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return str(self.value)


class LocationCriterion(ProfileCriterion):
    page = ParentalKey("careers.LocationPage", on_delete=models.CASCADE, related_name="criteria")

    class Meta(ProfileCriterion.Meta):
        verbose_name = _("Kriterium des Orts")
        verbose_name_plural = _("Kriterien des Orts")
        constraints = [
            models.UniqueConstraint(fields=["page", "value"], name="careers_location_value_once")
        ]


class JobFieldCriterion(ProfileCriterion):
    page = ParentalKey("careers.JobFieldPage", on_delete=models.CASCADE, related_name="criteria")

    class Meta(ProfileCriterion.Meta):
        verbose_name = _("Kriterium des Berufsfelds")
        verbose_name_plural = _("Kriterien des Berufsfelds")
        constraints = [
            models.UniqueConstraint(fields=["page", "value"], name="careers_job_field_value_once")
        ]


def criteria_panel():
    """The panel a profile page shows its criteria in."""
    return InlinePanel(
        "criteria",
        heading=_("Kriterien für das Matching"),
        label=_("Kriterium"),
        help_text=_(
            "Welche Werte auf diese Seite zutreffen; das Matching-Werkzeug schlägt sie danach vor."
        ),
    )
