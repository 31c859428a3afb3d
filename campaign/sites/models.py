"""Everything that makes a Wagtail Site one employer: name, look, contacts."""

import copy

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page, Site

from campaign.calendars.pdf import STATES
from campaign.sites import page_cache
from campaign.sites.admin_scoping.relations import SiteSettingsForm
from campaign.sites.embedding import validate_embedding_origins
from campaign.sites.theming import hex_colour_validator, validate_text_colour_on_white


@register_setting(icon="site")
class EmployerSettings(ClusterableModel, BaseSiteSetting):
    base_form_class = SiteSettingsForm
    organisation_name = models.CharField(
        _("Name des Arbeitgebers"),
        max_length=200,
        help_text=_("Erscheint im Kopf jeder Seite, z. B. „Bezirksamt Mitte von Berlin“."),
    )
    tagline = models.CharField(
        _("Unterzeile"), max_length=200, blank=True, help_text=_("z. B. „Karriere im Bezirksamt“")
    )
    logo = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    primary_colour = models.CharField(
        _("Hauptfarbe"),
        max_length=7,
        default="#004b87",
        validators=[validate_text_colour_on_white],
        help_text=_("Für Links, Schaltflächen und den Kopfbereich; muss auf Weiß lesbar sein."),
    )
    accent_colour = models.CharField(
        _("Akzentfarbe"),
        max_length=7,
        default="#e30613",
        validators=[hex_colour_validator],
        help_text=_("Für Linien und Schmuckelemente."),
    )

    press_office = models.CharField(_("Pressestelle"), max_length=200, blank=True)
    press_email = models.EmailField(_("E-Mail der Pressestelle"), blank=True)
    press_phone = models.CharField(_("Telefon der Pressestelle"), max_length=50, blank=True)
    postal_address = models.TextField(_("Postanschrift"), blank=True)
    editorial_responsible = models.CharField(
        _("Verantwortlich für den Inhalt (§ 18 Abs. 2 MStV)"),
        max_length=300,
        blank=True,
        help_text=_(
            "Name und Anschrift der verantwortlichen Person; steht unter jeder Pressemitteilung."
        ),
    )

    state = models.CharField(
        _("Bundesland"),
        max_length=2,
        blank=True,
        choices=sorted(STATES.items(), key=lambda item: item[1]),
        help_text=_(
            "Für die Feiertage im Fotokalender. Leer lassen, wenn nur die bundesweiten "
            "Feiertage eingetragen werden sollen."
        ),
    )

    film_embedding_origins = models.TextField(
        _("Domains, die den Film einbetten dürfen"),
        blank=True,
        validators=[validate_embedding_origins],
        help_text=_(
            "Eine Adresse je Zeile, z. B. „https://www.berlin.de“. Nur diese Websites "
            "dürfen die Filme dieses Arbeitgebers im eigenen Player einbetten."
        ),
    )

    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("organisation_name"),
                    FieldPanel("tagline"),
                    FieldPanel("logo"),
                    FieldPanel("state"),
                    MultiFieldPanel(
                        [FieldPanel("primary_colour"), FieldPanel("accent_colour")],
                        heading=_("Farben"),
                    ),
                ],
                heading=_("Auftritt"),
            ),
            ObjectList(
                [
                    FieldPanel("press_office"),
                    FieldPanel("press_email"),
                    FieldPanel("press_phone"),
                    FieldPanel("postal_address"),
                    FieldPanel("editorial_responsible"),
                    InlinePanel("social_accounts", heading=_("Social-Media-Konten")),
                    FieldPanel("film_embedding_origins"),
                ],
                heading=_("Kontakt"),
            ),
            ObjectList(
                [
                    # The chooser offers the page types made for them; the keys
                    # stay on wagtailcore.Page, so a link to an older content
                    # page keeps working until an editor replaces it.
                    PageChooserPanel("imprint_page", "campaign.ImprintPage"),
                    PageChooserPanel("privacy_page", "campaign.PrivacyPage"),
                    PageChooserPanel("accessibility_page", "campaign.AccessibilityStatementPage"),
                ],
                heading=_("Pflichtseiten"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("Arbeitgeber")
        verbose_name_plural = _("Arbeitgeber")

    def __str__(self):
        return self.organisation_name

    @classmethod
    def for_request(cls, request):
        """As Wagtail's, but read once per site until its next purge, with the social
        accounts: every page's footer shows them. A copy per request, since Wagtail
        notes the request on it; the admin edits what `for_site()` reads fresh."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            if site is None:
                return cls.for_site(site)  # Wagtail's DoesNotExist

            def read():
                employer, _created = cls.objects.prefetch_related("social_accounts").get_or_create(
                    site=site
                )
                employer.site = site  # for legal_links(), without asking again
                return employer

            employer = copy.copy(page_cache.remember(site, "employer-settings", read))
            employer._request = request
            setattr(request, attr_name, employer)
        return getattr(request, attr_name)

    def legal_links(self):
        """Footer links in the order German sites expect them, in one query, and on
        most pages in none: kept until the site's next purge."""
        ids = [self.imprint_page_id, self.privacy_page_id, self.accessibility_page_id]

        def links():
            pages = Page.objects.live().in_bulk([pk for pk in ids if pk])
            return [pages[pk] for pk in ids if pk in pages]

        return page_cache.remember(self.site, f"legal-links:{ids}", links)


class SocialAccount(Orderable):
    PLATFORMS = [
        ("facebook", "Facebook"),
        ("instagram", "Instagram"),
        ("x", "X (Twitter)"),
        ("mastodon", "Mastodon"),
        ("linkedin", "LinkedIn"),
        ("youtube", "YouTube"),
        ("bluesky", "Bluesky"),
        ("xing", "XING"),
    ]

    settings = ParentalKey(EmployerSettings, related_name="social_accounts")
    platform = models.CharField(_("Plattform"), max_length=20, choices=PLATFORMS)
    handle = models.CharField(_("Kontoname"), max_length=100, help_text=_("z. B. @ba_mitte_berlin"))
    url = models.URLField(_("Adresse"))

    panels = [FieldPanel("platform"), FieldPanel("handle"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("Social-Media-Konto")
        verbose_name_plural = _("Social-Media-Konten")

    def __str__(self):
        return f"{self.get_platform_display()}: {self.handle}"
