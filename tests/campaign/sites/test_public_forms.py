"""The public forms' kit: KERN markup from Django's fields, the honeypot, typed input."""

import re

from django import forms
from django.test import RequestFactory

from campaign.sites import signed_links
from campaign.sites.public_forms import PublicForm, typed_input


class ExampleForm(PublicForm):
    email = forms.EmailField(label="E-Mail-Adresse", help_text="Für die Antwort.")
    password = forms.CharField(label="Passwort", widget=forms.PasswordInput)
    consent = forms.BooleanField(label="Einverstanden")
    slot = forms.ChoiceField(
        label="Uhrzeit", choices=[("9", "9 Uhr"), ("10", "10 Uhr")], widget=forms.RadioSelect
    )


def _html(form, name):
    return str(form[name].as_field_group())


def test_what_was_typed_and_ticked_comes_back_but_never_a_password():
    form = ExampleForm(
        {"email": "ada@example.org", "password": "geheim", "consent": "on", "slot": "10"}
    )
    form.is_valid()

    assert 'name="email" id="id_email" value="ada@example.org"' in _html(form, "email")
    assert "geheim" not in _html(form, "password")
    assert re.search(r'name="consent" id="id_consent" checked', _html(form, "consent"))
    assert re.search(r'value="10" id="id_slot_1" checked', _html(form, "slot"))


def test_an_error_is_tied_to_its_field_in_german():
    form = ExampleForm({"email": "ada(at)example"})
    form.is_valid()
    html = _html(form, "email")

    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'id="id_email_helptext"' in html
    assert re.search(
        r'<p class="kern-error" id="id_email_error">Bitte geben Sie eine gültige', html
    )
    assert "kern-form-input--error" in html
    # A group of radio buttons is a fieldset the error describes, and the
    # error summary's link (form[...].anchor) can take the focus there.
    slot = _html(form, "slot")
    assert '<fieldset class="kern-fieldset" id="id_slot" tabindex="-1"' in slot
    assert 'aria-describedby="id_slot_error"' in slot
    assert form["slot"].anchor == "id_slot"
    assert form["email"].anchor == "id_email"


def test_the_honeypot_is_hidden_and_never_shows_what_a_bot_typed():
    form = ExampleForm({"homepage": "https://spam.example"})
    html = _html(form, "homepage")

    assert form.is_spam()
    assert html.strip().startswith("<div hidden>")
    assert 'tabindex="-1"' in html
    assert "spam.example" not in html
    assert not ExampleForm({"homepage": ""}).is_spam()


def test_typed_input_keeps_every_ticked_value_and_leaves_out_passwords():
    request = RequestFactory().post(
        "/", {"email": "ada@example.org", "password": "geheim", "berufsfeld": ["3", "5"]}
    )

    assert typed_input(request, leave_out={"password"}) == {
        "email": "ada@example.org",
        "berufsfeld": ["3", "5"],
    }


def test_forms_outside_the_kit_keep_djangos_markup():
    class AdminLikeForm(forms.Form):
        email = forms.EmailField()

    assert "kern-" not in str(AdminLikeForm()["email"].as_field_group())


def test_a_refused_link_names_why_with_its_status():
    class GoneThing(signed_links.GoneLink):
        pass

    def problem(error):
        return signed_links.problem(error, expired="abgelaufen", gone="weg")

    assert problem(signed_links.ExpiredLink()) == ("abgelaufen", 410)
    assert problem(GoneThing()) == ("weg", 404)
    message, status = problem(signed_links.InvalidLink())
    assert status == 400
    assert "vollständig aus der E-Mail" in message
