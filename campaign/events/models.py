"""Events (seed 004, the Düsseldorf Job-Speed-Dating): an index per site and the events.

An event has a venue with accessibility notes, the departments taking part,
partners, the job opportunities on offer and, once it is over, its results.
With registration open, visitors book a conversation with a department in a
time slot (campaign/events/bookings.py); a full slot takes them onto its waiting list.
"""

import datetime
import secrets
import uuid
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from campaign.pages.blocks import BodyBlock, LinkedPageChooserBlock
from campaign.pages.models.campaigns import PartOfCampaign
from campaign.sites import structured_data
from campaign.sites.branding import for_request
from campaign.sites.linked_page_types import JOB_FIELD
from campaign.sites.page_forms import SitePage


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), help_text=_("z. B. „Agentur für Arbeit Düsseldorf“"))
    url = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        icon = "group"
        label = _("Partner")


class OpportunityBlock(blocks.StructBlock):
    """A job on offer at the event, linked to its job field where there is one."""

    title = blocks.CharBlock(
        label=_("Tätigkeit"), help_text=_("z. B. „Verwaltungskraft im Bürgerbüro“")
    )
    job_field = LinkedPageChooserBlock(purpose=JOB_FIELD, label=_("Berufsfeld"), required=False)

    class Meta:
        icon = "user"
        label = _("Einsatzmöglichkeit")


class EventResults(NamedTuple):
    participants: int | None
    conversations: int | None
    opportunities_offered: int | None
    applications: int | None

    def any(self):
        return any(value is not None for value in self)


class EventIndexPage(SitePage, Page):
    """The events of an employer: upcoming ones first, then the past with their results."""

    lead = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    search_fields = [*Page.search_fields, index.SearchField("lead")]
    parent_page_types = ["campaign.HomePage"]
    subpage_types = ["campaign.EventPage"]
    template = "campaign/event_index_page.html"

    class Meta:
        verbose_name = _("Übersicht der Veranstaltungen")
        verbose_name_plural = _("Übersichten der Veranstaltungen")

    def events(self):
        return EventPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["upcoming"] = self.events().filter(end__gte=now).order_by("start")
        context["past"] = self.events().filter(end__lt=now).order_by("-start")
        return context


