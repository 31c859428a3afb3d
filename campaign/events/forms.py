"""The form a visitor books a conversation with: slot, name, e-mail, consent."""

import datetime

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.sites.public_forms import PublicForm

SLOT_FORMAT = "%Y-%m-%dT%H:%M"  # local time: readable in a shared link, unique per event


def slot_value(slot):
    return timezone.localtime(slot).strftime(SLOT_FORMAT)


def _slot(value):
    return timezone.make_aware(datetime.datetime.strptime(value, SLOT_FORMAT))


class SlotChoiceField(forms.TypedChoiceField):
    """The slots as radio buttons, labelled with the time and what is left."""

    widget = forms.RadioSelect

    def __init__(self, seats, **kwargs):
        choices = [(slot_value(slot), self.label_for(slot, free)) for slot, free in seats]
        super().__init__(choices=choices, coerce=_slot, **kwargs)

    @staticmethod
    def label_for(slot, free):
        time = formats.time_format(timezone.localtime(slot), "H:i")
        if free == 0:
            return _("%(time)s Uhr – ausgebucht, Platz auf der Warteliste") % {"time": time}
        if free == 1:
            return _("%(time)s Uhr – ein Platz frei") % {"time": time}
        return _("%(time)s Uhr – %(free)s Plätze frei") % {"time": time, "free": free}


class BookingForm(PublicForm):
    slot = forms.Field(label=gettext_lazy("Uhrzeit"))  # replaced per department in __init__
    name = forms.CharField(
        label=gettext_lazy("Ihr Name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("Ihre E-Mail-Adresse"),
        help_text=gettext_lazy(
            "Dorthin schicken wir zuerst einen Link, mit dem Sie die Anmeldung bestätigen."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=gettext_lazy(
            "Ich bin einverstanden, dass meine Angaben zur Organisation dieses Termins "
            "gespeichert werden."
        ),
        error_messages={
            "required": gettext_lazy("Ohne Ihr Einverständnis können wir den Termin nicht buchen.")
        },
    )

    def __init__(self, *args, seats, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"] = SlotChoiceField(
            seats,
            label=_("Uhrzeit"),
            template_name="campaign/booking_slots.html",
            error_messages={
                "required": _("Bitte wählen Sie eine Uhrzeit."),
                "invalid_choice": _("Diese Uhrzeit gibt es bei diesem Bereich nicht."),
            },
        )
        self.fields["name"].error_messages["required"] = _("Bitte geben Sie Ihren Namen an.")
