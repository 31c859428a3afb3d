"""Upload safety: what a file *is* decides, never what it is called.

Images: Wagtail's field already reads the format with Willow and checks size,
extension and pixel count; these fields add German messages, refuse SVG
outright (scripts inside images) and decode the whole picture, so a truncated
or corrupt file is refused at upload instead of breaking a page later.

Documents: each allowed extension has a signature the content must match (a
".pdf" must start with %PDF-, office files must be the right kind of ZIP),
ZIP archives are checked for bombs, text files must be text and not HTML.
"""

import io
import os
import shutil
import tempfile
import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents.fields import WagtailDocumentField
from wagtail.images.fields import WagtailImageField

SVG_REFUSED = _(
    "SVG-Grafiken können nicht hochgeladen werden, weil sie Skripte enthalten können. "
    "Bitte laden Sie das Bild als PNG, JPEG, WebP oder AVIF hoch."
)
IMAGE_UNREADABLE = _(
    "Die Datei ist kein lesbares Bild oder ist beschädigt. Erlaubt sind %(formats)s."
)
IMAGE_EXTENSION = _("Dieses Bildformat ist nicht erlaubt. Erlaubt sind %(formats)s.")
IMAGE_MISMATCH = _(
    "Die Datei heißt .%(extension)s, ist aber ein %(image_format)s-Bild; dieses Format ist "
    "nicht erlaubt."
)
TOO_LARGE = _("Die Datei ist zu groß (%(file_size)s). Erlaubt sind höchstens %(max_filesize)s.")
TOO_MANY_PIXELS = _(
    "Das Bild hat zu viele Bildpunkte (%(num_pixels)s). Erlaubt sind höchstens "
    "%(max_pixels_count)s. Bitte verkleinern Sie es vor dem Hochladen."
)
DOCUMENT_MISMATCH = _(
    "Der Inhalt der Datei passt nicht zur Endung .%(extension)s. Bitte laden Sie eine echte "
    "%(label)s-Datei hoch."
)
DOCUMENT_EXTENSION = _(
    "Dateien mit der Endung .%(extension)s sind nicht erlaubt. Erlaubt: %(allowed)s."
)
ZIP_BOMB = _("Das Archiv würde entpackt zu groß (über %(limit)s) oder enthält zu viele Dateien.")

# Entpackt höchstens so viel (Office-Dateien und ZIP-Archive sind ZIPs).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 2_000
MAX_ZIP_RATIO = 200


def _looks_like_svg(head):
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<?xml", b"<svg", b"<!doctype svg")) and b"<svg" in head.lower()


def _head(data, size=2048):
    position = data.tell() if hasattr(data, "tell") else 0
    head = data.read(size)
    data.seek(position)
    return head


