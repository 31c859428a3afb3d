"""The pages German law asks of a public body's website, with the fields the law
names: the Impressum (§ 5 DDG, § 18 Abs. 2 MStV), the Datenschutzerklärung
(Art. 13 DSGVO) and the Erklärung zur Barrierefreiheit (§ 12b BGG, BITV 2.0).

Fields rather than free text, so an editor cannot forget what is required and
the templates lay every page out the same way. One of each per site, right
below its home page; the site's EmployerSettings link them in the footer.
The statement page takes feedback on barriers (campaign/legal/views.py); each
message is an AccessibilityFeedback: § 12b BGG asks for a feedback mechanism, and
the public body answers within a month (the deadline of the federal and most Land
rules), so each message carries the date by which its reply is due.
"""

import calendar

from django.core.validators import RegexValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from campaign.sites.page_forms import SitePage

EXTRA_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
# The conciliation body of the federal government; bodies of a Land or a
# municipality name their Land's own, where it has one.
FEDERAL_CONCILIATION_BODY = _(
    "Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG) bei dem Beauftragten "
    "der Bundesregierung für die Belange von Menschen mit Behinderungen"
)
FEDERAL_CONCILIATION_URL = "https://www.schlichtungsstelle-bgg.de/"

vat_id_validator = RegexValidator(
    r"^DE\d{9}$", _("Eine deutsche Umsatzsteuer-ID hat die Form DE und neun Ziffern.")
)


class LegalPage(SitePage, Page):
    """One per site, right below its home page; linked from the footer, not the menu."""

    extra_text = RichTextField(_("Weitere Angaben"), blank=True, features=EXTRA_TEXT_FEATURES)

    parent_page_types = ["campaign.HomePage", "campaign.EmployerDirectoryPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ImprintPage(LegalPage):
    publisher_name = models.CharField(
        _("Herausgeber"),
        max_length=200,
        help_text=_("Der vollständige Name der Stelle, z. B. „Bezirksamt Mitte von Berlin“."),
    )
    legal_form = models.CharField(
        _("Rechtsform"),
        max_length=200,
        blank=True,
        help_text=_(
            "z. B. „Körperschaft des öffentlichen Rechts“, „Anstalt des öffentlichen Rechts“ "
            "oder „GmbH“; bei einer Behörde die Körperschaft, zu der sie gehört."
        ),
    )
    publisher_address = models.TextField(
        _("Anschrift"), help_text=_("Ladungsfähige Postanschrift, kein Postfach.")
    )
    represented_by = models.TextField(
        _("Vertretungsberechtigt"),
        help_text=_(
            "Wer die Stelle nach außen vertritt, mit Funktion, z. B. „Die Bezirksbürgermeisterin“ "
            "oder „Der Geschäftsführer“ und Name."
        ),
    )
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(
        _("E-Mail"),
        help_text=_("Pflichtangabe nach § 5 DDG: eine Adresse, die schnell gelesen wird."),
    )
    supervisory_authority = models.TextField(
        _("Aufsichtsbehörde"),
        blank=True,
        help_text=_("Die Behörde, die die Aufsicht führt, mit Anschrift."),
    )
    vat_id = models.CharField(
        _("Umsatzsteuer-Identifikationsnummer"),
        max_length=11,
        blank=True,
        validators=[vat_id_validator],
        help_text=_("Nur wenn vorhanden, nach § 27a UStG, z. B. DE123456789."),
    )
    content_responsible_name = models.CharField(
        _("Verantwortlich für den Inhalt"),
        max_length=200,
        help_text=_(
            "Nach § 18 Abs. 2 MStV eine natürliche Person, mit Funktion, "
            "z. B. „Leiterin der Pressestelle“ und Name."
        ),
    )
    content_responsible_address = models.TextField(
        _("Anschrift der oder des Verantwortlichen"),
        help_text=_("Meist die Anschrift der Stelle."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("publisher_name"),
                FieldPanel("legal_form"),
                FieldPanel("publisher_address"),
                FieldPanel("represented_by"),
            ],
            heading=_("Herausgeber"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])], heading=_("Kontakt")
        ),
        FieldPanel("supervisory_authority"),
        FieldPanel("vat_id"),
        MultiFieldPanel(
            [FieldPanel("content_responsible_name"), FieldPanel("content_responsible_address")],
            heading=_("Verantwortlich nach § 18 Abs. 2 MStV"),
        ),
        FieldPanel("extra_text"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("publisher_name")]
    template = "campaign/legal/imprint_page.html"

    class Meta:
        verbose_name = _("Impressum")
        verbose_name_plural = _("Impressen")


