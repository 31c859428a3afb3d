"""Details for a batch of images at once.

After a multiple upload the press office would type the same photographer,
licence and usage rights into every image. One form sets them once for the
whole batch (then each image can still be adjusted on its own), numbers the
titles by a pattern ("Kalender 2019 – {n}", in the order of the upload) and
asks for each image's alt text on the same page, since that differs from
picture to picture. Two doors lead to it:

- `batch_uploads`, linked from the multiple uploader: Wagtail keeps each
  upload as an UploadedFile until its alt text is given (media_library.forms
  requires it); this view makes the images of the editor's own uploads at once.
- `SetBatchDetailsBulkAction`, a bulk action of the image listing, for images
  that exist. Wagtail's bulk action framework checks the "change" permission
  per image; the admin's guard (campaign.sites.admin_scoping.guard) answers
  404 for any image id of another employer's collection before it runs.
"""

import os
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlencode

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.images.views.bulk_actions.image_bulk_action import ImageBulkAction
from wagtail.models import UploadedFile
from wagtail.permissions import policy_registry

from media_library.forms import ALT_TEXT_REQUIRED
from media_library.models import CustomImage, Licence
from media_library.numbers import grouped_number

NUMBER = "{n}"
KEEP = ""


def upload_order(images):
    """The images as they were uploaded: the multiple uploader sends one after the other."""
    return sorted(images, key=lambda image: (image.created_at, image.pk))


@dataclass
class PendingUpload:
    """A file of the multiple uploader still waiting for its details (no image yet)."""

    upload: UploadedFile

    @property
    def batch_key(self):
        return f"u{self.upload.pk}"

    @property
    def title(self):
        return PurePath(self.upload.file.name).stem[:255]

    description = ""


def _key(item):
    return getattr(item, "batch_key", None) or str(item.pk)


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

    def __init__(self, *args, images=(), ordered=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.images = list(images) if ordered else upload_order(images)
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
        return f"alt_text_{_key(image)}"

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
                % {"count": grouped_number(len(self.images))}
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

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "follow_ups": _follow_up_choices()}

    def get_execution_context(self):
        return {"form": self.cleaned_form}

    def form_valid(self, form):
        response = super().form_valid(form)
        if self.request.POST.get("then") and response.status_code == 302:
            return _after_batch(self.request, self.actionable_objects)
        return response

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
        ) % {"count": grouped_number(num_parent_objects)}


class BatchUploadForm(BatchDetailsForm):
    """The batch form for the multiple uploader: its pending uploads become images
    (each needs its alt text, as every image), its images get the details."""

    collection = forms.ModelChoiceField(label=_("Sammlung"), queryset=None, empty_label=None)

    def __init__(self, *args, collections=None, **kwargs):
        super().__init__(*args, ordered=True, **kwargs)
        self.fields["collection"].queryset = collections
        if len(collections) == 1:
            self.fields["collection"].widget = forms.HiddenInput()
        self.fields["collection"].initial = collections.first()

    def clean(self):
        cleaned = super().clean()
        for item in self.images:
            name = self.alt_text_name(item)
            if isinstance(item, PendingUpload) and not cleaned.get(name, "").strip():
                self.add_error(name, ALT_TEXT_REQUIRED)
        return cleaned

    @transaction.atomic
    def save(self, user):
        """The images, in the order of the upload; the uploads' files are removed after."""
        saved, leftovers = [], []
        for number, item in enumerate(self.images, start=1):
            if isinstance(item, PendingUpload):
                saved.append(self._image_from(item, number, user))
                leftovers.append(item.upload)
                continue
            changes = self.changes_for(item, number)
            if changes:
                for name, value in changes.items():
                    setattr(item, name, value)
                item.save(update_fields=list(changes))
            saved.append(item)
        for upload in leftovers:
            upload.delete()
            transaction.on_commit(lambda file=upload.file: file.delete(save=False))
        return saved

    def _image_from(self, pending, number, user):
        changes = self.changes_for(pending, number)
        image = CustomImage(
            title=changes.get("title", pending.title),
            collection=self.cleaned_data["collection"],  # before the file: it decides where
            uploaded_by_user=user,
            **{name: value for name, value in changes.items() if name != "title"},
        )
        upload = pending.upload.file
        with upload.open("rb"):
            image.file.save(os.path.basename(upload.name), upload.file, save=False)
        image._set_image_file_metadata()
        image.save()
        return image


def batch_uploads(request):
    """Details for the files and images of one multiple upload (?upload=…&image=…)."""
    policy = policy_registry.get_by_type(CustomImage)
    if not policy.user_has_permission(request.user, "add"):
        return permission_denied(request)
    items = _batch_items(request, policy)
    form = BatchUploadForm(
        request.POST or None,
        images=items,
        collections=policy.collections_user_has_permission_for(request.user, "add"),
    )
    if request.method == "POST" and form.is_valid():
        images = form.save(request.user)
        messages.success(
            request,
            ngettext(
                "%(count)s Bild mit seinen Angaben gespeichert.",
                "%(count)s Bilder mit ihren Angaben gespeichert.",
                len(images),
            )
            % {"count": grouped_number(len(images))},
        )
        return _after_batch(request, images)
    return render(
        request,
        "media_library/admin/batch_uploads.html",
        {
            "form": form,
            "follow_ups": _follow_up_choices(),
            "next": get_valid_next_url_from_request(request) or reverse("wagtailimages:index"),
        },
        status=200 if request.method == "GET" else 422,
    )


def _batch_items(request, policy):
    """The user's own pending uploads and the images they may change, in the
    page's order; anything else (another's upload, another employer's image) 404."""
    upload_ids = _ids(request.GET.getlist("upload"))
    image_ids = _ids(request.GET.getlist("image"))
    if not (upload_ids or image_ids):
        raise Http404
    uploads = UploadedFile.objects.filter(
        pk__in=upload_ids,
        uploaded_by_user=request.user,
        for_content_type=ContentType.objects.get_for_model(CustomImage),
    ).in_bulk()
    images = (
        policy.instances_user_has_permission_for(request.user, "change")
        .filter(pk__in=image_ids)
        .in_bulk()
    )
    if len(uploads) != len(upload_ids) or len(images) != len(image_ids):
        raise Http404
    return [images[pk] for pk in image_ids] + [PendingUpload(uploads[pk]) for pk in upload_ids]


def _ids(values):
    try:
        return list(dict.fromkeys(int(value) for value in values))
    except ValueError:
        raise Http404 from None


def _follow_up_actions():
    """Image bulk actions of other apps that offer to go on with the same images
    (`follows_batch_details = True`), e.g. the photo calendar's."""
    opts = CustomImage._meta
    return [
        action
        for action in bulk_action_registry.get_bulk_actions_for_model(
            opts.app_label, opts.model_name
        )
        if getattr(action, "follows_batch_details", False)
    ]


def _follow_up_choices():
    # As pairs: a template would call the classes.
    return [(action.action_type, action.display_name) for action in _follow_up_actions()]


def _after_batch(request, images):
    """Back to where the editor came from, or on to the follow-up chosen (same images)."""
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailimages:index")
    then = {action.action_type: action for action in _follow_up_actions()}.get(
        request.POST.get("then")
    )
    if then is None:
        return redirect(next_url)
    opts = CustomImage._meta
    url = reverse("wagtail_bulk_action", args=(opts.app_label, opts.model_name, then.action_type))
    ids = [("id", image.pk) for image in images]
    return redirect(f"{url}?{urlencode([*ids, ('next', next_url)])}")
