"""The kiosk's short application and the later documents form."""

from django import forms
from django.utils.translation import gettext_lazy

from campaign.sites.public_forms import PublicForm
from careers.applications.forms import (
    TelInput,
    documents_field,
    privacy_consent_field,
    use_applicant_messages,
)

MESSAGE_LIMIT = 1000


class ShortApplicationForm(PublicForm):
    """Name, how to reach the applicant, their interest and consent: under a minute.
    No autocomplete: the tablet is shared, and its browser must remember nobody."""

    first_name = forms.CharField(label=gettext_lazy("Vorname"), max_length=100)
    last_name = forms.CharField(label=gettext_lazy("Nachname"), max_length=100)
    email = forms.EmailField(
        label=gettext_lazy("E-Mail-Adresse"),
        help_text=gettext_lazy(
            "Dorthin schicken wir die Eingangsbestätigung mit einem Link, über den Sie "
            "Ihre Unterlagen später hochladen."
        ),
        max_length=254,
    )
    phone = forms.CharField(
        label=gettext_lazy("Telefon (freiwillig)"),
        max_length=50,
        required=False,
        widget=TelInput,
    )
    message = forms.CharField(
        label=gettext_lazy("Ihr Interesse (freiwillig)"),
        help_text=gettext_lazy("Ein, zwei Sätze: was Sie suchen, was Sie mitbringen."),
        max_length=MESSAGE_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    privacy_consent = privacy_consent_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_applicant_messages(self)
        for field in self.fields.values():
            field.widget.attrs["autocomplete"] = "off"


class DocumentsForm(PublicForm):
    documents = documents_field()