class LegalBasis(models.TextChoices):
    CONSENT = "a", _("Einwilligung (Art. 6 Abs. 1 Buchst. a DSGVO)")
    CONTRACT = "b", _("Vertrag oder vorvertragliche Maßnahmen (Art. 6 Abs. 1 Buchst. b DSGVO)")
    LEGAL_OBLIGATION = "c", _("Rechtliche Verpflichtung (Art. 6 Abs. 1 Buchst. c DSGVO)")
    VITAL_INTERESTS = "d", _("Lebenswichtige Interessen (Art. 6 Abs. 1 Buchst. d DSGVO)")
    PUBLIC_TASK = "e", _("Öffentliche Aufgabe (Art. 6 Abs. 1 Buchst. e DSGVO)")
    LEGITIMATE_INTERESTS = "f", _("Berechtigte Interessen (Art. 6 Abs. 1 Buchst. f DSGVO)")


class ProcessingPurposeValue(blocks.StructValue):
    def legal_basis_label(self):
        return LegalBasis(self["legal_basis"]).label if self.get("legal_basis") else ""


class ProcessingPurposeBlock(blocks.StructBlock):
    purpose = blocks.CharBlock(
        label=_("Zweck"), help_text=_("z. B. „Bereitstellung der Website“ oder „Online-Bewerbung“")
    )
    legal_basis = blocks.ChoiceBlock(choices=LegalBasis.choices, label=_("Rechtsgrundlage"))
    legal_basis_note = blocks.CharBlock(
        label=_("Weitere Rechtsvorschrift"),
        required=False,
        help_text=_("z. B. „in Verbindung mit § 26 BDSG“ oder dem Landesdatenschutzgesetz."),
    )
    data_categories = blocks.TextBlock(
        label=_("Verarbeitete Daten"), help_text=_("z. B. IP-Adresse, Zeitpunkt, aufgerufene Seite")
    )
    recipients = blocks.TextBlock(
        label=_("Empfänger"),
        required=False,
        help_text=_("Wer die Daten außerdem erhält, z. B. der IT-Dienstleister; leer: niemand."),
    )
    retention = blocks.TextBlock(
        label=_("Speicherdauer"), help_text=_("z. B. „sieben Tage, dann gelöscht“")
    )

    class Meta:
        icon = "list-ul"
        label = _("Verarbeitungszweck")
        value_class = ProcessingPurposeValue


