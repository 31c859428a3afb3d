"""Films on wagtailmedia: one Film, its versions (long and short cut, audio
description, German Sign Language) as an orderable inline, WebVTT tracks per version.

wagtailmedia's admin (list, add, edit, chooser) works on `Film` through
WAGTAILMEDIA["MEDIA_MODEL"]; the versions and tracks are nested formsets of
`media_library.forms.FilmForm`. A Film's own `file` stays empty: the files are
the versions'.
"""

import contextlib
import mimetypes
import os
from urllib.parse import urlsplit

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable
from wagtailmedia.models import AbstractMedia, MediaType

from media_library import privacy
from media_library.filesize import format_file_size
from media_library.models.images import CustomImage
from media_library.storage import restricted_name
from media_library.uploads import validate_video_file, validate_webvtt_file

VIDEO_TYPES = {"mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm"}


def format_duration(seconds):
    """ "2 Min. 55 Sek.", "6 Sek."; empty when unknown."""
    if not seconds:
        return ""
    total = round(seconds)
    minutes, rest = divmod(total, 60)
    if not minutes:
        return _("%(seconds)d Sek.") % {"seconds": rest}
    return _("%(minutes)d Min. %(seconds)d Sek.") % {"minutes": minutes, "seconds": rest}


def _film_file_path(folder, film, filename):
    # A film of a restricted collection goes straight into the restricted store;
    # a part not yet attached to its film is placed when the film is saved.
    path = f"{folder}/{filename}"
    if film is not None and privacy.collection_id_is_restricted(film.collection_id):
        return restricted_name(path)
    return path


def _parent(instance, attribute):
    try:
        return getattr(instance, attribute)
    except ObjectDoesNotExist:
        return None


def version_upload_to(instance, filename):
    return _film_file_path("films", _parent(instance, "film"), filename)


def subtitle_upload_to(instance, filename):
    version = _parent(instance, "version")
    return _film_file_path("subtitles", version and _parent(version, "film"), filename)


class VersionKind(models.TextChoices):
    LONG = "langfassung", _("Langfassung")
    SHORT = "kurzfassung", _("Kurzfassung")
    AUDIO_DESCRIPTION = "audiodeskription", _("Audiodeskription")
    SIGN_LANGUAGE = "dgs", _("Deutsche Gebärdensprache (DGS)")


class TrackKind(models.TextChoices):
    SUBTITLES = "subtitles", _("Untertitel")
    CAPTIONS = "captions", _("Untertitel für Gehörlose (Captions)")
    DESCRIPTIONS = "descriptions", _("Textbeschreibungen")


class Film(AbstractMedia, ClusterableModel):
    # The versions carry the files; the media item itself needs none.
    file = models.FileField(_("Datei"), upload_to="films", blank=True)
    description = models.TextField(
        _("Beschreibung"),
        blank=True,
        help_text=_("Worum geht es im Film? Erscheint neben dem Video."),
    )
    poster = models.ForeignKey(
        CustomImage,
        verbose_name=_("Vorschaubild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leer lassen: Stellwerk nimmt ein Standbild aus dem Film, wenn es kann."),
    )
    transcript = models.TextField(
        _("Transkript"),
        blank=True,
        help_text=_("Alles, was im Film gesagt und gezeigt wird, als Text (barrierefrei)."),
    )

    admin_form_fields = ("title", "description", "poster", "duration", "transcript", "tags")

    class Meta:
        verbose_name = _("Film")
        verbose_name_plural = _("Filme")

    def clean(self):
        # wagtailmedia checks the media item's own file, which a Film has not.
        self.type = MediaType.VIDEO
        if not self.duration:
            self.duration = 0

    def save(self, *args, **kwargs):
        self.type = MediaType.VIDEO
        super().save(*args, **kwargs)
        from media_library.tasks import enqueue_film_probe

        enqueue_film_probe(self)

    @property
    def duration_label(self):
        return format_duration(self.duration)

    @property
    def first_version(self):
        return next(iter(self.versions.all()), None)

    @property
    def url(self):
        """wagtailmedia's list and chooser link the media file: the first version's."""
        version = self.first_version
        return version.file.url if version else ""

    @property
    def filename(self):
        version = self.first_version
        return os.path.basename(version.file.name) if version else ""

    @property
    def sources(self):
        return [{"src": v.file.url, "type": v.mime_type} for v in self.versions.all()]


class FilmVersion(Orderable, ClusterableModel):
    film = ParentalKey(Film, on_delete=models.CASCADE, related_name="versions")
    kind = models.CharField(
        _("Fassung"), max_length=32, choices=VersionKind.choices, default=VersionKind.LONG
    )
    file = models.FileField(
        _("Videodatei"),
        upload_to=version_upload_to,
        validators=[validate_video_file],
        help_text=_("MP4 (H.264/AAC) oder WebM."),
    )
    file_size = models.PositiveBigIntegerField(
        _("Dateigröße"), null=True, blank=True, editable=False
    )
    duration = models.FloatField(
        _("Dauer in Sekunden"),
        null=True,
        blank=True,
        help_text=_("Wird aus der Datei gelesen, wenn ffprobe installiert ist."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("Fassung")
        verbose_name_plural = _("Fassungen")

    def __str__(self):
        return f"{self.film.title}: {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if self.file:
            with contextlib.suppress(OSError):
                self.file_size = self.file.size
        super().save(*args, **kwargs)

    @property
    def extension(self):
        return os.path.splitext(self.file.name)[1].lower().lstrip(".")

    @property
    def mime_type(self):
        return (
            VIDEO_TYPES.get(self.extension)
            or mimetypes.guess_type(self.file.name)[0]
            or "video/mp4"
        )

    @property
    def tracks_from_elsewhere(self):
        """Whether its subtitles come from another origin than the page (a
        bucket, a CDN): browsers load such tracks only in CORS mode, which the
        <video> element has to ask for."""
        return any(urlsplit(track.file.url).netloc for track in self.subtitle_tracks.all())

    @property
    def type_label(self):
        return self.extension.upper()

    @property
    def size_label(self):
        return format_file_size(self.file_size) if self.file_size is not None else ""

    @property
    def duration_label(self):
        return format_duration(self.duration)


class SubtitleTrack(Orderable):
    version = ParentalKey(FilmVersion, on_delete=models.CASCADE, related_name="subtitle_tracks")
    language = models.CharField(
        _("Sprache"),
        max_length=8,
        default="de",
        help_text=_("Sprachkürzel, z. B. „de“ oder „en“."),
    )
    kind = models.CharField(
        _("Art"), max_length=16, choices=TrackKind.choices, default=TrackKind.SUBTITLES
    )
    file = models.FileField(
        _("WebVTT-Datei"),
        upload_to=subtitle_upload_to,
        validators=[validate_webvtt_file],
        help_text=_("Untertitel im Format WebVTT (.vtt), UTF-8-kodiert."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("Untertitelspur")
        verbose_name_plural = _("Untertitelspuren")

    def __str__(self):
        return f"{self.label} ({self.get_kind_display()})"

    @property
    def label(self):
        try:
            name = str(get_language_info(self.language)["name_translated"])
        except KeyError:
            name = self.language
        if self.kind == TrackKind.CAPTIONS:
            return _("%(language)s (für Gehörlose)") % {"language": name}
        if self.kind == TrackKind.DESCRIPTIONS:
            return _("%(language)s (Beschreibungen)") % {"language": name}
        return name
