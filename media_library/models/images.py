"""The project's image model: alt text, credit, licence, source, usage rights.

Swapping Wagtail's image model after the first migration is painful, so it
existed from the start. Alt text lives in Wagtail's own `description` field
(used by `{% image %}` and `{% picture %}`); an image may instead be marked
decorative. Once its usage rights have run out, public pages show a neutral
placeholder in its place (`media_library/includes/picture.html`).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition

from media_library import privacy
from media_library.storage import is_restricted_name, restricted_name


class Licence(models.TextChoices):
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("Alle Rechte vorbehalten")
    CC0 = "cc0", _("CC0 1.0 (gemeinfrei)")
    CC_BY = "cc-by", _("CC BY 4.0")
    CC_BY_SA = "cc-by-sa", _("CC BY-SA 4.0")
    CC_BY_ND = "cc-by-nd", _("CC BY-ND 4.0")
    PUBLIC_DOMAIN = "public-domain", _("Gemeinfrei (Public Domain)")

    @classmethod
    def url_for(cls, value):
        return LICENCE_URLS.get(value, "")


LICENCE_URLS = {
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.de",
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.de",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.de",
    Licence.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/deed.de",
}


class CustomImage(AbstractImage):
    credit = models.CharField(
        _("Bildnachweis"),
        max_length=255,
        blank=True,
        help_text=_("Fotografin oder Fotograf bzw. Quelle, z. B. „Foto: Stefan Arend“."),
    )
    decorative = models.BooleanField(
        _("Rein dekorativ"),
        default=False,
        help_text=_(
            "Nur ankreuzen, wenn das Bild keine Information trägt; dann braucht es keinen "
            "Alternativtext und wird Screenreadern verschwiegen."
        ),
    )
    licence = models.CharField(
        _("Lizenz"),
        max_length=32,
        choices=Licence.choices,
        default=Licence.ALL_RIGHTS_RESERVED,
    )
    source = models.CharField(
        _("Quelle"),
        max_length=500,
        blank=True,
        help_text=_("Woher das Bild stammt, z. B. eine Bilddatenbank oder eine Web-Adresse."),
    )
    usage_rights_until = models.DateField(
        _("Nutzungsrechte bis"),
        null=True,
        blank=True,
        help_text=_(
            "Leer lassen, wenn die Rechte unbefristet sind. Nach diesem Tag zeigen öffentliche "
            "Seiten statt des Bildes einen neutralen Platzhalter."
        ),
    )

    admin_form_fields = (
        "title",
        "file",
        "description",
        "decorative",
        "credit",
        "licence",
        "source",
        "usage_rights_until",
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")
        permissions = [("choose_image", "Can choose image")]
        # The restricted media view finds an original by its file name.
        indexes = [models.Index(fields=["file"], name="image_file_idx")]

    def get_upload_to(self, filename):
        # Into the restricted store from the start, never briefly public.
        path = super().get_upload_to(filename)
        if privacy.collection_id_is_restricted(self.collection_id):
            return restricted_name(path)
        return path

    def rights_expired(self, today=None):
        """True once the last day of the usage rights has passed."""
        if self.usage_rights_until is None:
            return False
        return self.usage_rights_until < (today or timezone.localdate())

    @property
    def is_usable(self):
        return not self.rights_expired()

    @property
    def is_public(self):
        """False while the image's collection is restricted: its file says so, no query."""
        return not is_restricted_name(self.file.name)

    @property
    def alt_text(self):
        """What a screen reader hears: nothing for a decorative image."""
        return "" if self.decorative else self.description

    @property
    def licence_url(self):
        return Licence.url_for(self.licence)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
        # The restricted media view finds a rendition by its file name.
        indexes = [models.Index(fields=["file"], name="rendition_file_idx")]

    def get_upload_to(self, filename):
        # A rendition lies where its original lies; the name tells, no query.
        path = super().get_upload_to(filename)
        return restricted_name(path) if is_restricted_name(self.image.file.name) else path