class EventPage(SitePage, PartOfCampaign, RoutablePageMixin, Page):
    """One event: when and where, who takes part, what is on offer, how to join."""

    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    lead = models.TextField(
        _("Einleitung"), help_text=_("Worum es geht, in zwei, drei Sätzen; auch für Übersichten.")
    )
    venue_name = models.CharField(
        _("Veranstaltungsort"), max_length=200, help_text=_("z. B. „Zentralbibliothek im KAP1“")
    )
    venue_street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    venue_postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    venue_city = models.CharField(_("Ort"), max_length=100)
    accessibility = models.TextField(
        _("Barrierefreiheit des Ortes"),
        blank=True,
        help_text=_("Zugang, Aufzug, WC, Induktionsschleife, Gebärdensprache auf Anfrage …"),
    )
    how_to_take_part = RichTextField(
        _("So nehmen Sie teil"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Anmeldung, was mitzubringen ist, Kosten."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)
    partners = StreamField([("partner", PartnerBlock())], verbose_name=_("Partner"), blank=True)
    opportunities = StreamField(
        [("opportunity", OpportunityBlock())],
        verbose_name=_("Einsatzmöglichkeiten"),
        blank=True,
        help_text=_("Die Tätigkeiten, über die man vor Ort sprechen kann."),
    )

    # After the event: what came of it (seed 004: 675, 1,988, 84, 444).
    participants = models.PositiveIntegerField(_("Teilnehmende"), null=True, blank=True)
    conversations = models.PositiveIntegerField(_("Gespräche"), null=True, blank=True)
    opportunities_offered = models.PositiveIntegerField(
        _("Einsatzmöglichkeiten"), null=True, blank=True
    )
    applications = models.PositiveIntegerField(_("Eingereichte Bewerbungen"), null=True, blank=True)
    results_note = models.TextField(_("Zur Bilanz"), blank=True)

    registration_open = models.BooleanField(
        _("Anmeldung zu Gesprächsterminen"),
        default=False,
        help_text=_("Besucherinnen und Besucher buchen ein Gespräch mit einem Bereich."),
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("Länge eines Gesprächstermins (Minuten)"),
        default=15,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    registration_closes = models.DateTimeField(
        _("Anmeldeschluss"),
        null=True,
        blank=True,
        help_text=_("Leer: bis zum Beginn der Veranstaltung."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], heading=_("Zeit")
        ),
        FieldPanel("lead"),
        FieldPanel("campaign"),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_street"),
                FieldRowPanel([FieldPanel("venue_postal_code"), FieldPanel("venue_city")]),
                FieldPanel("accessibility"),
            ],
            heading=_("Ort"),
        ),
        FieldPanel("body"),
        InlinePanel("departments", heading=_("Beteiligte Bereiche"), label=_("Bereich")),
        FieldPanel("partners"),
        FieldPanel("opportunities"),
        FieldPanel("how_to_take_part"),
        MultiFieldPanel(
            [
                FieldPanel("registration_open"),
                FieldRowPanel([FieldPanel("slot_minutes"), FieldPanel("registration_closes")]),
            ],
            heading=_("Anmeldung"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("participants"),
                        FieldPanel("conversations"),
                        FieldPanel("opportunities_offered"),
                        FieldPanel("applications"),
                    ]
                ),
                FieldPanel("results_note"),
            ],
            heading=_("Bilanz nach der Veranstaltung"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("venue_name"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    parent_page_types = ["campaign.EventIndexPage"]
    subpage_types = []
    template = "campaign/event_page.html"

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Das Ende muss nach dem Beginn liegen.")})
        if self.registration_closes and self.start and self.registration_closes > self.end:
            raise ValidationError(
                {"registration_closes": _("Der Anmeldeschluss liegt nach dem Ende.")}
            )

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def has_results(self):
        return any(value is not None for value in self.editors_results())

    def editors_results(self):
        return EventResults(
            self.participants, self.conversations, self.opportunities_offered, self.applications
        )

    def results(self):
        """The results shown once the event is over: what the kiosk counted where it
        was used (campaign.events.models.EventKiosk), else the editor's figures.

        A figure the kiosk left at nought (nobody tapped it) keeps the editor's.
        Positions are those applied for on the spot. Three queries at most.
        """
        editors = self.editors_results()
        if not self.kiosks.exists():
            return editors
        tallies = self.kiosk_tallies.aggregate(
            participants=Sum("count", filter=Q(department__isnull=True)),
            conversations=Sum("count", filter=Q(department__isnull=False)),
        )
        counted = {"positions": None, "applications": None}
        # Applications on the spot are careers' (careers.kiosk); the reverse
        # relation exists only with careers installed.
        onsite = getattr(self, "onsite_applications", None)
        if onsite is not None:
            counted = onsite.aggregate(
                applications=Count("pk"), positions=Count("posting", distinct=True)
            )
        return EventResults(
            *(
                count or editor
                for count, editor in zip(
                    (
                        tallies["participants"],
                        tallies["conversations"],
                        counted["positions"],
                        counted["applications"],
                    ),
                    editors,
                    strict=True,
                )
            )
        )

    def registration_deadline(self):
        return self.registration_closes or self.start

    def accepts_bookings(self, now=None):
        return self.registration_open and (now or timezone.now()) < self.registration_deadline()

    def slots(self):
        """The start of every conversation slot, from the beginning to the end."""
        length = datetime.timedelta(minutes=self.slot_minutes)
        moments, moment = [], self.start
        while moment + length <= self.end:
            moments.append(moment)
            moment += length
        return moments

    def address_lines(self):
        postal = " ".join(part for part in (self.venue_postal_code, self.venue_city) if part)
        return [line for line in (self.venue_name, self.venue_street, postal) if line]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        branding = for_request(request)
        data = structured_data.event(
            self,
            url=request.build_absolute_uri(self.get_url(request)),
            organisation=branding.name,
            organisation_url=request.build_absolute_uri(branding.home_url),
        )
        context.update(jsonld=structured_data.script_data(data), departments=self.departments.all())
        if self.is_past:
            context["results"] = self.results()
        return context

    # The routes beside the page; their views live in campaign/events/views.py.
    @path("kalender/", name="ics")
    def ics_route(self, request):
        from campaign.events import views as event_views

        return event_views.event_ics(request, self)

    @path("anmeldung/", name="register")
    def register_route(self, request):
        from campaign.events import views as event_views

        return event_views.register(request, self)

    @path("anmeldung/gesendet/", name="booking_sent")
    def booking_sent_route(self, request):
        from campaign.events import views as event_views

        return event_views.booking_sent(request, self)

    # The signed token's parts are path segments (campaign.events.bookings.CONFIRM_LINK).
    @path("anmeldung/bestaetigen/<path:token>/", name="confirm_booking")
    def confirm_booking_route(self, request, token):
        from campaign.events import views as event_views

        return event_views.confirm_booking(request, self, token)

    @path("anmeldung/<uuid:token>/", name="booking")
    def booking_route(self, request, token):
        from campaign.events import views as event_views

        return event_views.booking(request, self, token)

    @path("anmeldung/<uuid:token>/kalender/", name="booking_ics")
    def booking_ics_route(self, request, token):
        from campaign.events import views as event_views

        return event_views.booking_ics(request, self, token)


class EventDepartment(Orderable):
    """A department taking part; visitors book conversations with it."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="departments")
    name = models.CharField(
        _("Bereich"), max_length=200, help_text=_("z. B. „Amt für Einwohnerwesen“")
    )
    seats_per_slot = models.PositiveSmallIntegerField(
        _("Gespräche je Termin"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Wie viele Gespräche der Bereich gleichzeitig führt."),
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("seats_per_slot")])]

    class Meta(Orderable.Meta):
        verbose_name = _("Beteiligter Bereich")
        verbose_name_plural = _("Beteiligte Bereiche")

    def __str__(self):
        return self.name


class BookingStatus(models.TextChoices):
    # Asked for on the site, not yet confirmed from the mailbox (double opt-in).
    UNCONFIRMED = "unconfirmed", _("angefragt")
    CONFIRMED = "confirmed", _("bestätigt")
    WAITING = "waiting", _("Warteliste")
    CANCELLED = "cancelled", _("storniert")


class Booking(models.Model):
    """A visitor's conversation with a department in one slot of an event.

    The token in the booking's link is the visitor's only key: no account is
    needed to see or cancel a booking. The confirmation link mailed first
    signs (id, token) (campaign.events.bookings.CONFIRM_LINK): only
    the mailbox's owner reaches the booking's page, by confirming.
    """

    event = models.ForeignKey(
        EventPage,
        verbose_name=_("Veranstaltung"),
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    department = models.ForeignKey(
        EventDepartment,
        verbose_name=_("Bereich"),
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    slot = models.DateTimeField(_("Termin"))
    name = models.CharField(_("Name"), max_length=120)
    email = models.EmailField(_("E-Mail"))
    # The site's form books as UNCONFIRMED (campaign.events.bookings.book); the
    # default is for bookings made otherwise (the demo, editors' imports).
    status = models.CharField(
        _("Status"), max_length=12, choices=BookingStatus.choices, default=BookingStatus.CONFIRMED
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("Gebucht am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["slot", "department__sort_order", "created_at"]
        indexes = [models.Index(fields=["department", "slot", "status"])]

    def __str__(self):
        return f"{self.name}: {self.department} ({timezone.localtime(self.slot):%d.%m.%Y %H:%M})"

    @property
    def slot_end(self):
        return self.slot + datetime.timedelta(minutes=self.event.slot_minutes)

    def waiting_position(self):
        """1 for the first on the waiting list of this slot, None when not waiting."""
        if self.status != BookingStatus.WAITING:
            return None
        return (
            Booking.objects.filter(
                department_id=self.department_id,
                slot=self.slot,
                status=BookingStatus.WAITING,
                created_at__lte=self.created_at,
            )
            .exclude(pk=self.pk)
            .count()
            + 1
        )


class EventKiosk(models.Model):
    """A tablet at the event (seed 004: 444 applications on the spot): a secret,
    time-limited link that opens the kiosk without an admin login.

    The link signs (id, key) (careers.kiosk.links); the key is random per
    kiosk, so deleting the row (or its time running out) ends the link.
    """

    event = models.ForeignKey(
        EventPage,
        verbose_name=_("Veranstaltung"),
        on_delete=models.CASCADE,
        related_name="kiosks",
    )
    label = models.CharField(
        _("Bezeichnung"), max_length=100, help_text=_("z. B. „Tablet am Eingang“")
    )
    key = models.CharField(max_length=64, editable=False)
    valid_until = models.DateTimeField(
        _("Gültig bis"), help_text=_("Danach öffnet der Link den Kiosk nicht mehr.")
    )
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Kiosk")
        verbose_name_plural = _("Kiosks")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.label} ({self.event.title})"

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = secrets.token_urlsafe(32)
        super().save(*args, **kwargs)

    def is_valid(self, now=None):
        return (now or timezone.now()) < self.valid_until


class KioskTally(models.Model):
    """What staff count at the kiosk with one tap: conversations of a department,
    or (without one) the participants who came. Not part of the page's
    revisions, so publishing the page never resets a count."""

    event = models.ForeignKey(
        EventPage,
        verbose_name=_("Veranstaltung"),
        on_delete=models.CASCADE,
        related_name="kiosk_tallies",
    )
    department = models.ForeignKey(
        EventDepartment,
        verbose_name=_("Bereich"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="kiosk_tallies",
    )
    count = models.PositiveIntegerField(_("Anzahl"), default=0)

    class Meta:
        verbose_name = _("Zählung am Kiosk")
        verbose_name_plural = _("Zählungen am Kiosk")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "department"],
                nulls_distinct=False,
                name="kiosk_tally_once_per_department",
            )
        ]

    def __str__(self):
        return f"{self.department or _('Teilnehmende')}: {self.count}"
