"""The application form: who applies, the cover letter, PDFs, statements, consent."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.sites.public_forms import PublicForm
from careers.applications.pdf import check_pdf
from careers.models.applications import Salutation

MAX_DOCUMENTS = 3


class MultiplePDFInput(forms.FileInput):
    allow_multiple_selected = True

    def __init__(self):
        super().__init__(
            attrs={
                "accept": "application/pdf,.pdf",
                "class": "kern-form-input__input application-form__files",
            }
        )


class TelInput(forms.TextInput):
    input_type = "tel"


def _filled_in(autocomplete, widget=forms.TextInput):
    """The input, with the autocomplete token browsers fill it in by."""
    return widget(attrs={"autocomplete": autocomplete})


class DocumentsField(forms.FileField):
    """One to MAX_DOCUMENTS PDFs, each checked by content (careers/applications/pdf.py)."""

    widget = MultiplePDFInput

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data or []) if upload]
        if not uploads:
            raise ValidationError(
                _("Bitte laden Sie Ihre Unterlagen hoch (mindestens eine PDF-Datei)."),
                code="required",
            )
        if len(uploads) > MAX_DOCUMENTS:
            raise ValidationError(
                _("Bitte laden Sie höchstens %(count)d PDF-Dateien hoch.")
                % {"count": MAX_DOCUMENTS},
                code="too_many",
            )
        errors = []
        documents = []
        for upload in uploads:
            try:
                documents.append((upload.name, check_pdf(upload)))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return documents


# What every form that takes an application asks alike (the online form, the
# kiosk's short one and its documents later), defined once.
def documents_field():
    return DocumentsField(
        label=gettext_lazy("Unterlagen (PDF)"),
        help_text=gettext_lazy(
            "Lebenslauf, Zeugnisse und gegebenenfalls Anschreiben: bis zu drei PDF-Dateien, "
            "je höchstens 10 MB."
        ),
    )


def privacy_consent_field():
    return forms.BooleanField(
        label=gettext_lazy(
            "Ich habe die Datenschutzhinweise gelesen und bin mit der Verarbeitung meiner "
            "Angaben für dieses Bewerbungsverfahren einverstanden."
        ),
    )


def use_applicant_messages(form):
    """The German messages of an applicant's required fields and of every length limit."""
    messages = {
        "first_name": _("Bitte geben Sie Ihren Vornamen an."),
        "last_name": _("Bitte geben Sie Ihren Nachnamen an."),
        "privacy_consent": _(
            "Ohne Ihre Einwilligung in die Verarbeitung können wir Ihre Bewerbung nicht annehmen."
        ),
    }
    for name, message in messages.items():
        form.fields[name].error_messages["required"] = message
    for field in form.fields.values():
        if getattr(field, "max_length", None):
            field.error_messages["max_length"] = _(
                "Bitte kürzen Sie auf höchstens %(limit_value)d Zeichen."
            )


class ApplicationForm(PublicForm):
    salutation = forms.ChoiceField(
        label=gettext_lazy("Anrede (freiwillig)"),
        choices=Salutation.choices,
        required=False,
        widget=forms.RadioSelect,
        template_name="forms/choices_in_a_row.html",
    )
    first_name = forms.CharField(
        label=gettext_lazy("Vorname"), max_length=100, widget=_filled_in("given-name")
    )
    last_name = forms.CharField(
        label=gettext_lazy("Nachname"), max_length=100, widget=_filled_in("family-name")
    )
    email = forms.EmailField(
        label=gettext_lazy("E-Mail-Adresse"),
        help_text=gettext_lazy("An diese Adresse schicken wir die Eingangsbestätigung."),
        max_length=254,
        widget=_filled_in("email", forms.EmailInput),
    )
    phone = forms.CharField(
        label=gettext_lazy("Telefon (freiwillig)"),
        max_length=50,
        required=False,
        widget=_filled_in("tel", TelInput),
    )
    street = forms.CharField(
        label=gettext_lazy("Straße und Hausnummer (freiwillig)"),
        max_length=200,
        required=False,
        widget=_filled_in("street-address"),
    )
    postal_code = forms.CharField(
        label=gettext_lazy("Postleitzahl (freiwillig)"),
        max_length=10,
        required=False,
        widget=_filled_in("postal-code"),
    )
    city = forms.CharField(
        label=gettext_lazy("Ort (freiwillig)"),
        max_length=100,
        required=False,
        widget=_filled_in("address-level2"),
    )
    message = forms.CharField(
        label=gettext_lazy("Anschreiben (freiwillig)"),
        help_text=gettext_lazy(
            "Warum passt die Stelle zu Ihnen? Sie können Ihr Anschreiben auch als PDF beilegen."
        ),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    documents = documents_field()
    severe_disability = forms.BooleanField(
        label=gettext_lazy(
            "Ich bin schwerbehindert oder schwerbehinderten Menschen gleichgestellt (§ 2 SGB IX)."
        ),
        help_text=gettext_lazy(
            "Freiwillig. Öffentliche Arbeitgeber laden schwerbehinderte und gleichgestellte "
            "Bewerber*innen zum Vorstellungsgespräch ein, wenn die fachliche Eignung nicht "
            "offensichtlich fehlt (§ 165 SGB IX). Die Schwerbehindertenvertretung wird beteiligt."
        ),
        required=False,
    )
    privacy_consent = privacy_consent_field()
    talent_pool = forms.BooleanField(
        label=gettext_lazy(
            "Freiwillig: Meine Bewerbung darf bis zu zwei Jahre im Talentpool bleiben, damit "
            "man mich für andere passende Stellen ansprechen kann."
        ),
        help_text=gettext_lazy("Diese Einwilligung können Sie jederzeit widerrufen."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_applicant_messages(self)
        if self.is_bound:
            # Browsers keep no chosen file when a page comes back.
            documents = self.fields["documents"]
            documents.help_text = (
                f"{documents.help_text} {_('Bitte wählen Sie die Dateien erneut aus.')}"
            )
