"""The search page's GET form: a query, facet choices and the result page.

Only values the facets offer pass; anything else in the address (a typo, a
department since removed) is a 400 with a German message instead of a
silently different result list.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200
PAGE_PARAMETER = "seite"


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("Der Suchbegriff ist zu lang: höchstens %(limit_value)d Zeichen.")
        },
    )
    seite = forms.IntegerField(
        required=False,
        min_value=1,
        error_messages={
            "invalid": _("Die Seitenzahl muss eine ganze Zahl sein."),
            "min_value": _("Die Seitenzahl beginnt bei 1."),
        },
    )

    def __init__(self, data, *, choices):
        super().__init__(data)
        for parameter, options in choices.items():
            self.fields[parameter] = forms.MultipleChoiceField(
                required=False,
                choices=options,
                error_messages={
                    "invalid_choice": _(
                        "„%(value)s“ gibt es in diesem Filter nicht (mehr). Bitte wählen Sie neu."
                    )
                },
            )
        self.facet_parameters = list(choices)

    def selected(self):
        return {p: self.cleaned_data[p] for p in self.facet_parameters if self.cleaned_data[p]}
