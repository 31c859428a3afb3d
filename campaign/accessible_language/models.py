"""Leichte Sprache and Deutsche Gebärdensprache (DGS), as § 4 BITV 2.0 asks of
public bodies: four pieces of information in both, one page of each per site.

The four parts are fixed by the regulation, so they are fixed fields here, not
a StreamField an editor could leave half empty: (1) what the website holds,
(2) how to find one's way on it, (3) the essentials of the accessibility
statement, (4) where more in Leichte Sprache or DGS is to be found.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from campaign.sites.page_forms import SitePage
from media_library.blocks import VERSION_PARAMETER, chosen_version, films_by_pk
from media_library.models import CustomImage, VersionKind

# Joins the four texts for one pass of the link rewriter; no editor types it.
PART_BREAK = "<!--stellwerk:part-->"

# Simple on purpose: no headings, no italics (hard to read), no tables.
EASY_LANGUAGE_FEATURES = ["bold", "ol", "ul", "link"]

EASY_LANGUAGE_RULES = _(
    "Regeln der Leichten Sprache: kurze Sätze, eine Aussage pro Satz, "
    "kein Passiv, kein Konjunktiv, keine Abkürzungen. Schwere Wörter erklären. "
    "Lange Wörter mit dem Medio·punkt trennen: Bürger·amt. "
    "Zahlen als Ziffern schreiben. Leserinnen und Leser direkt ansprechen."
)


@dataclass(frozen=True)
class Part:
    """One of the four parts of § 4 BITV 2.0 with its heading on each page."""

    key: str
    label: str
    easy_heading: str
    sign_heading: str
    hint: str


PARTS = [
    Part(
        "content",
        _("1. Inhalt der Website"),
        # Leichte Sprache asks questions in headings, the readers' own questions.
        _("Was steht auf dieser Internet·seite?"),
        _("Informationen zum Inhalt der Website"),
        _("Wer sind wir? Was finden Besucherinnen und Besucher auf dieser Website?"),
    ),
    Part(
        "navigation",
        _("2. Hinweise zur Navigation"),
        _("Wie finde ich mich auf der Internet·seite zurecht?"),
        _("Hinweise zur Navigation"),
        _("Wo ist das Menü, wo die Suche? Wie finde ich Stellen und Veranstaltungen?"),
    ),
    Part(
        "accessibility",
        _("3. Erklärung zur Barrierefreiheit"),
        _("Ist die Internet·seite barriere·frei?"),
        _("Wesentliche Inhalte der Erklärung zur Barrierefreiheit"),
        _(
            "Was ist noch nicht barrierefrei? Wie melden Besucherinnen und Besucher "
            "Barrieren, und an wen wenden sie sich, wenn keine Antwort kommt?"
        ),
    ),
    Part(
        "more",
        _("4. Weitere Informationen"),
        _("Wo gibt es mehr in Leichter Sprache?"),
        _("Weitere Informationen in Deutscher Gebärdensprache"),
        _("Wo gibt es weitere Informationen in dieser Form, hier oder anderswo?"),
    ),
]


@dataclass(frozen=True)
class EasySection:
    part: Part
    text: str
    image: object
    image_alt: str


@dataclass(frozen=True)
class SignSection:
    part: Part
    film: object
    summary: str
    versions: list
    current_version: object


def _easy_text(part):
    return RichTextField(
        part.label,
        features=EASY_LANGUAGE_FEATURES,
        blank=True,
        help_text=part.hint,
    )


def _easy_image():
    return models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ein Bild, das den Text zeigt, hilft beim Verstehen. Es ersetzt ihn nicht."),
    )


def _easy_image_alt():
    return models.CharField(
        _("Alternativtext des Bildes"),
        max_length=250,
        blank=True,
        help_text=_(
            "Was auf dem Bild zu sehen ist, in Leichter Sprache. "
            "Leer lassen: die Beschreibung aus der Mediathek."
        ),
    )


def _sign_film():
    return models.ForeignKey(
        "media_library.Film",
        verbose_name=_("Film in Gebärdensprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Ein Film in Deutscher Gebärdensprache, mit Untertiteln. "
            "Die Fassung „Deutsche Gebärdensprache (DGS)“ ist die richtige."
        ),
    )


def _sign_summary():
    return models.TextField(
        _("Kurze Zusammenfassung"),
        blank=True,
        help_text=_("Was der Film sagt, in zwei oder drei Sätzen, für alle, die ihn nicht sehen."),
    )


class EasyLanguagePage(SitePage, Page):
    """„Leichte Sprache“: the four parts of § 4 BITV 2.0 in easy German."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        help_text=format_lazy(
            "{} {}", _("Ein oder zwei kurze Sätze: Was ist auf dieser Seite?"), EASY_LANGUAGE_RULES
        ),
    )
    content_text = _easy_text(PARTS[0])
    content_image = _easy_image()
    content_image_alt = _easy_image_alt()
    navigation_text = _easy_text(PARTS[1])
    navigation_image = _easy_image()
    navigation_image_alt = _easy_image_alt()
    accessibility_text = _easy_text(PARTS[2])
    accessibility_image = _easy_image()
    accessibility_image_alt = _easy_image_alt()
    more_text = _easy_text(PARTS[3])
    more_image = _easy_image()
    more_image_alt = _easy_image_alt()

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        *[
            MultiFieldPanel(
                [
                    FieldPanel(f"{part.key}_text"),
                    FieldPanel(f"{part.key}_image"),
                    FieldPanel(f"{part.key}_image_alt"),
                ],
                heading=part.label,
                help_text=EASY_LANGUAGE_RULES,
            )
            for part in PARTS
        ],
    ]

    # Every employer's home, and the installation's directory like any site.
    parent_page_types = ["campaign.HomePage", "campaign.EmployerDirectoryPage"]
    subpage_types = []
    template = "campaign/easy_language_page.html"

    class Meta:
        verbose_name = _("Leichte Sprache")
        verbose_name_plural = _("Seiten in Leichter Sprache")

    max_count_per_parent = 1  # one per site: the header links the site's only one

    def sections(self):
        """The four parts in order, their texts ready to show, their images (and
        renditions) in two queries.

        The texts go through Wagtail's link rewriter in one pass: the page
        links of all four then cost one query per page type, not per text.
        """
        raw = [getattr(self, f"{part.key}_text") or "" for part in PARTS]
        texts = expand_db_html(PART_BREAK.join(raw)).split(PART_BREAK)
        ids = [getattr(self, f"{part.key}_image_id") for part in PARTS]
        images = {}
        if any(ids):
            images = CustomImage.objects.filter(pk__in=[pk for pk in ids if pk])
            images = {image.pk: image for image in images.prefetch_renditions()}
        sections = []
        for part, text, pk in zip(PARTS, texts, ids, strict=True):
            image = images.get(pk)
            alt = getattr(self, f"{part.key}_image_alt") or (image.alt_text if image else "")
            sections.append(
                EasySection(
                    part=part,
                    # Stored through the editor's whitelist; safe as |richtext makes it.
                    text=mark_safe(text.strip()),
                    image=image,
                    image_alt=alt,
                )
            )
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections()
        return context


