"""The form on the accessibility statement: what is wrong, where, and how to reply."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.sites.public_forms import PublicForm


class FeedbackForm(PublicForm):
    message = forms.CharField(
        label=gettext_lazy("Ihre Rückmeldung"),
        help_text=gettext_lazy(
            "Was ist nicht barrierefrei oder schwer zu nutzen? Beschreiben Sie es bitte so "
            "genau wie möglich."
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    page = forms.CharField(
        label=gettext_lazy("Um welche Seite geht es? (freiwillig)"),
        help_text=gettext_lazy(
            "Die Adresse der Seite auf dieser Website, z. B. /karriere/. Kamen Sie über einen "
            "Link, ist sie schon eingetragen."
        ),
        max_length=300,
        required=False,
    )
    name = forms.CharField(
        label=gettext_lazy("Ihr Name (freiwillig)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("Ihre E-Mail-Adresse (freiwillig)"),
        help_text=gettext_lazy(
            "Nur nötig, wenn Sie eine Antwort möchten: ohne E-Mail-Adresse können wir Ihnen "
            "nicht antworten."
        ),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, check_path, **kwargs):
        """`check_path(value)` returns the path of a page of this site, or None."""
        super().__init__(*args, **kwargs)
        self.check_path = check_path
        self.fields["message"].error_messages.update(
            required=_("Bitte beschreiben Sie, was nicht barrierefrei ist."),
            max_length=_("Bitte fassen Sie sich kürzer: höchstens 5000 Zeichen."),
        )
        self.fields["page"].error_messages["max_length"] = _(
            "Diese Adresse ist zu lang für eine Seite dieser Website."
        )

    def clean_page(self):
        value = self.cleaned_data["page"].strip()
        if not value:
            return ""
        path = self.check_path(value)
        if path is None:
            raise forms.ValidationError(
                _(
                    "Diese Seite gibt es auf dieser Website nicht. Geben Sie die Adresse ab dem "
                    "ersten Schrägstrich an, z. B. /karriere/, oder lassen Sie das Feld leer."
                )
            )
        return path
