"""A photo calendar from chosen images in one step: a bulk action of the image listing.

The press office chooses twelve images (or comes straight from setting their
details after a multiple upload) and gets a calendar draft: one motif per
month in the images' title order ("… – 2" before "… – 10"), the photographer
taken from each image's credit, the caption from its alt text. The draft is
a new calendar page below a home or campaign page of the editor's own site,
or the next draft of a calendar they may edit. The editor then checks the
motifs (reordering them with the inline panel's move buttons), fills in
what is missing, and publishes.
"""

import re

from django import forms
from django.db import transaction
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug
from wagtail.images.views.bulk_actions.image_bulk_action import ImageBulkAction
from wagtail.log_actions import log
from wagtail.models import Page

from campaign.calendars.models import MONTH_COUNT, CalendarMotif, PhotoCalendarPage
from campaign.sites.admin_scoping import within_sites
from media_library.numbers import grouped_number

# "Foto: Stefan Arend", "Fotos: …", "© Stefan Arend" → "Stefan Arend"
CREDIT_PREFIX = re.compile(r"^\s*(?:(?:Fotos?|Foto\s*/\s*Bild|Bild)\s*:|©|\(c\))\s*", re.I)
# The page types a calendar may be added below (PhotoCalendarPage.parent_page_types).
PARENT_TYPES = ("campaign.HomePage", "campaign.CampaignPage")


def photographer_from_credit(credit):
    return CREDIT_PREFIX.sub("", credit or "").strip()


def natural_key(image):
    """Titles in human order: "Kalender – 2" before "Kalender – 10"."""
    parts = re.split(r"(\d+)", image.title.casefold())
    return [int(part) if part.isdigit() else part for part in parts], image.pk


def month_order(images):
    return sorted(images, key=natural_key)


def motifs_from(images):
    """One motif per month for the first twelve images in title order."""
    return [
        CalendarMotif(
            month=month,
            sort_order=month - 1,
            image=image,
            caption=(image.description or image.title)[:255],
            photographer=photographer_from_credit(image.credit)[:120],
        )
        for month, image in enumerate(month_order(images)[:MONTH_COUNT], start=1)
    ]


def _pages_of_user(user, queryset):
    condition = within_sites(user, "path")
    return queryset if condition is None else queryset.filter(condition)


class PageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, page):
        site = page.get_site()
        return f"{page.title} ({site.site_name or site.hostname})" if site else page.title