class PrivacyPage(LegalPage):
    controller_name = models.CharField(
        _("Verantwortliche Stelle"),
        max_length=200,
        help_text=_("Nach Art. 4 Nr. 7 DSGVO, meist der Herausgeber der Website."),
    )
    controller_address = models.TextField(_("Anschrift der verantwortlichen Stelle"))
    controller_email = models.EmailField(_("E-Mail der verantwortlichen Stelle"))
    controller_phone = models.CharField(
        _("Telefon der verantwortlichen Stelle"), max_length=50, blank=True
    )
    dpo_name = models.CharField(
        _("Datenschutzbeauftragte oder Datenschutzbeauftragter"),
        max_length=200,
        help_text=_("Die Funktion genügt, z. B. „Behördliche Datenschutzbeauftragte“."),
    )
    dpo_address = models.TextField(_("Anschrift"), blank=True)
    dpo_email = models.EmailField(_("E-Mail"))
    purposes = StreamField(
        [("purpose", ProcessingPurposeBlock())],
        verbose_name=_("Verarbeitungszwecke"),
        help_text=_("Jeder Zweck mit Rechtsgrundlage, Daten, Empfängern und Speicherdauer."),
    )
    authority_name = models.CharField(
        _("Zuständige Aufsichtsbehörde"),
        max_length=200,
        help_text=_("z. B. „Berliner Beauftragte für Datenschutz und Informationsfreiheit“"),
    )
    authority_address = models.TextField(_("Anschrift der Aufsichtsbehörde"), blank=True)
    authority_url = models.URLField(_("Website der Aufsichtsbehörde"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("controller_name"),
                FieldPanel("controller_address"),
                FieldRowPanel([FieldPanel("controller_email"), FieldPanel("controller_phone")]),
            ],
            heading=_("Verantwortliche Stelle"),
        ),
        MultiFieldPanel(
            [FieldPanel("dpo_name"), FieldPanel("dpo_address"), FieldPanel("dpo_email")],
            heading=_("Datenschutzbeauftragte"),
        ),
        FieldPanel("purposes"),
        MultiFieldPanel(
            [
                FieldPanel("authority_name"),
                FieldPanel("authority_address"),
                FieldPanel("authority_url"),
            ],
            heading=_("Aufsichtsbehörde"),
        ),
        FieldPanel("extra_text"),
    ]
    template = "campaign/legal/privacy_page.html"

    class Meta:
        verbose_name = _("Datenschutzerklärung")
        verbose_name_plural = _("Datenschutzerklärungen")


class Conformance(models.TextChoices):
    FULL = "full", _("vollständig vereinbar")
    PARTIAL = "partial", _("teilweise vereinbar")
    NONE = "none", _("nicht vereinbar")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("Selbstbewertung")
    EXTERNAL = "external", _("Prüfung durch Dritte")


class BarrierBlock(blocks.StructBlock):
    description = blocks.TextBlock(
        label=_("Barriere"),
        help_text=_("Was nicht barrierefrei ist, und warum, z. B. „Ältere PDF-Dokumente …“"),
    )
    alternative = blocks.TextBlock(
        label=_("Alternative"),
        required=False,
        help_text=_("Wie man trotzdem zum Inhalt kommt, z. B. „auf Anfrage per E-Mail“"),
    )

    class Meta:
        icon = "warning"
        label = _("Bekannte Barriere")


