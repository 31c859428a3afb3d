"""Page types of the foundation: the employer's home, content pages and the
directory of employers on the installation's default site."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from campaign.pages.blocks import BodyBlock
from campaign.sites import page_cache
from campaign.sites.models import EmployerSettings
from campaign.sites.page_forms import SitePage


class HomePage(SitePage, Page):
    """The start page of one employer's site: its campaign in a nutshell."""

    claim = models.CharField(
        _("Claim oder Hashtag"),
        max_length=120,
        blank=True,
        help_text=_("z. B. „#WirmachenMitte“ oder „HIER kommt deins zum anderen.“"),
    )
    lead = models.TextField(_("Einleitung"), blank=True)
    hero_image = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("Aufmacherbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("claim"),
        FieldPanel("lead"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("claim"),
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    template = "campaign/home_page.html"

    class Meta:
        verbose_name = _("Startseite eines Arbeitgebers")
        verbose_name_plural = _("Startseiten der Arbeitgeber")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["teasers"] = self.get_children().live().public().in_menu().specific()
        return context


class StandardPage(SitePage, Page):
    """A page of text: about us, how to apply, anything without a type of its own."""

    lead = models.TextField(_("Einleitung"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    template = "campaign/standard_page.html"

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")


class EmployerDirectoryPage(SitePage, Page):
    """Start page of the installation's default site: lists every employer's site."""

    lead = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "campaign.StandardPage",
        "campaign.ImprintPage",
        "campaign.PrivacyPage",
        "campaign.AccessibilityStatementPage",
        "campaign.EasyLanguagePage",
        "campaign.SignLanguagePage",
    ]
    max_count = 1
    template = "campaign/employer_directory_page.html"

    class Meta:
        verbose_name = _("Verzeichnis der Arbeitgeber")
        verbose_name_plural = _("Verzeichnisse der Arbeitgeber")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page_cache.lists_every_site(request)
        context["employers"] = self.employers(request)
        return context

    def employers(self, request):
        """Every other site with its employer settings, in two queries.

        Links use the scheme and port the visitor came in on, so the directory
        works on localhost:8000 as it does behind a TLS proxy on 443.
        """
        sites = list(Site.objects.exclude(root_page=self).order_by("site_name"))
        settings = {s.site_id: s for s in EmployerSettings.objects.filter(site__in=sites)}
        _, colon, port = request.get_host().rpartition(":")
        suffix = f":{port}" if colon and port not in {"80", "443"} else ""
        return [
            Employer(
                name=getattr(settings.get(site.pk), "organisation_name", "") or site.site_name,
                tagline=getattr(settings.get(site.pk), "tagline", ""),
                hostname=site.hostname,
                url=f"{request.scheme}://{site.hostname}{suffix}/",
            )
            for site in sites
        ]


@dataclass(frozen=True)
class Employer:
    name: str
    tagline: str
    hostname: str
    url: str