class CalendarFromImagesForm(forms.Form):
    calendar = PageChoiceField(
        label=_("In diesen Kalender übernehmen"),
        queryset=PhotoCalendarPage.objects.none(),
        required=False,
        empty_label=_("– einen neuen Kalender anlegen –"),
        help_text=_(
            "Die Motive werden sein nächster Entwurf; veröffentlicht wird erst, wenn Sie es tun."
        ),
    )
    parent = PageChoiceField(
        label=_("Neuen Kalender anlegen unter"),
        queryset=Page.objects.none(),
        required=False,
        empty_label=None,
    )
    year = forms.IntegerField(label=_("Jahr"), required=False, min_value=1950, max_value=2100)
    motto = forms.CharField(
        label=_("Motto"),
        required=False,
        max_length=120,
        help_text=_("Ohne Anführungszeichen, z. B. Was geht"),
    )
    lead = forms.CharField(
        label=_("Einleitung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Zwei, drei Sätze für Übersichten; auch später im Editor."),
    )

    def __init__(self, *args, images=(), user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.images = list(images)
        self.user = user
        self.fields["calendar"].queryset = _pages_of_user(
            user, PhotoCalendarPage.objects.order_by("-year", "title")
        )
        self.fields["parent"].queryset = self._parents()

    def _parents(self):
        parents = _pages_of_user(
            self.user, Page.objects.type(*_page_models(PARENT_TYPES)).order_by("path")
        )
        allowed = [
            page.pk
            for page in parents.specific()
            if page.permissions_for_user(self.user).can_add_subpage()
        ]
        return Page.objects.filter(pk__in=allowed).order_by("path")

    def clean(self):
        cleaned = super().clean()
        if len(self.images) > MONTH_COUNT:
            raise forms.ValidationError(
                gettext(
                    "Ein Fotokalender hat 12 Monate: Bitte wählen Sie höchstens 12 Bilder, "
                    "nicht %(count)s."
                )
                % {"count": grouped_number(len(self.images))}
            )
        calendar = cleaned.get("calendar")
        if calendar is not None:
            if not calendar.permissions_for_user(self.user).can_edit():
                self.add_error("calendar", gettext("Diesen Kalender dürfen Sie nicht bearbeiten."))
            return cleaned
        required = {
            "parent": gettext("Bitte wählen Sie, wo der neue Kalender stehen soll."),
            "year": gettext("Bitte geben Sie das Jahr des Kalenders an."),
            "motto": gettext("Bitte geben Sie das Motto des Kalenders an."),
        }
        for name, message in required.items():
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, message)
        return cleaned

    def save(self):
        """The calendar draft with the images as its motifs."""
        motifs = motifs_from(self.images)
        data = self.cleaned_data
        with transaction.atomic():
            if data["calendar"] is not None:
                page = data["calendar"].get_latest_revision_as_object()
                page.motifs = motifs
                page.save_revision(user=self.user, log_action=True)
                return page
            parent = data["parent"].specific
            page = PhotoCalendarPage(
                title=gettext("Kalender %(year)s: „%(motto)s“")
                % {"year": data["year"], "motto": data["motto"]},
                slug=find_available_slug(parent, slugify(f"kalender-{data['year']}")),
                year=data["year"],
                motto=data["motto"],
                lead=data["lead"],
                owner=self.user,
                live=False,
                show_in_menus=True,  # a calendar belongs in its site's navigation
            )
            page.motifs = motifs
            parent.add_child(instance=page)
            revision = page.save_revision(user=self.user, log_action=False)
            log(instance=page, action="wagtail.create", user=self.user, revision=revision)
        return page


def _page_models(labels):
    from django.apps import apps

    return [apps.get_model(label) for label in labels]


class CalendarFromImagesBulkAction(ImageBulkAction):
    display_name = _("Als Kalendermotive verwenden")
    action_type = "calendar_motifs"
    aria_label = _("Aus den ausgewählten Bildern die Monatsmotive eines Fotokalenders anlegen")
    template_name = "campaign/admin/calendar_from_images.html"
    action_priority = 20
    form_class = CalendarFromImagesForm
    # Offered as the next step after setting a batch's details (media_library.batch).
    follows_batch_details = True

    def check_perm(self, image):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "choose", image
        )

    def get_form_kwargs(self):
        images, _without_access = self.get_actionable_objects()
        return {**super().get_form_kwargs(), "images": images, "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["motifs"] = motifs_from(context["form"].images)
        return context

    def get_execution_context(self):
        return {"form": self.cleaned_form}

    @classmethod
    def execute_action(cls, images, form=None, **kwargs):
        form.calendar_page = form.save()
        return len(images), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        page = self.cleaned_form.calendar_page
        missing = MONTH_COUNT - num_parent_objects
        message = ngettext(
            "Fotokalender „%(title)s“: %(count)s Monatsmotiv als Entwurf angelegt.",
            "Fotokalender „%(title)s“: %(count)s Monatsmotive als Entwurf angelegt.",
            num_parent_objects,
        ) % {"title": page.title, "count": grouped_number(num_parent_objects)}
        if missing:
            message += " " + ngettext(
                "Für die Veröffentlichung fehlt noch %(count)s Monat.",
                "Für die Veröffentlichung fehlen noch %(count)s Monate.",
                missing,
            ) % {"count": grouped_number(missing)}
        return message + " " + gettext("Prüfen Sie die Motive und veröffentlichen Sie dann.")

    def form_valid(self, form):
        response = super().form_valid(form)
        page = getattr(form, "calendar_page", None)
        if page is not None and response.status_code == 302:
            return redirect("wagtailadmin_pages:edit", page.pk)
        return response