class AccessibilityStatementPage(RoutablePageMixin, LegalPage):
    conformance = models.CharField(
        _("Stand der Vereinbarkeit mit der BITV 2.0"),
        max_length=10,
        choices=Conformance.choices,
        default=Conformance.PARTIAL,
    )
    barriers = StreamField(
        [("barrier", BarrierBlock())],
        verbose_name=_("Nicht barrierefreie Inhalte"),
        blank=True,
        help_text=_("Bei „teilweise“ oder „nicht vereinbar“ die bekannten Barrieren."),
    )
    prepared_on = models.DateField(_("Erklärung erstellt am"))
    reviewed_on = models.DateField(_("Zuletzt überprüft am"))
    assessment_method = models.CharField(
        _("Grundlage der Erklärung"),
        max_length=10,
        choices=AssessmentMethod.choices,
        default=AssessmentMethod.SELF,
    )
    assessment_note = models.CharField(
        _("Zur Prüfung"),
        max_length=300,
        blank=True,
        help_text=_("z. B. „BITV-Test durch einen externen Prüfdienst im März 2026“"),
    )
    feedback_name = models.CharField(
        _("Kontaktstelle für Rückmeldungen"),
        max_length=200,
        help_text=_("z. B. „Pressestelle“; steht auf der Seite."),
    )
    feedback_email = models.EmailField(
        _("E-Mail für Rückmeldungen"),
        blank=True,
        help_text=_(
            "Erhält jede Rückmeldung aus dem Formular; leer: die E-Mail der Pressestelle aus "
            "den Einstellungen des Arbeitgebers."
        ),
    )
    feedback_phone = models.CharField(_("Telefon für Rückmeldungen"), max_length=50, blank=True)
    conciliation_name = models.CharField(
        _("Schlichtungsstelle"),
        max_length=300,
        default=FEDERAL_CONCILIATION_BODY,
        help_text=_(
            "Die Schlichtungsstelle des Bundes; Stellen eines Landes oder einer Kommune nennen "
            "die ihres Landes, wo es eine gibt."
        ),
    )
    conciliation_url = models.URLField(
        _("Website der Schlichtungsstelle"), default=FEDERAL_CONCILIATION_URL
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("conformance"),
                FieldPanel("barriers"),
                FieldRowPanel([FieldPanel("prepared_on"), FieldPanel("reviewed_on")]),
                FieldPanel("assessment_method"),
                FieldPanel("assessment_note"),
            ],
            heading=_("Stand der Barrierefreiheit"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("feedback_name"),
                FieldRowPanel([FieldPanel("feedback_email"), FieldPanel("feedback_phone")]),
            ],
            heading=_("Feedback-Mechanismus"),
        ),
        MultiFieldPanel(
            [FieldPanel("conciliation_name"), FieldPanel("conciliation_url")],
            heading=_("Schlichtungsverfahren"),
        ),
        FieldPanel("extra_text"),
    ]
    template = "campaign/legal/accessibility_statement_page.html"

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärungen zur Barrierefreiheit")

    # The form is part of the page itself (anchor #rueckmeldung); its view
    # lives in campaign/legal/views.py.
    @path("", name="statement")
    def statement_route(self, request):
        from campaign.legal import views as feedback_views

        return feedback_views.statement(request, self)

    @path("danke/", name="thanks")
    def thanks_route(self, request):
        from campaign.legal import views as feedback_views

        return feedback_views.thanks(request, self)


def one_month_after(day):
    """The same day a month later; the month's last day where it is shorter."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


class FeedbackStatus(models.TextChoices):
    NEW = "new", _("neu")
    IN_PROGRESS = "in_progress", _("in Bearbeitung")
    ANSWERED = "answered", _("beantwortet")


class AccessibilityFeedback(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Website"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    page_path = models.CharField(_("Betroffene Seite"), max_length=300, blank=True)
    message = models.TextField(_("Rückmeldung"))
    name = models.CharField(_("Name"), max_length=120, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    received_at = models.DateTimeField(_("Eingegangen am"), default=timezone.now)
    reply_due = models.DateField(_("Antwort fällig bis"), editable=False)
    status = models.CharField(
        _("Status"), max_length=12, choices=FeedbackStatus.choices, default=FeedbackStatus.NEW
    )
    answered_at = models.DateTimeField(_("Beantwortet am"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Rückmeldung zur Barrierefreiheit")
        verbose_name_plural = _("Rückmeldungen zur Barrierefreiheit")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["site", "status", "reply_due"])]

    def __str__(self):
        received = formats.date_format(timezone.localtime(self.received_at), "SHORT_DATE_FORMAT")
        return _("Rückmeldung vom %(date)s") % {"date": received}

    def save(self, *args, **kwargs):
        if self.reply_due is None:
            self.reply_due = one_month_after(timezone.localdate(self.received_at))
        # The retention period runs from the answer (campaign/legal/feedback.py).
        if self.status == FeedbackStatus.ANSWERED and self.answered_at is None:
            self.answered_at = timezone.now()
        elif self.status != FeedbackStatus.ANSWERED:
            self.answered_at = None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "answered_at"}
        super().save(*args, **kwargs)

    def is_overdue(self, today=None):
        return self.status != FeedbackStatus.ANSWERED and self.reply_due < (
            today or timezone.localdate()
        )

    def reply_due_label(self):
        """The due date for the admin listing, marked when it has passed."""
        due = formats.date_format(self.reply_due, "SHORT_DATE_FORMAT")
        if self.is_overdue():
            return _("%(date)s – überfällig") % {"date": due}
        return due

    reply_due_label.short_description = _("Antwort fällig bis")
