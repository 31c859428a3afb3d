"""The press kit of a press release: one zip with the text and the pictures.

Journalists want the release as plain text to copy from and every picture in
print resolution with its credit, in one download. The zip is built in
memory: a release has a handful of pictures, each at most 3000 pixels wide.
Pictures whose usage rights have run out stay out; the credits file says so,
so nobody wonders where they went.
"""

import io
import re
import zipfile
from html import unescape

from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _

PRINT_SIZE = 3000  # pixels on the longer side: enough for a printed page
TEXT_FILE = "Pressemitteilung.txt"
CREDITS_FILE = "Bildnachweise.txt"
IMAGE_FOLDER = "Bilder"
# Block ends become line breaks before the tags go, so paragraphs stay paragraphs.
_BLOCK_END = re.compile(r"</(p|h\d|li|blockquote)>|<br\s*/?>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)


def german_date(day):
    return date_format(day, "j. F Y")


def press_kit_filename(release):
    """ASCII only, so every browser and mail client keeps it as it is."""
    slug = slugify(release.slug) or "pressemitteilung"
    return f"presse-kit-{release.release_date:%Y-%m-%d}-{slug}.zip"


def build_press_kit(release, request=None):
    """The zip as bytes: the text, the usable pictures and their credits."""
    # Pictures of restricted collections never go into this public download.
    images = [image for image in release.images if image.is_public]
    usable = [image for image in images if not image.rights_expired()]
    expired = [image for image in images if image.rights_expired()]
    names = [_image_name(number, image) for number, image in enumerate(usable, start=1)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(TEXT_FILE, release_text(release, request))
        for name, image in zip(names, usable, strict=True):
            # Pictures are compressed already; deflating them again only costs time.
            archive.writestr(name, _print_file(image), compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            CREDITS_FILE, credits_text(release, list(zip(names, usable, strict=True)), expired)
        )
    return buffer.getvalue()


def release_text(release, request=None):
    """The release as plain text: what a journalist copies into an article."""
    from campaign.models import EmployerSettings

    dateline = german_date(release.release_date)
    if release.place:
        dateline = f"{release.place}, {dateline}"
    parts = [release.title, dateline, release.lead]
    downloads = []
    for block in release.body:
        if block.block_type == "text":
            parts.append(rich_text_as_plain_text(block.value.source))
        elif block.block_type == "quote":
            parts.append(_quote_text(block.value))
        elif block.block_type == "image" and block.value.get("caption"):
            parts.append(_("[Bild: %(caption)s]") % {"caption": block.value["caption"]})
        elif block.block_type == "documents":
            downloads += [document for document in block.value["documents"] if document]
    if downloads:
        lines = [_("Downloads")]
        for document in downloads:
            url = request.build_absolute_uri(document.url) if request else document.url
            lines.append(f"- {document.title}: {url}")
        parts.append("\n".join(lines))
    if release.media_contact:
        parts.append(_contact_text(release.media_contact))
    responsible = EmployerSettings.for_site(release.get_site()).editorial_responsible
    if responsible:
        parts.append(
            _("Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV: %(name)s")
            % {"name": responsible}
        )
    if request is not None:
        parts.append(
            _("Online: %(url)s") % {"url": request.build_absolute_uri(release.get_url(request))}
        )
    return "\n\n".join(part for part in parts if part) + "\n"


def credits_text(release, named_images, expired):
    """Who took each picture and under which licence; what was left out and why."""
    parts = [
        _("Bildnachweise zur Pressemitteilung „%(title)s“ vom %(date)s")
        % {"title": release.title, "date": german_date(release.release_date)}
    ]
    for name, image in named_images:
        lines = [
            name,
            _("Bild: %(title)s") % {"title": image.description or image.title},
            _("Bildnachweis: %(credit)s") % {"credit": image.credit or _("nicht angegeben")},
            _("Lizenz: %(licence)s") % {"licence": image.get_licence_display()},
        ]
        if image.licence_url:
            lines[-1] += f" ({image.licence_url})"
        if image.source:
            lines.append(_("Quelle: %(source)s") % {"source": image.source})
        parts.append("\n".join(lines))
    if expired:
        lines = [_("Nicht enthalten, weil die Nutzungsrechte abgelaufen sind:")]
        lines += [
            _("- %(title)s (Nutzungsrechte bis %(date)s)")
            % {"title": image.title, "date": german_date(image.usage_rights_until)}
            for image in expired
        ]
        parts.append("\n".join(lines))
    if not named_images and not expired:
        parts.append(_("Zu dieser Pressemitteilung gehören keine Bilder."))
    return "\n\n".join(parts) + "\n"


def rich_text_as_plain_text(html):
    text = _LIST_ITEM.sub("- ", html)
    text = unescape(strip_tags(_BLOCK_END.sub("\n", text)))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def _quote_text(quote):
    source = quote["speaker"]
    if quote.get("role"):
        source = f"{source}, {quote['role']}"
    return f"„{quote['quote']}“\n– {source}"


def _contact_text(contact):
    lines = [_("Pressekontakt"), contact.office]
    if contact.person:
        lines.append(contact.person)
    lines.append(_("E-Mail: %(email)s") % {"email": contact.email})
    if contact.phone:
        lines.append(_("Telefon: %(phone)s") % {"phone": contact.phone})
    return "\n".join(lines)


def _needs_rendition(image):
    return max(image.width, image.height) > PRINT_SIZE


def _image_name(number, image):
    if _needs_rendition(image):
        extension = "png" if _extension(image.file.name) == "png" else "jpg"
    else:
        extension = _extension(image.file.name) or "jpg"
    stem = slugify(image.title) or "bild"
    return f"{IMAGE_FOLDER}/{number:02d}-{stem}.{extension}"


def _extension(file_name):
    return file_name.rpartition(".")[2].lower() if "." in file_name else ""


def _print_file(image):
    """The original file, or a copy at most PRINT_SIZE pixels long for huge originals."""
    if not _needs_rendition(image):
        with image.open_file() as original:
            return original.read()
    output = "png" if _extension(image.file.name) == "png" else "jpeg|jpegquality-90"
    rendition = image.get_rendition(f"max-{PRINT_SIZE}x{PRINT_SIZE}|format-{output}")
    with rendition.file.open("rb") as copy:
        return copy.read()
