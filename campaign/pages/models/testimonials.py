"""Testimonials: people who work for an employer say how it feels (seed 001).

A snippet, so one testimonial serves several campaigns and job fields; it
belongs to one employer's site, and its choosers offer only that site's.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class Testimonial(index.Indexed, models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Website des Arbeitgebers"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("Name"), max_length=120)
    role = models.CharField(_("Tätigkeit"), max_length=160, help_text=_("z. B. „Ingenieurin“"))
    place = models.CharField(
        _("Amt oder Standort"),
        max_length=160,
        blank=True,
        help_text=_("Wo die Person arbeitet, z. B. „Wissenschaftshafen Magdeburg“."),
    )
    quote = models.TextField(_("Zitat"))
    photo = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("Foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    film = models.ForeignKey(
        "media_library.Film",
        verbose_name=_("Film"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: ein Film, in dem die Person erzählt."),
    )

    panels = [
        FieldPanel("site"),
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("role"), FieldPanel("place")], heading=_("Person")
        ),
        FieldPanel("quote"),
        FieldPanel("photo"),
        FieldPanel("film"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("quote"),
        index.AutocompleteField("name"),
        index.FilterField("site"),
    ]

    class Meta:
        verbose_name = _("Stimme aus dem Team")
        verbose_name_plural = _("Stimmen aus dem Team")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.role}"