class SignLanguagePage(SitePage, Page):
    """„Gebärdensprache“: the four parts of § 4 BITV 2.0 as films in DGS."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        help_text=_("Ein kurzer Text über den Filmen: Was zeigen sie?"),
    )
    content_film = _sign_film()
    content_summary = _sign_summary()
    navigation_film = _sign_film()
    navigation_summary = _sign_summary()
    accessibility_film = _sign_film()
    accessibility_summary = _sign_summary()
    more_film = _sign_film()
    more_summary = _sign_summary()

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        *[
            MultiFieldPanel(
                [FieldPanel(f"{part.key}_film"), FieldPanel(f"{part.key}_summary")],
                heading=part.label,
                help_text=part.hint,
            )
            for part in PARTS
        ],
    ]

    # Every employer's home, and the installation's directory like any site.
    parent_page_types = ["campaign.HomePage", "campaign.EmployerDirectoryPage"]
    subpage_types = []
    template = "campaign/sign_language_page.html"

    class Meta:
        verbose_name = _("Gebärdensprache")
        verbose_name_plural = _("Seiten in Gebärdensprache")

    max_count_per_parent = 1

    def sections(self, wanted_kind=None):
        """The four parts with their films, versions and tracks in three queries.

        Each film plays the version the visitor chose (`wanted_kind`), else its
        DGS version, else its first.
        """
        films = films_by_pk([getattr(self, f"{part.key}_film_id") for part in PARTS])
        sections = []
        for part, film in zip(PARTS, films, strict=True):
            versions = list(film.versions.all()) if film else []
            current = chosen_version(versions, wanted_kind, VersionKind.SIGN_LANGUAGE)
            sections.append(
                SignSection(
                    part=part,
                    film=film,
                    summary=getattr(self, f"{part.key}_summary"),
                    versions=versions,
                    current_version=current,
                )
            )
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections(wanted_kind=request.GET.get(VERSION_PARAMETER))
        context["version_parameter"] = VERSION_PARAMETER
        return context
