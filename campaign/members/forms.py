"""The members' forms: registration with the captcha, login, deletion."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from campaign.members import access, accounts, captcha
from campaign.sites.public_forms import EMAIL_ERRORS, KernFormRenderer, PublicForm


class FreshAnswerInput(forms.TextInput):
    """The answer to a new question: the old one is never shown again."""

    def format_value(self, value):
        return None


class CaptchaFormMixin(forms.Form):
    """The text captcha (campaign.members.captcha) in a public form: the answer,
    labelled with the page's question, and the signed token it is checked against.
    The template adds `<input type="hidden" name="captcha_token">` with the
    challenge's token; put the mixin before PublicForm among the bases."""

    captcha_answer = forms.CharField(
        label=gettext_lazy("Rechenaufgabe"),
        help_text=gettext_lazy("So wissen wir, dass ein Mensch das Formular schickt."),
        max_length=20,
        widget=FreshAnswerInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args, question="", **kwargs):
        """`question`: the captcha's question the page asks, for the answer's label."""
        super().__init__(*args, **kwargs)
        answer = self.fields["captcha_answer"]
        if question:
            answer.label = _("Rechenaufgabe: %(question)s") % {"question": question}
        answer.error_messages.update(
            required=_("Bitte geben Sie das Ergebnis der Rechenaufgabe ein."),
            max_length=_("Bitte geben Sie das Ergebnis als Zahl ein, z. B. 7."),
        )

    def clean_captcha_answer(self):
        answer = self.cleaned_data["captcha_answer"]
        try:
            captcha.check(self.data.get("captcha_token"), answer)
        except captcha.CaptchaError as error:
            raise forms.ValidationError(str(error), code="captcha") from None
        return answer


def _new_password_input():
    return forms.PasswordInput(attrs={"autocomplete": "new-password"})


class RegistrationForm(CaptchaFormMixin, PublicForm):
    email = forms.EmailField(
        label=gettext_lazy("E-Mail-Adresse"),
        help_text=gettext_lazy("Mit dieser Adresse melden Sie sich später an."),
        max_length=150,  # the length of Django's username
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=gettext_lazy("Passwort"),
        help_text=gettext_lazy(
            "Mindestens 8 Zeichen, nicht nur Ziffern, kein gängiges Passwort und nicht Ihrer "
            "E-Mail-Adresse ähnlich."
        ),
        strip=False,
        widget=_new_password_input(),
    )
    password2 = forms.CharField(
        label=gettext_lazy("Passwort wiederholen"), strip=False, widget=_new_password_input()
    )
    field_order = ["email", "password1", "password2", "captcha_answer"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["max_length"] = _(
            "Diese E-Mail-Adresse ist zu lang: höchstens 150 Zeichen."
        )
        self.fields["password1"].error_messages["required"] = _("Bitte wählen Sie ein Passwort.")
        self.fields["password2"].error_messages["required"] = _(
            "Bitte geben Sie das Passwort ein zweites Mal ein."
        )

    def clean_email(self):
        # A taken address is no error here: the form must not tell strangers
        # which addresses have accounts (the view writes to the owner instead).
        return accounts.normalise_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Die beiden Passwörter stimmen nicht überein."))
        elif first:
            email = cleaned.get("email") or ""
            user = get_user_model()(username=email, email=email)
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LoginForm(AuthenticationForm):
    """Django's login with the e-mail address; says so when it was never confirmed."""

    default_renderer = KernFormRenderer

    error_messages = {
        "invalid_login": gettext_lazy(
            "E-Mail-Adresse oder Passwort stimmen nicht. Achten Sie beim Passwort auf Groß- "
            "und Kleinschreibung."
        ),
        "inactive": gettext_lazy("Dieses Konto ist gesperrt."),
        # Only who knows the password gets this far: it tells strangers nothing.
        "other_site": gettext_lazy(
            "Mit diesem Konto können Sie sich hier nicht anmelden: Es gehört zur Website eines "
            "anderen Arbeitgebers. Melden Sie sich bitte dort an, oder registrieren Sie sich "
            "hier mit einer anderen E-Mail-Adresse."
        ),
        "unverified": gettext_lazy(
            "Sie haben Ihre E-Mail-Adresse noch nicht bestätigt. Öffnen Sie bitte den Link in "
            "der E-Mail, die wir Ihnen geschickt haben, oder lassen Sie sie sich noch einmal "
            "schicken."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("E-Mail-Adresse")
        username_input = self.fields["username"].widget
        username_input.input_type = "email"
        username_input.attrs.pop("autofocus", None)  # the page starts at its heading
        self.fields["username"].error_messages["required"] = EMAIL_ERRORS["required"]
        self.fields["password"].error_messages["required"] = _("Bitte geben Sie Ihr Passwort an.")
        self.unverified_email = ""

    def clean_username(self):
        return accounts.normalise_email(self.cleaned_data["username"])

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        # A member account reads only its own site's content: no session for it here.
        if access.registered_elsewhere(user, Site.find_for_request(self.request)):
            raise forms.ValidationError(self.error_messages["other_site"], code="other_site")

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            username = self.cleaned_data.get("username")
            password = self.cleaned_data.get("password")
            locked = getattr(self.request, "axes_locked_out", False)
            user = None if locked or not password else accounts.unverified_member(username)
            if user is not None and user.check_password(password):
                self.unverified_email = user.email
                raise forms.ValidationError(
                    self.error_messages["unverified"], code="unverified"
                ) from None
            raise


class ResendForm(forms.Form):
    email = forms.EmailField(max_length=150)


class MemberPasswordResetForm(PasswordResetForm):
    """Django's reset for members only (editors reset in the admin); the mail goes as a task."""

    default_renderer = KernFormRenderer

    def __init__(self, *args, send=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.send = send
        self.fields["email"].label = _("E-Mail-Adresse")
        self.fields["email"].error_messages.update(EMAIL_ERRORS)

    def get_users(self, email):
        users = get_user_model().objects.filter(
            username=accounts.normalise_email(email), is_active=True, member__isnull=False
        )
        return (user for user in users if user.has_usable_password())

    def send_mail(self, subject_template, email_template, context, from_email, to_email, **kw):
        self.send(context["user"])


class MemberSetPasswordForm(SetPasswordForm):
    """Django's new password after a reset, in KERN's markup."""

    default_renderer = KernFormRenderer


class DeletionForm(forms.Form):
    default_renderer = KernFormRenderer

    password = forms.CharField(
        label=gettext_lazy("Ihr Passwort"),
        help_text=gettext_lazy("Zur Sicherheit: Geben Sie Ihr Passwort ein, um zu bestätigen."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["password"].error_messages["required"] = _(
            "Bitte geben Sie Ihr Passwort ein, um das Konto zu löschen."
        )

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("Das Passwort stimmt nicht. Ihr Konto wurde nicht gelöscht.")
            )
        return password
