"""Press releases (seed 003): an index per site, the releases, their media contact.

The index lists its releases newest first, a page at a time (`?seite=2`) and
by year (`?jahr=2020`), and serves RSS and Atom beside itself. Each release
offers a press kit to download (`presse-kit/`, see campaign/press/kit.py).
"""

from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from campaign.members.teaser import MemberPart, member_body_panel
from campaign.pages.blocks import BodyBlock
from campaign.pages.models.campaigns import PartOfCampaign
from campaign.press.kit import build_press_kit, press_kit_filename
from campaign.sites.branding import for_request
from campaign.sites.feeds import FeedRoutesMixin, PressReleasesFeed
from campaign.sites.page_cache import reads
from campaign.sites.page_forms import SitePage

RELEASES_PER_PAGE = 10
PAGE_PARAMETER = "seite"
YEAR_PARAMETER = "jahr"


class MediaContact(index.Indexed, models.Model):
    """Who journalists ask: one press office (and person) of one employer's site."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Website des Arbeitgebers"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    office = models.CharField(
        _("Pressestelle"),
        max_length=200,
        help_text=_("z. B. „Bezirksamt Mitte, Pressestelle“"),
    )
    person = models.CharField(_("Ansprechperson"), max_length=120, blank=True)
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)

    panels = [
        FieldPanel("site"),
        FieldPanel("office"),
        FieldPanel("person"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]
    search_fields = [
        index.SearchField("office"),
        index.SearchField("person"),
        index.AutocompleteField("office"),
        index.FilterField("site"),
    ]

    class Meta:
        verbose_name = _("Pressekontakt")
        verbose_name_plural = _("Pressekontakte")
        ordering = ["office", "person"]

    def __str__(self):
        return f"{self.office} ({self.person})" if self.person else self.office


class ListingProblem(Exception):
    """A page or year the index cannot show; the visitor reads `message`."""

    def __init__(self, message, status):
        super().__init__(message)
        self.message = message
        self.status = status


class PressIndexPage(SitePage, FeedRoutesMixin, Page):
    """The press releases of an employer, newest first, by year; RSS and Atom beside."""

    lead = models.TextField(_("Einleitung"), blank=True)

    feed_class = PressReleasesFeed
    content_panels = [*Page.content_panels, FieldPanel("lead")]
    search_fields = [*Page.search_fields, index.SearchField("lead")]
    parent_page_types = ["campaign.HomePage"]
    subpage_types = ["campaign.PressReleasePage"]
    template = "campaign/press_index_page.html"

    class Meta:
        verbose_name = _("Übersicht der Pressemitteilungen")
        verbose_name_plural = _("Übersichten der Pressemitteilungen")

    def releases(self):
        return (
            PressReleasePage.objects.child_of(self)
            .live()
            .public()
            .order_by("-release_date", "-first_published_at", "title")
        )

    @path("")
    def index_route(self, request, *args, **kwargs):
        context = self.get_context(request, *args, **kwargs)
        status = 200
        reads(request, YEAR_PARAMETER, PAGE_PARAMETER)
        try:
            context.update(self.listing(request.GET))
        except ListingProblem as problem:
            context["problem"] = problem.message
            status = problem.status
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def listing(self, query):
        """One page of releases for `?jahr=…&seite=…`, with the years to filter by.

        A fixed number of queries however many releases there are: the years,
        the count and the releases on screen.
        """
        releases = self.releases()
        years = [day.year for day in releases.dates("release_date", "year", order="DESC")]
        year = self._chosen_year(query.get(YEAR_PARAMETER), years)
        if year is not None:
            releases = releases.filter(release_date__year=year)
        paginator = Paginator(releases, RELEASES_PER_PAGE)
        number = query.get(PAGE_PARAMETER, "1")
        if not number.isdigit() or not 1 <= int(number) <= paginator.num_pages:
            raise ListingProblem(gettext("Diese Seite der Pressemitteilungen gibt es nicht."), 404)
        page_obj = paginator.page(int(number))
        return {
            "years": years,
            "year": year,
            "paginator": paginator,
            "page_obj": page_obj,
            "releases": page_obj.object_list,
        }

    @staticmethod
    def _chosen_year(value, years):
        if value is None or value == "":
            return None
        if not (value.isascii() and value.isdigit()) or len(value) != 4:
            raise ListingProblem(
                gettext(
                    "„%(value)s“ ist keine Jahreszahl. Bitte wählen Sie ein Jahr aus der Liste."
                )
                % {"value": value[:20]},
                400,
            )
        if int(value) not in years:
            raise ListingProblem(
                gettext("Aus dem Jahr %(year)s gibt es hier keine Pressemitteilungen.")
                % {"year": value},
                404,
            )
        return int(value)


class PressReleasePage(SitePage, PartOfCampaign, MemberPart, RoutablePageMixin, Page):
    """One press release: date and place, lead, text with quotes, images and
    downloads, and whom journalists may ask."""

    release_date = models.DateField(_("Datum der Mitteilung"), default=timezone.localdate)
    place = models.CharField(
        _("Ort"), max_length=100, blank=True, help_text=_("Steht vor dem Text, z. B. „Berlin“.")
    )
    lead = models.TextField(
        _("Vorspann"), help_text=_("Das Wichtigste in zwei, drei Sätzen; auch für Übersichten.")
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("Inhalt"),
        blank=True,
        help_text=_("Text, Zitate, Bilder mit Bildnachweis und Downloads."),
    )
    media_contact = models.ForeignKey(
        MediaContact,
        verbose_name=_("Pressekontakt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_releases",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("release_date"), FieldPanel("place")])],
            heading=_("Datum und Ort"),
        ),
        FieldPanel("lead"),
        FieldPanel("body"),
        member_body_panel(),
        FieldPanel("media_contact"),
        FieldPanel("campaign"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("release_date"),
    ]
    parent_page_types = ["campaign.PressIndexPage"]
    subpage_types = []
    template = "campaign/press_release_page.html"

    class Meta:
        verbose_name = _("Pressemitteilung")
        verbose_name_plural = _("Pressemitteilungen")

    @cached_property
    def images(self):
        """The images of the body in their order, each once (credits, press kit, og:image)."""
        found = {}
        for block in self.body:
            if block.block_type == "image" and block.value["image"] is not None:
                found.setdefault(block.value["image"].pk, block.value["image"])
        return list(found.values())

    def share_image(self):
        """The first image of the body that may still be shown, for link previews."""
        return next((image for image in self.images if not image.rights_expired()), None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_url"] = request.build_absolute_uri(self.get_url(request))
        image = self.share_image()
        if image is not None:
            rendition = image.get_rendition("max-1200x1200|format-jpeg")
            context["share_image_url"] = request.build_absolute_uri(rendition.url)
        else:
            logo_url = for_request(request).logo_url
            context["share_image_url"] = request.build_absolute_uri(logo_url) if logo_url else ""
        return context

    @path("presse-kit/", name="press_kit")
    def press_kit(self, request):
        response = HttpResponse(build_press_kit(self, request), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{press_kit_filename(self)}"'
        return response
