"""The one field of the second factor's pages: a code from the app or a backup code."""

from django import forms
from django.utils.translation import gettext_lazy as _

TOTP_DIGITS = 6


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        error_messages={"required": _("Bitte geben Sie den Code ein.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = help_text

    def clean_code(self):
        # Apps show "123 456", backup codes are typed in any case.
        return "".join(self.cleaned_data["code"].split()).replace("-", "").lower()

    def is_app_code(self):
        code = self.cleaned_data["code"]
        return len(code) == TOTP_DIGITS and code.isdigit()
