"""Blocks for media that every app's StreamFields import from here."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtailmedia.blocks import VideoChooserBlock

from media_library.external_video import parse_video_url, validate_video_url

# The GET parameter that picks a film's version: links, no JavaScript needed,
# and every version has its own cacheable URL.
VERSION_PARAMETER = "fassung"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text (or marked decorative), caption and its credit."""

    image = ImageBlock(label=_("Bild"))
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's ImageBlock gives its chooser no label, so the admin showed
        # "Image" in every language; set here to keep it out of the migrations.
        self.child_blocks["image"].child_blocks["image"].label = _("Bild")

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "media_library/blocks/captioned_image_block.html"
        description = _("Ein Bild mit Bildunterschrift; der Bildnachweis kommt aus der Mediathek.")


class DocumentListBlock(blocks.StructBlock):
    """Downloads, each with file type, size and language beside the link (BITV)."""

    heading = blocks.CharBlock(label=_("Überschrift"), required=False)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Dokument")), label=_("Dokumente"))

    class Meta:
        icon = "doc-full"
        label = _("Downloads")
        template = "media_library/blocks/document_list_block.html"
        description = _("Eine Liste von Dokumenten mit Dateityp, Größe und Sprache.")


def films_by_pk(pks):
    """The films of `pks` (None where missing), with poster, versions and tracks:
    three queries however many films a page shows."""
    from media_library.models import Film

    films = (
        Film.objects.filter(pk__in=[pk for pk in pks if pk])
        .select_related("poster")
        .prefetch_related("versions__subtitle_tracks")
    )
    by_pk = {film.pk: film for film in films}
    return [by_pk.get(pk) for pk in pks]


def chosen_version(versions, wanted, preferred=None):
    """The version the visitor asked for (?fassung=), else the first of the
    `preferred` kind, else the first."""
    for kind in (wanted, preferred):
        match = next((version for version in versions if kind and version.kind == kind), None)
        if match is not None:
            return match
    return next(iter(versions), None)


class FilmChooserBlock(VideoChooserBlock):
    """wagtailmedia's video chooser, loading poster, versions and tracks up front."""

    def bulk_to_python(self, values):
        return films_by_pk(values)

    def to_python(self, value):
        return self.bulk_to_python([value])[0] if value else None


class FilmBlock(blocks.StructBlock):
    """A film as HTML5 video with subtitle tracks, a version switch by link,
    downloads with size and duration, and the transcript beneath."""

    film = FilmChooserBlock(label=_("Film"))

    class Meta:
        icon = "media"
        label = _("Film")
        template = "media_library/blocks/film_block.html"
        description = _(
            "Ein Film mit Untertiteln, Transkript und Auswahl der Fassungen (z. B. Kurzfassung)."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        film = value.get("film")
        versions = list(film.versions.all()) if film else []
        request = (parent_context or {}).get("request")
        wanted = request.GET.get(VERSION_PARAMETER) if request is not None else None
        current = chosen_version(versions, wanted)
        context.update(
            film=film,
            versions=versions,
            current_version=current,
            version_parameter=VERSION_PARAMETER,
        )
        return context


class ExternalVideoBlock(blocks.StructBlock):
    """A video on YouTube or Vimeo behind a two-click consent: the page shows a
    notice and a button, and only the click loads the provider's player (in its
    privacy mode). Without JavaScript a plain link leads to the video."""

    url = blocks.URLBlock(
        label=_("Adresse des Videos"),
        help_text=_("Die Adresse des Videos auf YouTube oder Vimeo, wie „Teilen“ sie anzeigt."),
        validators=[validate_video_url],
    )
    title = blocks.CharBlock(
        label=_("Titel"),
        max_length=200,
        help_text=_("Beschreibt das Video für Screenreader und steht über dem Video."),
    )
    transcript = blocks.TextBlock(
        label=_("Transkript oder Beschreibung"),
        required=False,
        help_text=_(
            "Was im Video gesagt und gezeigt wird, für alle, die es nicht sehen oder hören."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Video (YouTube/Vimeo)")
        template = "media_library/blocks/external_video_block.html"
        description = _(
            "Ein Video von YouTube oder Vimeo, das erst nach einem Klick geladen wird "
            "(Zwei-Klick-Lösung für den Datenschutz)."
        )
        preview_value = {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "Ein Tag im Bürgeramt",
            "transcript": "Eine Mitarbeiterin zeigt, wie ein Tag im Bürgeramt abläuft.",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Stored values were validated when saved; a link that no longer parses
        # (the rules got stricter) renders nothing rather than an error page.
        try:
            video = parse_video_url(value.get("url"))
        except ValidationError:
            video = None
        context["video"] = video
        # Ids for the heading and the notice: the same video twice on one page
        # is not worth a counter.
        context["dom_id"] = f"video-{video.provider}-{video.video_id}" if video else ""
        return context
