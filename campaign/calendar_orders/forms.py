"""The order form of the printed calendar: addressee, German postal address,
e-mail, how many, what for; the text captcha against bots."""

from django import forms
from django.core.validators import MaxValueValidator, RegexValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.members.forms import CaptchaFormMixin
from campaign.sites.public_forms import PublicForm

POSTCODE = RegexValidator(
    r"^[0-9]{5}$",
    gettext_lazy("Bitte geben Sie die Postleitzahl mit fünf Ziffern an, z. B. 45136."),
)


ADDRESS_FIELDS = ["organisation", "name", "street", "postcode", "city"]


def _text(label, max_length, *, required=True, autocomplete="", help_text=""):
    attrs = {"autocomplete": autocomplete} if autocomplete else {}
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs),
    )


class CalendarOrderForm(CaptchaFormMixin, PublicForm):
    organisation = _text(
        gettext_lazy("Organisation (optional)"),
        150,
        required=False,
        autocomplete="organization",
        help_text=gettext_lazy("Für Unternehmen, Betriebe und Netzwerkpartner."),
    )
    name = _text(gettext_lazy("Name"), 120, autocomplete="name")
    street = _text(gettext_lazy("Straße und Hausnummer"), 120, autocomplete="street-address")
    postcode = forms.CharField(
        label=gettext_lazy("PLZ"),
        max_length=5,
        validators=[POSTCODE],
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )
    city = _text(gettext_lazy("Ort"), 80, autocomplete="address-level2")
    email = forms.EmailField(
        label=gettext_lazy("E-Mail-Adresse"),
        max_length=254,
        help_text=gettext_lazy(
            "Dorthin schicken wir zuerst einen Link, mit dem Sie die Bestellung bestätigen."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    quantity = forms.IntegerField(
        label=gettext_lazy("Anzahl"),
        min_value=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    purpose = forms.CharField(
        label=gettext_lazy("Wofür möchten Sie die Kalender? (optional)"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("z. B. „für unseren Wartebereich“; höchstens 300 Zeichen."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    field_order = [*ADDRESS_FIELDS, "email", "quantity", "purpose", "captcha_answer"]

    def __init__(self, *args, limit, **kwargs):
        """`limit`: the most copies this order may ask for."""
        super().__init__(*args, **kwargs)
        self.limit = limit
        quantity = self.fields["quantity"]
        quantity.max_value = limit
        quantity.widget.attrs.update(min=1, max=limit)
        quantity.validators.append(MaxValueValidator(limit))
        quantity.help_text = _("Höchstens %(limit)s Exemplare.") % {"limit": limit}
        quantity.error_messages.update(
            required=_("Bitte geben Sie an, wie viele Kalender Sie möchten."),
            invalid=_("Bitte geben Sie die Anzahl als ganze Zahl an, z. B. 2."),
            min_value=_("Bitte bestellen Sie mindestens einen Kalender."),
            max_value=_("Sie können höchstens %(limit_value)s Exemplare bestellen."),
        )
        messages = {
            "name": _("Bitte geben Sie Ihren Namen an."),
            "street": _("Bitte geben Sie Straße und Hausnummer an."),
            "postcode": _("Bitte geben Sie die Postleitzahl an."),
            "city": _("Bitte geben Sie den Ort an."),
        }
        for name, field in self.fields.items():
            if name in messages:
                field.error_messages["required"] = messages[name]
            if name in ADDRESS_FIELDS or name == "purpose":
                field.error_messages["max_length"] = _(
                    "Bitte kürzen Sie auf höchstens %(limit_value)d Zeichen."
                )
