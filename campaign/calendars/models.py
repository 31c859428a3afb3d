"""Photo calendars (seed 002): twelve monthly motifs, earlier editions, the PDF.

The motifs are rows of an InlinePanel rather than a StreamField: every motif
has the same fields, the admin can hold them to exactly twelve, and the page
loads all of them with their images and job field pages in a fixed number of
queries. The printable PDF is made by campaign/calendars/files.py and served
from `kalender-pdf/` beside the page.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from campaign.pages.blocks import BodyBlock
from campaign.pages.models.campaigns import PartOfCampaign
from campaign.sites.linked_page_types import JOB_FIELD, LinkedPageChooserPanel
from campaign.sites.page_forms import SitePage, SitePageForm
from media_library.filesize import format_file_size
from media_library.models import CustomImage

MONTH_COUNT = 12
# A PDF not made yet is usually there within a minute (campaign/calendars/tasks.py).
PDF_RETRY_AFTER_SECONDS = 60


def motif_problems(months):
    """What keeps these months from being a calendar: exactly 12, each month once."""
    problems = []
    if len(months) != MONTH_COUNT:
        problems.append(
            gettext("Ein Fotokalender braucht genau 12 Monatsmotive, nicht %(count)s.")
            % {"count": len(months)}
        )
    doubled = sorted({month for month in months if months.count(month) > 1})
    if doubled:
        problems.append(
            gettext("Jeder Monat darf nur ein Motiv haben; mehrfach vergeben: %(months)s.")
            % {"months": ", ".join(str(MONTHS[month]) for month in doubled)}
        )
    missing = sorted(set(MONTHS) - set(months))
    if missing:
        problems.append(
            gettext("Es fehlt ein Motiv für: %(months)s.")
            % {"months": ", ".join(str(MONTHS[month]) for month in missing)}
        )
    return problems


class PhotoCalendarPageForm(SitePageForm):
    """Drafts may be unfinished; publishing (or submitting for review) needs
    all twelve months, and earlier editions must be other calendars (of this
    site, as every relation: SitePageForm)."""

    def clean(self):
        cleaned = super().clean()
        self._check_editions()
        self._months_from_order()
        if not self.is_deferred_validation:
            self._check_motifs()
        return cleaned

    def _live_forms(self, name):
        formset = self.formsets.get(name)
        if formset is None or not formset.is_valid():  # its own errors come first
            return None
        return [
            form
            for form in formset.forms
            if form.cleaned_data and form not in formset.deleted_forms
        ]

    def _months_from_order(self):
        """The first motif is January: moving a motif up or down (buttons, keys or
        dragging in the inline panel) moves it to another month."""
        formset = self.formsets.get("motifs")
        if formset is None or self._live_forms("motifs") is None:
            return
        live = [form for form in formset.ordered_forms if form not in formset.deleted_forms]
        for month, form in enumerate(live, start=1):
            form.instance.month = month

    def _check_motifs(self):
        forms = self._live_forms("motifs")
        if forms is None:
            return
        for problem in motif_problems([form.instance.month for form in forms]):
            self.add_error(None, problem)

    def _check_editions(self):
        forms = self._live_forms("earlier_editions")
        if not forms:
            return
        for form in forms:
            edition = form.cleaned_data.get("edition_page")
            if edition is None:
                continue
            if edition.pk == self.instance.pk:
                form.add_error(
                    "edition_page",
                    gettext("Ein Kalender kann nicht seine eigene frühere Ausgabe sein."),
                )


class PhotoCalendarPage(SitePage, PartOfCampaign, RoutablePageMixin, Page):
    """One edition of an employer's photo calendar: motto, twelve motifs, the PDF."""

    year = models.PositiveSmallIntegerField(
        _("Jahr"), validators=[MinValueValidator(1950), MaxValueValidator(2100)]
    )
    motto = models.CharField(
        _("Motto"), max_length=120, help_text=_("Ohne Anführungszeichen, z. B. Was geht")
    )
    lead = models.TextField(_("Einleitung"), help_text=_("Zwei, drei Sätze für Übersichten."))
    distribution = models.TextField(
        _("Wer den gedruckten Kalender bekommt"),
        blank=True,
        help_text=_(
            "Ein, zwei Sätze, z. B. „Das JobCenter verteilt den Kalender kostenfrei an seine "
            "Kundinnen und Kunden, an Arbeitgeber, Unternehmen und Betriebe.“"
        ),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("Inhalt"),
        blank=True,
        help_text=_("Text und Zitate zum Kalender, z. B. aus der Pressemitteilung."),
    )
    # What is left is counted from the confirmed orders (campaign/calendar_orders/),
    # never stored here: a page field travels in revisions, and publishing an
    # older one would bring back copies long sent.
    printed_copies = models.PositiveIntegerField(
        _("Gedruckte Auflage zum Bestellen"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1_000_000)],
        help_text=_(
            "Wie viele gedruckte Kalender insgesamt über die Website bestellt werden können. "
            "Leer: keine Bestellung über die Website. Sind alle bestellt, steht auf der Seite "
            "„vergriffen“."
        ),
    )
    order_limit = models.PositiveSmallIntegerField(
        _("Höchstens je Bestellung"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("So viele Kalender darf eine Bestellung höchstens umfassen."),
    )

    base_form_class = PhotoCalendarPageForm
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("year"), FieldPanel("motto")]),
        FieldPanel("lead"),
        FieldPanel("distribution"),
        FieldRowPanel(
            [FieldPanel("printed_copies"), FieldPanel("order_limit")],
            heading=_("Bestellung des gedruckten Kalenders"),
        ),
        FieldPanel("campaign"),
        InlinePanel(
            "motifs",
            heading=_("Monatsmotive"),
            label=_("Motiv"),
            max_num=MONTH_COUNT,
            help_text=_(
                "Genau zwölf, in der Reihenfolge der Monate: Das erste Motiv ist der Januar. "
                "Mit den Pfeilen oder durch Ziehen umsortieren; Entwürfe dürfen unvollständig "
                "sein. Zwölf Bilder auf einmal: in der Bilder-Übersicht auswählen und „Als "
                "Kalendermotive verwenden“."
            ),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [InlinePanel("earlier_editions", label=_("Frühere Ausgabe"))],
            heading=_("Frühere Ausgaben"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("motto"),
        index.SearchField("lead"),
        index.SearchField("body"),
        index.RelatedFields(
            "motifs", [index.SearchField("caption"), index.SearchField("work_field")]
        ),
    ]
    parent_page_types = ["campaign.HomePage", "campaign.CampaignPage"]
    subpage_types = []
    template = "campaign/photo_calendar_page.html"

    class Meta:
        verbose_name = _("Fotokalender")
        verbose_name_plural = _("Fotokalender")

    def motifs_for_display(self):
        """The motifs by month with images, renditions and job field pages: three queries."""
        return list(
            self.motifs.order_by("month")
            .select_related("job_field_page")
            .prefetch_related(Prefetch("image", CustomImage.objects.prefetch_renditions()))
        )

    def get_context(self, request, *args, **kwargs):
        from campaign.calendars.files import servable_pdf

        context = super().get_context(request, *args, **kwargs)
        context["motifs"] = self.motifs_for_display()
        context["editions"] = list(self.earlier_editions.select_related("edition_page"))
        # The size of what the download serves: the current PDF or, while the
        # worker makes it, the one before. Without one, the link still leads to
        # the download, which queues it.
        context["pdf"] = servable_pdf(self, check_file=False)
        if self.printed_copies is not None:
            from campaign.calendar_orders.orders import copies_left

            context["copies_left"] = copies_left(self)
        return context

    # Wagtail serves no paths with dots (kalender.pdf); the file name comes with the response.
    @path("kalender-pdf/", name="pdf")
    def pdf_route(self, request):
        from campaign.calendars.files import current_pdf, forget_stored_pdf, servable_pdf
        from campaign.calendars.tasks import request_calendar_pdf

        # Rendering takes seconds and writes: only the task worker does it.
        pdf = current_pdf(self)
        if pdf is None:
            months = sorted(self.motifs.values_list("month", flat=True))
            if months != list(range(1, MONTH_COUNT + 1)):
                raise Http404(gettext("Dieser Kalender hat noch keine zwölf Monatsmotive."))
            request_calendar_pdf(self)
            # A backend that runs tasks at once (tests) has made it by now.
            forget_stored_pdf(self)
            pdf = servable_pdf(self)
        if pdf is None:
            response = TemplateResponse(
                request, "campaign/photo_calendar_pdf_pending.html", {"page": self}, status=503
            )
            response["Retry-After"] = str(PDF_RETRY_AFTER_SECONDS)
            response["Cache-Control"] = "no-store"
            return response
        response = FileResponse(pdf.file.open("rb"), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{pdf.download_name}"'
        return response

    # The order form carries a CSRF token and what was typed: its pages are
    # never cached (campaign.sites.public_forms.render_public_form), while the
    # calendar page only links to it.
    @path("bestellen/", name="order")
    def order_route(self, request):
        from campaign.calendar_orders import views

        return views.order(request, self)

    @path("bestellen/gesendet/", name="order_sent")
    def order_sent_route(self, request):
        from campaign.calendar_orders import views

        return views.order_sent(request, self)

    @path("bestellen/bestaetigen/<path:token>/", name="confirm_order")
    def confirm_order_route(self, request, token):
        from campaign.calendar_orders import views

        return views.confirm_order(request, self, token)


class CalendarMotif(Orderable):
    """The picture of one month, the work field it shows and who took it."""

    page = ParentalKey(PhotoCalendarPage, on_delete=models.CASCADE, related_name="motifs")
    month = models.PositiveSmallIntegerField(_("Monat"), choices=list(MONTHS.items()))
    image = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("Foto"),
        null=True,  # a deleted image leaves the month, without picture
        on_delete=models.SET_NULL,
        related_name="+",
    )
    caption = models.CharField(
        _("Bildunterschrift"),
        max_length=255,
        help_text=_("Was das Foto zeigt, z. B. „In der Oldtimer-Werkstatt“."),
    )
    work_field = models.CharField(
        _("Arbeitsfeld"),
        max_length=120,
        blank=True,  # the press release of seed 002 names it for four motifs of twelve
        help_text=_(
            "Optional: Welche Aufgabe das Motiv zeigt, z. B. „Förderung von Weiterbildung“."
        ),
    )
    job_field_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite des Berufsfelds"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: Das Arbeitsfeld verlinkt dann auf diese Seite."),
    )
    photographer = models.CharField(
        _("Fotografin oder Fotograf"), max_length=120, help_text=_("z. B. Stefan Arend")
    )

    # No month field: the month is the motif's place in the list (PhotoCalendarPageForm).
    panels = [
        FieldPanel("image"),
        FieldPanel("photographer"),
        FieldPanel("caption"),
        FieldPanel("work_field"),
        LinkedPageChooserPanel("job_field_page", JOB_FIELD),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Monatsmotiv")
        verbose_name_plural = _("Monatsmotive")

    def __str__(self):
        return f"{MONTHS[self.month]}: {self.caption}"

    @property
    def month_name(self):
        return MONTHS[self.month]

    @property
    def shown_image(self):
        """The image, unless its usage rights have run out: then nothing is shown."""
        if self.image is None or self.image.rights_expired():
            return None
        return self.image


class CalendarEdition(Orderable):
    """An earlier edition of the series: a calendar page of this site, or just
    year, motto and a sentence when it has no page."""

    page = ParentalKey(PhotoCalendarPage, on_delete=models.CASCADE, related_name="earlier_editions")
    edition_page = models.ForeignKey(
        PhotoCalendarPage,
        verbose_name=_("Kalenderseite"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wenn es eine Seite gibt; Jahr und Motto kommen dann von dort."),
    )
    year = models.PositiveSmallIntegerField(
        _("Jahr"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    motto = models.CharField(_("Motto"), max_length=120, blank=True)
    description = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        blank=True,
        help_text=_("z. B. „Erfolgsgeschichten von Migrantinnen und Migranten in Essen“"),
    )

    panels = [
        PageChooserPanel("edition_page", "campaign.PhotoCalendarPage"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("motto")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Frühere Ausgabe")
        verbose_name_plural = _("Frühere Ausgaben")

    def __str__(self):
        return f"{self.shown_year}: {self.shown_motto}"

    def clean(self):
        super().clean()
        if self.edition_page_id is None and not (self.year and self.motto):
            raise ValidationError(
                _("Bitte wählen Sie eine Kalenderseite oder geben Sie Jahr und Motto an.")
            )

    @property
    def shown_year(self):
        return self.edition_page.year if self.edition_page else self.year

    @property
    def shown_motto(self):
        return self.edition_page.motto if self.edition_page else self.motto

    @property
    def link(self):
        """The edition's page, if it is live: only then is there something to link."""
        if self.edition_page is not None and self.edition_page.live:
            return self.edition_page
        return None


class CalendarPdf(models.Model):
    """The rendered PDF of a calendar page, kept until the page is published again.

    A model of its own rather than a FileField on the page, because page fields
    travel in revisions: publishing an older revision would bring back the name
    of a file long replaced. Not a Wagtail document either: it is made by the
    system, editors should not find it in their library to edit or delete, and
    served beside the page it follows the page's privacy.
    """

    page = models.OneToOneField(
        PhotoCalendarPage, on_delete=models.CASCADE, related_name="pdf_file"
    )
    file = models.FileField(_("Datei"), upload_to="kalender/")
    file_size = models.PositiveIntegerField(_("Dateigröße"))
    rendered_at = models.DateTimeField(_("Erstellt am"), default=timezone.now)
    state = models.CharField(_("Bundesland der Feiertage"), max_length=2, blank=True)
    # The day the usage rights of the first printed motif run out: after it
    # that motif may no longer be handed out, and the PDF is made again.
    valid_until = models.DateField(_("Gültig bis"), null=True, blank=True)

    class Meta:
        verbose_name = _("Kalender als PDF")
        verbose_name_plural = _("Kalender als PDF")

    def __str__(self):
        return self.file.name

    @property
    def size_label(self):
        return format_file_size(self.file_size)

    @property
    def download_name(self):
        return download_name(self.page)


def download_name(page):
    """kalender-2019-was-geht.pdf: year and motto once (slugs often repeat both)."""
    name = slugify(page.motto)
    if not name:  # the slug, without what the name says already
        words = slugify(page.slug).split("-")
        name = "-".join(word for word in words if word not in ("kalender", str(page.year)))
    return f"kalender-{page.year}-{name}.pdf" if name else f"kalender-{page.year}.pdf"
