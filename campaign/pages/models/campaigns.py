"""Campaign pages: a recruitment campaign with its slogan, hero and story."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from campaign.pages.blocks import CampaignBlock
from campaign.sites.page_forms import SitePage
from media_library.blocks import FilmBlock

PARTS_SHOWN = 10


class PartOfCampaign(models.Model):
    """Press releases, events and photo calendars may belong to a campaign of their
    site; the campaign page lists them."""

    campaign = models.ForeignKey(
        "campaign.CampaignPage",
        verbose_name=_("Gehört zur Kampagne"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Die Kampagnenseite führt diese Seite dann unter „Mehr zur Kampagne“."),
    )

    class Meta:
        abstract = True


class CampaignPage(SitePage, Page):
    """#WirmachenMitte, „HIER kommt deins zum anderen.“: a campaign of one employer.

    The hero is the campaign film when there is one, else an image; the body
    tells the story with testimonials, key figures, the funding notice and a
    call to action into the job fields.
    """

    slogan = models.CharField(
        _("Hashtag oder Slogan"),
        max_length=120,
        blank=True,
        help_text=_("z. B. „#WirmachenMitte“ oder „HIER kommt deins zum anderen.“"),
    )
    lead = models.TextField(_("Einleitung"), help_text=_("Zwei, drei Sätze für Übersichten."))
    hero_film = models.ForeignKey(
        "media_library.Film",
        verbose_name=_("Kampagnenfilm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Steht oben auf der Seite; ohne Film das Aufmacherbild."),
    )
    hero_image = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("Aufmacherbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(CampaignBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("slogan"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("hero_film"), FieldPanel("hero_image")], heading=_("Aufmacher")
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("slogan"),
        index.SearchField("lead"),
        index.SearchField("body"),
    ]
    parent_page_types = ["campaign.HomePage"]
    subpage_types = ["campaign.StandardPage", "campaign.PhotoCalendarPage"]
    template = "campaign/campaign_page.html"

    class Meta:
        verbose_name = _("Kampagne")
        verbose_name_plural = _("Kampagnen")

    def parts(self):
        """What belongs to the campaign, one query per kind: releases, events, calendars."""
        from campaign.models import EventPage, PhotoCalendarPage, PressReleasePage

        below = Q(path__startswith=self.path, depth=self.depth + 1)
        return {
            "releases": PressReleasePage.objects.live()
            .public()
            .filter(campaign=self)
            .order_by("-release_date")[:PARTS_SHOWN],
            "events": EventPage.objects.live()
            .public()
            .filter(campaign=self)
            .order_by("-start")[:PARTS_SHOWN],
            "calendars": PhotoCalendarPage.objects.live()
            .public()
            .filter(Q(campaign=self) | below)
            .order_by("-year")[:PARTS_SHOWN],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["parts"] = {kind: list(pages) for kind, pages in self.parts().items()}
        if self.hero_film_id:
            # The film block renders the hero film: versions, tracks, transcript.
            block = FilmBlock()
            context["hero_film"] = block.bind(block.to_python({"film": self.hero_film_id}))
        return context
