"""Details for a batch of images at once: a bulk action of the image listing.

After a multiple upload the press office would type the same photographer,
licence and usage rights into every image. This bulk action sets them once
for the chosen images (then each can still be adjusted on its own), numbers
their titles by a pattern ("Kalender 2019 – {n}", in the order they were
uploaded) and asks for each image's alt text on the same page, since that
differs from picture to picture.

Wagtail's bulk action framework checks the "change" permission per image;
the admin's guard (campaign.sites.admin_scoping.guard) answers 404 for any
image id of another employer's collection before this view runs.
"""

from urllib.parse import urlencode

from django import forms
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.images.views.bulk_actions.image_bulk_action import ImageBulkAction

from media_library.models import Licence

NUMBER = "{n}"
KEEP = ""


def upload_order(images):
    """The images as they were uploaded: the multiple uploader sends one after the other."""
    return sorted(images, key=lambda image: (image.created_at, image.pk))


def german_number(value):
    """12 → "12", 48000000 → "48.000.000" in the German admin (grouping forced)."""
    return number_format(value, force_grouping=True)


class BatchDetailsForm(forms.Form):
    title_pattern = forms.CharField(
        label=_("Titel nach Muster"),
        required=False,
        max_length=200,
        help_text=_(
            "„{n}“ wird durch die laufende Nummer in der Reihenfolge des Hochladens ersetzt, "
            "z. B. „Kalender 2019 – {n}“. Leer lassen, um die Titel zu behalten."
        ),
    )
    credit = forms.CharField(
        label=_("Bildnachweis"),
        required=False,
        max_length=255,
        help_text=_("z. B. „Foto: Stefan Arend“. Leer lassen, um ihn zu behalten."),
    )
    licence = forms.ChoiceField(
        label=_("Lizenz"),
        required=False,
        choices=[(KEEP, _("– unverändert –")), *Licence.choices],
    )
    source = forms.CharField(
        label=_("Quelle"),
        required=False,
        max_length=500,
        help_text=_("Leer lassen, um sie zu behalten."),
    )
    usage_rights_until = forms.DateField(
        label=_("Nutzungsrechte bis"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leer lassen, um die bisherige Angabe zu behalten."),
    )

    def __init__(self, *args, images=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.images = upload_order(images)
        for image in self.images:
            self.fields[self.alt_text_name(image)] = forms.CharField(
                label=_("Alternativtext für „%(title)s“") % {"title": image.title},
                required=False,
                max_length=255,
                initial=image.description,
                widget=forms.TextInput(),
            )

    @staticmethod
    def alt_text_name(image):
        return f"alt_text_{image.pk}"

    def common_fields(self):
        return [self[name] for name in ("title_pattern", "credit", "licence", "source")] + [
            self["usage_rights_until"]
        ]

    def alt_text_fields(self):
        return [(image, self[self.alt_text_name(image)]) for image in self.images]

    def clean_title_pattern(self):
        pattern = self.cleaned_data["title_pattern"].strip()
        if pattern and len(self.images) > 1 and NUMBER not in pattern:
            raise forms.ValidationError(
                _(
                    "Bitte nehmen Sie „{n}“ in das Muster auf, sonst tragen alle "
                    "%(count)s Bilder denselben Titel."
                )
                % {"count": german_number(len(self.images))}
            )
        return pattern

    def changes_for(self, image, number):
        """The fields of `image` this form sets (only what was filled in)."""
        data = self.cleaned_data
        changes = {}
        if data["title_pattern"]:
            changes["title"] = data["title_pattern"].replace(NUMBER, str(number))
        for name in ("credit", "source", "licence"):
            if data[name].strip():
                changes[name] = data[name].strip()
        if data["usage_rights_until"]:
            changes["usage_rights_until"] = data["usage_rights_until"]
        alt_text = data.get(self.alt_text_name(image), "").strip()
        if alt_text and alt_text != image.description:
            changes["description"] = alt_text
        return changes


class SetBatchDetailsBulkAction(ImageBulkAction):
    display_name = _("Angaben für alle setzen")
    action_type = "set_details"
    aria_label = _("Titel, Bildnachweis, Lizenz und Nutzungsrechte der ausgewählten Bilder setzen")
    template_name = "media_library/admin/bulk_set_details.html"
    action_priority = 10
    form_class = BatchDetailsForm

    def check_perm(self, image):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", image
        )

    def get_form_kwargs(self):
        images, _without_access = self.get_actionable_objects()
        return {**super().get_form_kwargs(), "images": images}

    def follow_ups(self):
        """Image bulk actions of other apps that offer to go on with the same images
        (`follows_batch_details = True`), e.g. the photo calendar's."""
        opts = self.model._meta
        return [
            action
            for action in bulk_action_registry.get_bulk_actions_for_model(
                opts.app_label, opts.model_name
            )
            if getattr(action, "follows_batch_details", False)
        ]

    def get_context_data(self, **kwargs):
        # As pairs: a template would call the classes.
        follow_ups = [(action.action_type, action.display_name) for action in self.follow_ups()]
        return {**super().get_context_data(**kwargs), "follow_ups": follow_ups}

    def get_execution_context(self):
        return {"form": self.cleaned_form}

    def form_valid(self, form):
        response = super().form_valid(form)
        then = {action.action_type: action for action in self.follow_ups()}.get(
            self.request.POST.get("then")
        )
        if then is None or response.status_code != 302:
            return response
        opts = self.model._meta
        url = reverse(
            "wagtail_bulk_action", args=(opts.app_label, opts.model_name, then.action_type)
        )
        ids = [("id", image.pk) for image in self.actionable_objects]
        return redirect(f"{url}?{urlencode([*ids, ('next', self.next_url)])}")

    @classmethod
    def execute_action(cls, images, form=None, **kwargs):
        changed = 0
        for number, image in enumerate(upload_order(images), start=1):
            changes = form.changes_for(image, number)
            if not changes:
                continue
            for name, value in changes.items():
                setattr(image, name, value)
            # save(), not update(): the search index and the file privacy follow saves.
            image.save(update_fields=list(changes))
            changed += 1
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects:
            return _("Nichts geändert: Es wurden keine neuen Angaben eingetragen.")
        return ngettext(
            "Die Angaben von %(count)s Bild wurden gesetzt.",
            "Die Angaben von %(count)s Bildern wurden gesetzt.",
            num_parent_objects,
        ) % {"count": german_number(num_parent_objects)}
