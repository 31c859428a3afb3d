"""What every public form shares: the honeypot, KERN markup, and its answers.

The forms visitors send (feedback on barriers, the members' forms, event
bookings, job alerts, applications) derive from `PublicForm`, or set
`default_renderer = KernFormRenderer` where they derive from one of Django's
forms. Their templates render each field with `{{ form.name.as_field_group }}`:
the renderer takes templates/forms/field.html, which lays out label, hint and
error as KERN does, and gives inputs KERN's classes; Django adds `required`,
`maxlength`, `aria-invalid` and an `aria-describedby` naming the hint
(`<id>_helptext`) and the error (`<id>_error`). Only these forms use it: the
admin's keep the project's default renderer.

Their views answer alike: past the visitor's rate limit 429 with the form
unbound but holding what was typed (`typed_input`), a bot caught by the
honeypot the answer a person gets after success, and every page that holds a
CSRF token or what was typed is never cached (`private`, `render_public_form`).
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy

# People never see it (nor hear it with a screen reader); bots fill in every field.
HONEYPOT = "homepage"
# What every public form says of an e-mail address left out or mistyped.
EMAIL_ERRORS = {
    "required": gettext_lazy("Bitte geben Sie Ihre E-Mail-Adresse an."),
    "invalid": gettext_lazy(
        "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org."
    ),
}

# KERN's class for the input itself, by the widget's input type.
KERN_INPUT_CLASSES = {
    "checkbox": "kern-form-check__checkbox",
    "radio": "kern-form-check__radio",
}
KERN_INPUT_CLASS = "kern-form-input__input"


class KernBoundField(BoundField):
    """A field whose input carries KERN's class, unless its widget names its own."""

    def build_widget_attrs(self, attrs, widget=None):
        widget = widget or self.field.widget
        attrs = super().build_widget_attrs(attrs, widget)
        if "class" not in widget.attrs:
            input_type = getattr(widget, "input_type", None)
            attrs.setdefault("class", KERN_INPUT_CLASSES.get(input_type, KERN_INPUT_CLASS))
        return attrs

    @property
    def anchor(self):
        """The id the error summary links to: the input's, or a group's fieldset's."""
        return self.id_for_label or self.field.widget.attrs.get("id") or self.auto_id


# Django's templates of single inputs and of the options of a choice, and
# ours, which write type, name, id and value first (templates/forms/widgets/).
DJANGO_WIDGETS = "django/forms/widgets/"
INPUT_TEMPLATES = {
    f"{DJANGO_WIDGETS}{name}.html"
    for name in ("checkbox", "email", "file", "hidden", "number", "password", "tel", "text", "url")
}
OPTION_TEMPLATES = {f"{DJANGO_WIDGETS}radio_option.html", f"{DJANGO_WIDGETS}checkbox_option.html"}


class KernFormRenderer(TemplatesSetting):
    """Public forms' fields as KERN lays them out; the widgets from the project's
    template engines (Django's own need "django.forms" in INSTALLED_APPS)."""

    field_template_name = "forms/field.html"
    bound_field_class = KernBoundField

    def get_template(self, template_name):
        if template_name in INPUT_TEMPLATES:
            template_name = "forms/widgets/input.html"
        elif template_name in OPTION_TEMPLATES:
            template_name = "forms/widgets/option.html"
        return super().get_template(template_name)


class HoneypotInput(forms.TextInput):
    """Never keyboard-reachable, never filled in by the browser, never shown again."""

    def __init__(self):
        super().__init__(attrs={"tabindex": "-1", "autocomplete": "off"})

    def format_value(self, value):
        return None


class PublicForm(forms.Form):
    """A form for visitors: KERN markup, the honeypot, German messages for
    e-mail addresses (a form's own __init__ may say more)."""

    default_renderer = KernFormRenderer

    homepage = forms.CharField(
        label=gettext_lazy("Bitte lassen Sie dieses Feld leer."),
        required=False,
        widget=HoneypotInput,
        template_name="forms/honeypot.html",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.EmailField):
                field.error_messages.update(EMAIL_ERRORS)

    def is_spam(self):
        return bool(self.data.get(HONEYPOT))


def typed_input(request, *, leave_out=()):
    """What the visitor sent, as `initial` of a form shown again unbound (no
    field errors beside a 429): several values of one name as a list; never
    the fields in `leave_out` (passwords)."""
    return {
        name: values if len(values) > 1 else values[0]
        for name, values in request.POST.lists()
        if name not in leave_out
    }


def private(response, *, noindex=True):
    """Mark a page holding a CSRF token or what a visitor typed: no cache keeps
    it, and (unless the page itself is public) search engines leave it out."""
    add_never_cache_headers(response)
    if noindex:
        response["X-Robots-Tag"] = "noindex"
    return response


def render_public_form(request, template, context, status=200):
    """A public form's page, or what follows it: rendered, never cached, not indexed."""
    return private(TemplateResponse(request, template, context, status=status))
