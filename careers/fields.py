"""A model field for "tick all that apply": a list of codes from a fixed set.

Stored as a JSON list, so it works on SQLite and PostgreSQL alike; the admin
shows one checkbox per choice.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.JSONField):
    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {code for code, _label in self.item_choices}
        unknown = [code for code in value or [] if code not in known]
        if unknown:
            raise ValidationError(
                _("Unbekannte Auswahl: %(codes)s"), params={"codes": ", ".join(unknown)}
            )

    def labels(self, value):
        """The German labels of the stored codes, in the order of the choices."""
        chosen = set(value or [])
        return [str(label) for code, label in self.item_choices if code in chosen]