class SafeImageField(WagtailImageField):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formats = self.supported_formats_text
        self.error_messages.update(
            {
                "invalid_image": IMAGE_UNREADABLE % {"formats": formats},
                "invalid_image_extension": IMAGE_EXTENSION % {"formats": formats},
                "invalid_image_known_format": IMAGE_MISMATCH,
                "file_too_large": TOO_LARGE,
                "file_too_many_pixels": TOO_MANY_PIXELS,
            }
        )

    def to_python(self, data):
        if data is not None and hasattr(data, "read"):
            name = getattr(data, "name", "") or ""
            if name.lower().endswith((".svg", ".svgz")) or _looks_like_svg(_head(data)):
                raise ValidationError(SVG_REFUSED, code="svg_refused")
            # Before Wagtail's checks: Willow decodes the whole picture to read
            # its size, and a truncated file would end in a server error there.
            self.check_image_decodes(data)
        return super().to_python(data)

    def check_image_file_format(self, f):
        """The content decides: a PNG called .jpg is a PNG and is saved as .png."""
        extension = os.path.splitext(f.name)[1].lower()[1:]
        if extension not in self.allowed_image_extensions:
            raise ValidationError(
                self.error_messages["invalid_image_extension"], code="invalid_image_extension"
            )
        actual = f.image.format_name
        if actual not in self.allowed_image_extensions:
            raise ValidationError(
                self.error_messages["invalid_image_known_format"]
                % {"extension": extension, "image_format": actual.upper()},
                code="invalid_image_known_format",
            )
        if extension.replace("jpg", "jpeg") != actual:
            f.name = f"{os.path.splitext(f.name)[0]}.{actual}"

    def check_image_decodes(self, data):
        """Read the header, refuse too many pixels, then decode every pixel."""
        data.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                with PILImage.open(data) as picture:
                    width, height = picture.size
                    frames = getattr(picture, "n_frames", 1)
                    if self.max_image_pixels and width * height * frames > self.max_image_pixels:
                        self._too_many_pixels(width * height * frames)
                    picture.load()
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
            self._too_many_pixels("?")
        except ValidationError:
            raise
        except Exception as error:  # any decoder failure means "broken"
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error
        finally:
            data.seek(0)

    def _too_many_pixels(self, count):
        # Grouped as the editor's language writes numbers: "48.000.000", not "48000000".
        def grouped(number):
            return formats.number_format(number, force_grouping=True)

        raise ValidationError(
            self.error_messages["file_too_many_pixels"]
            % {
                "num_pixels": grouped(count) if isinstance(count, int) else count,
                "max_pixels_count": grouped(self.max_image_pixels),
            },
            code="file_too_many_pixels",
        )


def _is_zip_of(data, required_member):
    data.seek(0)
    try:
        with zipfile.ZipFile(data) as archive:
            names = archive.namelist()
            _check_zip_bomb(archive)
            return required_member is None or required_member in names
    except zipfile.BadZipFile:
        return False
    finally:
        data.seek(0)


def _check_zip_bomb(archive):
    infos = archive.infolist()
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if (
        len(infos) > MAX_ZIP_MEMBERS
        or unpacked > MAX_UNPACKED_BYTES
        or unpacked / packed > MAX_ZIP_RATIO
    ):
        raise ValidationError(
            ZIP_BOMB % {"limit": filesizeformat(MAX_UNPACKED_BYTES)}, code="zip_bomb"
        )


def _is_text(data):
    data.seek(0)
    sample = data.read(64 * 1024)
    data.seek(0)
    if b"\x00" in sample:
        return False
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = sample.decode("cp1252")
        except UnicodeDecodeError:
            return False
    lowered = text.lstrip("\ufeff \t\r\n").lower()
    return not lowered.startswith(("<!doctype", "<html", "<script", "<?xml", "<svg"))


# extension -> (label for messages, check(data) -> bool)
DOCUMENT_SIGNATURES = {
    "pdf": ("PDF", lambda data: _head(data, 5) == b"%PDF-"),
    "rtf": ("RTF", lambda data: _head(data, 5) == b"{\\rtf"),
    "docx": ("Word", lambda data: _is_zip_of(data, "word/document.xml")),
    "xlsx": ("Excel", lambda data: _is_zip_of(data, "xl/workbook.xml")),
    "pptx": ("PowerPoint", lambda data: _is_zip_of(data, "ppt/presentation.xml")),
    "odt": ("ODT", lambda data: _is_zip_of(data, "mimetype")),
    "zip": ("ZIP", lambda data: _is_zip_of(data, None)),
    "csv": ("CSV", _is_text),
    "txt": ("Text", _is_text),
}


def check_document_content(data, name):
    """Raise a German ValidationError unless `data` is what its name promises."""
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or list(DOCUMENT_SIGNATURES)
    if extension not in allowed or extension not in DOCUMENT_SIGNATURES:
        raise ValidationError(
            DOCUMENT_EXTENSION % {"extension": extension or "–", "allowed": ", ".join(allowed)},
            code="invalid_extension",
        )
    label, matches = DOCUMENT_SIGNATURES[extension]
    if not matches(data):
        raise ValidationError(
            DOCUMENT_MISMATCH % {"extension": extension, "label": label}, code="content_mismatch"
        )


