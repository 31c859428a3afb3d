"""Admin forms of the media library.

Wired in by WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE and
WAGTAILMEDIA["MEDIA_FORM_BASE"].
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import ClusterForm
from wagtail.admin import widgets as admin_widgets
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.images.widgets import AdminImageChooser
from wagtailmedia.forms import BaseMediaForm

from media_library.uploads import SafeDocumentField, SafeImageField

ALT_TEXT_REQUIRED = _(
    "Bitte beschreiben Sie, was auf dem Bild zu sehen ist (Alternativtext), oder kreuzen Sie "
    "„Rein dekorativ“ an."
)


def _swap_file_field(form, field_class):
    old = form.fields.get("file")
    if old is None:
        return
    new = field_class(label=old.label, required=old.required, widget=old.widget)
    form.fields["file"] = new


class ImageForm(BaseImageForm):
    """Content-checked file; alt text required unless the image is decorative."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _swap_file_field(self, SafeImageField)
        if "description" in self.fields:
            self.fields["description"].label = _("Alternativtext")
            self.fields["description"].help_text = _(
                "Was ist auf dem Bild zu sehen? Wird Screenreadern vorgelesen und angezeigt, "
                "wenn das Bild nicht lädt."
            )

    def clean(self):
        cleaned = super().clean()
        # The multiple uploader's edit form and partial forms may lack either field.
        both = "description" in self.fields and "decorative" in self.fields
        missing = not (cleaned.get("description") or "").strip()
        if both and missing and not cleaned.get("decorative"):
            self.add_error("description", ALT_TEXT_REQUIRED)
        return cleaned


class DocumentForm(BaseDocumentForm):
    """Content-checked file: a .pdf must be a PDF."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _swap_file_field(self, SafeDocumentField)


def _hide_formset_plumbing(formset, remove_label):
    """As Wagtail's inline panels do: the order is kept in a hidden field; a saved
    row offers a checkbox that says what it does, a spare row none at all."""
    for index, form in enumerate(formset.forms):
        if formset.can_order:
            form.fields[forms.formsets.ORDERING_FIELD_NAME].widget = forms.HiddenInput(
                attrs={"value": index + 1}
            )
        if formset.can_delete:
            deletion = form.fields[forms.formsets.DELETION_FIELD_NAME]
            if form.instance.pk:
                deletion.label = remove_label
            else:
                deletion.widget = forms.HiddenInput()


CHOOSE_AGAIN = _(
    "Bitte wählen Sie diese Datei erneut aus: Der Browser behält gewählte Dateien nicht, "
    "wenn das Formular mit Fehlern zurückkommt."
)


class FilmForm(ClusterForm, BaseMediaForm):
    """wagtailmedia's form for a Film, with its versions and their subtitle tracks
    as nested formsets. Spare empty rows stand in for "add" buttons, so the form
    works without JavaScript; the files are checked by the models' validators.

    A browser never fills a file input in again: when the form comes back with
    errors, each file that was chosen and sound says it must be chosen again,
    so nobody saves a film believing its video went with it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "duration" in self.fields:
            self.fields["duration"].label = _("Laufzeit des Films in Sekunden")
            self.fields["duration"].help_text = _(
                "Leer lassen: Stellwerk liest sie aus der längsten Fassung."
            )
        for formset, remove in self._formsets_with_removal():
            _hide_formset_plumbing(formset, remove)
        for version in self.formsets["versions"].forms:
            version.fields["duration"].label = _("Dauer dieser Fassung in Sekunden")

    def _formsets_with_removal(self):
        versions = self.formsets["versions"]
        yield versions, _("Diese Fassung entfernen")
        for version in versions.forms:
            yield version.formsets["subtitle_tracks"], _("Diese Spur entfernen")

    def is_valid(self):
        valid = super().is_valid()
        if not valid:
            for form in self._forms_with_files():
                if form.add_prefix("file") in form.files and "file" not in form.errors:
                    form.add_error("file", CHOOSE_AGAIN)
        return valid

    def _forms_with_files(self):
        for version in self.formsets["versions"].forms:
            yield version
            yield from version.formsets["subtitle_tracks"].forms

    class Meta(BaseMediaForm.Meta):
        widgets = {
            "tags": admin_widgets.AdminTagWidget,
            "poster": AdminImageChooser,
            "file": forms.FileInput,
            "thumbnail": forms.ClearableFileInput,
        }
        formsets = {
            "versions": {
                "fields": ["kind", "file", "duration"],
                "extra": 2,
                "formsets": {
                    "subtitle_tracks": {"fields": ["language", "kind", "file"], "extra": 2},
                },
            }
        }
