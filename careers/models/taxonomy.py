"""Categories and tags an editor manages for job fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel


class JobCategory(models.Model):
    """A group of job fields, e.g. "Soziales" or "Technik/IT"."""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("Kurzname"), max_length=100, unique=True, help_text=_("Erscheint in der Adresse.")
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("Kategorie der Berufsfelder")
        verbose_name_plural = _("Kategorien der Berufsfelder")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class JobFieldTag(TaggedItemBase):
    content_object = ParentalKey(
        "careers.JobFieldPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("Schlagwort eines Berufsfelds")
        verbose_name_plural = _("Schlagwörter der Berufsfelder")
