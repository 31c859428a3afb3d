"""Location profiles (seed 001: the twelve Zukunftsorte): what is there, how
one works and lives there, who to contact, and where it is on the map.

The map position is shown as text with a link to OpenStreetMap: no map tiles
and no iframe, so nothing is loaded from another host without consent.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from campaign.sites.page_forms import SitePage
from campaign.sites.pagination import PAGE_PARAMETER, page_of, requested_page
from careers.blocks import InsightsBlock
from careers.models.criteria import criteria_panel
from careers.pay import attach_pay_ranges
from careers.rules import POSTINGS_PER_PAGE, open_on, today
from media_library.blocks import CaptionedImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]
OSM_ZOOM = 14


class ContactKind(models.TextChoices):
    COMPANY = "unternehmen", _("Unternehmen")
    RESEARCH = "forschung", _("Forschungseinrichtung")
    NETWORK = "netzwerk", _("Netzwerk oder Wirtschaftsförderung")


class LocationIndexPage(SitePage, Page):
    """All location profiles of a site, alphabetically."""

    lead = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    search_fields = [*Page.search_fields, index.SearchField("lead")]
    parent_page_types = ["campaign.HomePage"]
    subpage_types = ["careers.LocationPage"]
    template = "careers/location_index_page.html"

    class Meta:
        verbose_name = _("Übersicht der Orte")
        verbose_name_plural = _("Übersichten der Orte")

    def locations(self):
        locations = LocationPage.objects.child_of(self).live().public().select_related("image")
        return annotate_location_counts(locations, today()).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["locations"] = list(self.locations())
        return context


class LocationPage(SitePage, Page):
    """One place: its industries and employers, work and life there, voices, map position."""

    lead = models.TextField(
        _("Was den Ort ausmacht"), help_text=_("Zwei, drei Sätze; erscheinen auch in Übersichten.")
    )
    image = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    what_is_there = RichTextField(
        _("Was es hier gibt"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Branchen, Unternehmen und Forschungseinrichtungen."),
    )
    working = RichTextField(_("Arbeiten"), features=RICH_TEXT_FEATURES, blank=True)
    living = RichTextField(
        _("Leben"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Stadt oder Land, Kultur, Kinderbetreuung, Pendeln."),
    )
    insights = StreamField(
        InsightsBlock(),
        verbose_name=_("Einblicke"),
        blank=True,
        help_text=_("Stimmen aus dem Team, Zitate und Filme von diesem Ort."),
    )
    gallery = StreamField([("image", CaptionedImageBlock())], verbose_name=_("Bilder"), blank=True)
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
        help_text=_("z. B. 52.13950 (Norden positiv)"),
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
        help_text=_("z. B. 11.64050 (Osten positiv)"),
    )
    departments = ParentalManyToManyField(
        "careers.Department",
        verbose_name=_("Ämter und Standorte"),
        blank=True,
        related_name="locations",
        help_text=_("Stellenangebote dieser Standorte erscheinen auf der Seite des Orts."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("what_is_there"),
        InlinePanel("contacts", heading=_("Ansprechpartner vor Ort"), label=_("Kontakt")),
        FieldPanel("working"),
        FieldPanel("living"),
        FieldPanel("insights"),
        FieldPanel("gallery"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Lage auf der Karte"),
        ),
        FieldPanel("departments"),
        criteria_panel(),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("what_is_there"),
        index.SearchField("working"),
        index.SearchField("living"),
    ]
    parent_page_types = ["careers.LocationIndexPage"]
    subpage_types = []
    template = "careers/location_page.html"

    class Meta:
        verbose_name = _("Ort")
        verbose_name_plural = _("Orte")

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def position_text(self):
        """ "52,13950° N, 11,64050° O": German decimal comma, no map needed."""
        if not self.has_position:
            return ""
        north = _("N") if self.latitude >= 0 else _("S")
        east = _("O") if self.longitude >= 0 else _("W")
        return (
            f"{number_format(abs(self.latitude), 4)}° {north}, "
            f"{number_format(abs(self.longitude), 4)}° {east}"
        )

    @property
    def map_url(self):
        if not self.has_position:
            return ""
        lat, lon = f"{self.latitude:.5f}", f"{self.longitude:.5f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map={OSM_ZOOM}/{lat}/{lon}"

    def open_postings(self, on=None):
        """Open postings at this location's departments, soonest deadline first."""
        from careers.models.postings import JobPostingPage

        return (
            JobPostingPage.objects.live()
            .public()
            .open(on)
            .filter(departments__locations=self)
            .distinct()
            .order_by(models.F("application_deadline").asc(nulls_last=True), "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        on = today()
        page_obj = page_of(
            self.open_postings(on).select_related("pay_scale").prefetch_related("departments"),
            requested_page(request),
            POSTINGS_PER_PAGE,
            _("Diese Seite der offenen Stellen gibt es nicht."),
        )
        postings = attach_pay_ranges(list(page_obj.object_list), on)
        criteria = self.criteria.select_related("value__dimension").order_by(
            "value__dimension__sort_order", "value__dimension__name", "value__sort_order"
        )
        by_dimension = {}
        for criterion in criteria:
            by_dimension.setdefault(criterion.value.dimension.name, []).append(criterion.value.name)
        context.update(
            contacts=list(self.contacts.all()),
            postings=postings,
            page_obj=page_obj,
            page_parameter=PAGE_PARAMETER,
            criteria_by_dimension=list(by_dimension.items()),
        )
        return context


def annotate_location_counts(queryset, on=None):
    """Contacts and open postings of each location, as subqueries of one query."""
    from careers.models.postings import JobPostingPage

    postings = (
        JobPostingPage.objects.live()
        .filter(open_on(on), departments__locations=OuterRef("pk"))
        .order_by()
        .values("departments__locations")
        .annotate(number=Count("pk", distinct=True))
        .values("number")
    )
    contacts = (
        LocationContact.objects.filter(page=OuterRef("pk"))
        .order_by()
        .values("page")
        .annotate(number=Count("pk"))
        .values("number")
    )
    return queryset.annotate(
        open_postings=Coalesce(Subquery(postings), 0),
        contact_count=Coalesce(Subquery(contacts), 0),
    )


class LocationContact(Orderable):
    """A company or research institution at the location, and how to reach it."""

    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(
        _("Art"), max_length=20, choices=ContactKind.choices, default=ContactKind.COMPANY
    )
    description = models.CharField(
        _("Was sie tun"), max_length=240, blank=True, help_text=_("Ein Satz, z. B. die Branche.")
    )
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    url = models.URLField(_("Website"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone"), FieldPanel("url")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Kontakt vor Ort")
        verbose_name_plural = _("Kontakte vor Ort")

    def __str__(self):
        return self.name
