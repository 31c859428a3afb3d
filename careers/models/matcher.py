"""The matcher page: "which place (or job field) fits me?" (seed 001).

The editor chooses what it matches: the locations below a location overview,
or the job fields of a job field overview. The questionnaire is the site's
dimensions (`careers/models/criteria.py`); the ranking is
`careers/matching.py`. A plain GET form: every answer is a shareable
address (`?branche=life-sciences&lebensumfeld=grossstadt&wichtig=branche`),
and it works without JavaScript. The request work (form, ranking, results) is `careers/matcher.py`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Page

from campaign.sites.page_forms import SitePage
from careers.matcher import COLLECTIONS, results_context
from careers.models.criteria import Dimension


class MatcherPage(SitePage, Page):
    """A questionnaire and the ranked profiles of one collection, with reasons."""

    lead = models.TextField(_("Einleitung"), blank=True)
    source = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Was verglichen wird"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Eine Übersicht der Orte (ihre Orte werden verglichen) oder eine Übersicht der "
            "Berufsfelder (ihre Berufsfelder)."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        PageChooserPanel("source", ["careers.LocationIndexPage", "careers.JobFieldIndexPage"]),
    ]
    parent_page_types = ["campaign.HomePage"]
    subpage_types = []
    template = "careers/matcher_page.html"

    class Meta:
        verbose_name = _("Matching-Werkzeug")
        verbose_name_plural = _("Matching-Werkzeuge")

    def clean(self):
        super().clean()
        if self.source_id and self.source.specific_class not in COLLECTIONS:
            raise ValidationError(
                {"source": _("Bitte wählen Sie eine Übersicht der Orte oder der Berufsfelder.")}
            )

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        form = response.context_data.get("form")
        if form is not None and form.errors:
            response.status_code = 400
        return response

    def questions_of(self, site):
        """The site's questions in the page's language, each in the original
        where it has no translation (one query, whatever the languages)."""
        versions = {}
        for dimension in Dimension.objects.filter(site=site).prefetch_related("values"):
            chosen = versions.get(dimension.translation_key)
            if chosen is None or dimension.locale_id == self.locale_id:
                versions[dimension.translation_key] = dimension
        return list(versions.values())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(results_context(self, request))
        return context
