"""The subscription forms: job fields ticked on /stellenalarm/, or a search from /suche/."""

from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.sites.public_forms import PublicForm
from careers.search_form import SearchForm

KIND_PARAMETER = "alarm"
SEARCH_KIND = "suche"
JOB_FIELD_PARAMETER = "berufsfeld"


class _AlertForm(PublicForm):
    email = forms.EmailField(
        label=gettext_lazy("Ihre E-Mail-Adresse"),
        help_text=gettext_lazy(
            "Dorthin schicken wir zuerst eine E-Mail mit einem Bestätigungslink, danach höchstens "
            "eine E-Mail am Tag mit den neuen Stellen."
        ),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["max_length"] = _("Diese E-Mail-Adresse ist zu lang.")


def alert_query(query, selected):
    """The query string that opens /stellenalarm/ with this search taken over."""
    pairs = [(KIND_PARAMETER, SEARCH_KIND)]
    if query:
        pairs.append(("q", query))
    pairs += [(parameter, value) for parameter, values in selected.items() for value in values]
    return urlencode(pairs)


class JobFieldAlertForm(_AlertForm):
    """E-mail and at least one of the site's job fields (`job_fields`: pages in display
    order), offered by category."""

    berufsfeld = forms.MultipleChoiceField(
        label=gettext_lazy("Berufsfelder"),
        help_text=gettext_lazy("Wählen Sie ein oder mehrere Berufsfelder."),
        # Its id names the fieldset, which the error summary links to.
        widget=forms.CheckboxSelectMultiple(attrs={"id": "berufsfelder"}),
        template_name="careers/alerts/job_fields.html",
    )
    field_order = ["berufsfeld", "email", "homepage"]

    def __init__(self, *args, job_fields, **kwargs):
        super().__init__(*args, **kwargs)
        self.job_fields = {str(page.pk): page for page in job_fields}
        field = self.fields[JOB_FIELD_PARAMETER]
        by_category = {}
        for pk, page in self.job_fields.items():
            category = page.category.name if page.category_id else _("Weitere Berufsfelder")
            by_category.setdefault(category, []).append((pk, page.title))
        field.choices = list(by_category.items())
        field.widget.template_name = "careers/alerts/job_field_checkboxes.html"
        field.error_messages.update(
            required=_("Bitte wählen Sie mindestens ein Berufsfeld."),
            invalid_choice=_(
                "Dieses Berufsfeld gibt es auf dieser Website nicht (mehr). Bitte wählen Sie neu."
            ),
        )

    def chosen_job_fields(self):
        return [self.job_fields[pk] for pk in self.cleaned_data[JOB_FIELD_PARAMETER]]


class SearchAlertForm(_AlertForm):
    """E-mail plus the search's parameters, checked as /suche/ checks them."""

    def __init__(self, data=None, *, choices, **kwargs):
        super().__init__(data, **kwargs)
        self.search = SearchForm(data or {}, choices=choices)

    def is_valid(self):
        return all([super().is_valid(), self.search.is_valid()])

    @property
    def search_errors(self):
        return [error for errors in self.search.errors.values() for error in errors]

    def query(self):
        return self.search.cleaned_data["q"]

    def selected(self):
        return self.search.selected()