class SafeDocumentField(WagtailDocumentField):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["file_too_large"] = TOO_LARGE

    def to_python(self, data):
        f = super().to_python(data)
        if f is not None:
            source = f if hasattr(f, "read") else io.BytesIO(data["content"])
            check_document_content(source, f.name)
            source.seek(0)
        return f


# Films: videos by signature, subtitles parsed as WebVTT (media_library/webvtt.py).
VIDEO_REFUSED = _(
    "Die Datei ist kein MP4- oder WebM-Video. Erlaubt sind Videos im Format MP4 (H.264/AAC) "
    "oder WebM; bitte wandeln Sie den Film vor dem Hochladen um."
)
VIDEO_UNPLAYABLE = _(
    "Der Film lässt sich nicht abspielen: Die Datei ist unvollständig oder beschädigt "
    "(etwa ein abgebrochener Export oder Download). Bitte exportieren Sie ihn erneut "
    "und laden Sie ihn noch einmal hoch."
)
VIDEO_EXTENSIONS = {"mp4": "mp4", "m4v": "mp4", "webm": "webm"}
WEBVTT_REFUSED = _("Die Untertiteldatei ist keine gültige WebVTT-Datei. %(error)s")
WEBVTT_EXTENSION = _("Untertitel bitte als WebVTT-Datei mit der Endung .vtt hochladen.")
WEBVTT_MAX_BYTES = 2 * 1024 * 1024


def _is_new_upload(value):
    """Only fresh uploads are checked; a stored file was checked when it came in."""
    return bool(value) and not getattr(value, "_committed", True)


def _read(value, size=-1):
    source = getattr(value, "file", value)
    source.seek(0)
    data = source.read(size)
    source.seek(0)
    return data


def video_container(head):
    """'mp4' or 'webm' when the first bytes are such a container, else None."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head[:64]:
        return "webm"
    return None


def validate_video_file(value):
    """A video must be what its name says: MP4 (ftyp box) or WebM (EBML, doctype webm)."""
    if not _is_new_upload(value):
        return
    extension = os.path.splitext(value.name)[1].lower().lstrip(".")
    container = video_container(_read(value, 64))
    if container is None or VIDEO_EXTENSIONS.get(extension) != container:
        raise ValidationError(VIDEO_REFUSED, code="invalid_video")
    if not _plays(value):
        raise ValidationError(VIDEO_UNPLAYABLE, code="unplayable_video")


def _plays(upload):
    """ffprobe reads the upload to its end. Without ffprobe (a developer's machine
    without ffmpeg) the film is taken as it is, as its duration then is too."""
    from media_library.tasks import ffprobe_available, is_playable_video

    if not ffprobe_available():
        return True
    if hasattr(upload, "temporary_file_path"):  # large uploads wait on disk already
        return is_playable_video(upload.temporary_file_path())
    with tempfile.NamedTemporaryFile(suffix=os.path.splitext(upload.name)[1]) as copy:
        source = getattr(upload, "file", upload)
        source.seek(0)
        shutil.copyfileobj(source, copy)
        source.seek(0)
        copy.flush()
        return is_playable_video(copy.name)


def validate_webvtt_file(value):
    """Parse the upload; refuse it with the parser's German message, line included."""
    from media_library.webvtt import WebVTTError, parse

    if not _is_new_upload(value):
        return
    if not value.name.lower().endswith(".vtt"):
        raise ValidationError(WEBVTT_EXTENSION, code="invalid_extension")
    data = _read(value, WEBVTT_MAX_BYTES + 1)
    if len(data) > WEBVTT_MAX_BYTES:
        raise ValidationError(
            TOO_LARGE
            % {
                "file_size": filesizeformat(len(data)),
                "max_filesize": filesizeformat(WEBVTT_MAX_BYTES),
            },
            code="file_too_large",
        )
    try:
        parse(data)
    except WebVTTError as error:
        raise ValidationError(WEBVTT_REFUSED % {"error": error}, code="invalid_webvtt") from error
