"""The members' pages under /konto/: register, confirm, log in and out, reset
the password, see and delete one's account.

House style of the public forms: 422 with what was typed (never the
passwords) on an error, 303 after success, 429 with a German message past a
rate limit. Failed logins are django-axes' business (campaign/sites/login_lockout.py).
"""

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page, PageViewRestriction, Site

from campaign.members import accounts, captcha
from campaign.members.forms import (
    DeletionForm,
    LoginForm,
    MemberPasswordResetForm,
    MemberSetPasswordForm,
    RegistrationForm,
    ResendForm,
)
from campaign.members.tasks import EXISTS, RESET, VERIFY, send_member_mail
from campaign.members.tokens import user_for_key
from campaign.models import EmployerSettings, Member
from campaign.sites import branding
from campaign.sites.public_forms import render_public_form, typed_input
from campaign.sites.rate_limits import RateLimit

REGISTRATION_LIMIT = RateLimit("member-registration", 5, 60 * 60)
RESEND_LIMIT = RateLimit("member-resend", 5, 60 * 60)
PASSWORD_RESET_LIMIT = RateLimit("member-password-reset", 5, 60 * 60)
PASSWORD_FIELDS = {"password1", "password2", "password"}


def _render(request, template, context, status=200):
    return render_public_form(request, f"campaign/members/{template}", context, status)


def _too_many(what):
    return _(
        "Von Ihrem Anschluss kamen in kurzer Zeit viele Anfragen für %(what)s. Bitte warten Sie "
        "eine Stunde und versuchen Sie es dann noch einmal."
    ) % {"what": what}


def safe_next(request):
    """The `next` address if it stays on this host, else ""."""
    value = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return value if allowed else ""


def _with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def restricted_page(request, next_url):
    """The member-only page `next` points to (Wagtail's privacy "logged-in users",
    or a teaser with a part for members), or None."""
    if not next_url:
        return None
    try:
        match = resolve(urlsplit(next_url).path)
    except Resolver404:
        return None
    if match.url_name != "wagtail_serve":
        return None
    page = Page.find_for_request(request, match.args[0] if match.args else "")
    # Wagtail caches the route on the request; this one was for another address.
    del request._wagtail_route_for_request
    if page is None:
        return None
    restrictions = page.get_view_restrictions()
    if restrictions.filter(restriction_type=PageViewRestriction.LOGIN).exists():
        return page
    # A public teaser with a part for members (campaign/members/teaser.py).
    specific = page.specific
    return specific if getattr(specific, "has_member_part", False) else None


def _home_site(user):
    """The site the member account belongs to, or None (editors, deleted sites)."""
    member = Member.objects.filter(user=user).select_related("site").first()
    return member.site if member is not None else None


def _send(request, kind, user, next_url=""):
    """Queue a member's e-mail once the account is saved. Its links lead to the
    site the account belongs to: asked for on another employer's site, where
    the account cannot log in, the mail names that site and leads home."""
    here = Site.find_for_request(request)
    home = _home_site(user)
    base_url, site_name = (
        f"{request.scheme}://{request.get_host()}",
        branding.for_request(request).name,
    )
    asked_on = ""
    if home is not None and here is not None and home.pk != here.pk:
        asked_on, next_url = site_name, ""
        base_url = home.root_url
        site_name = EmployerSettings.for_site(home).organisation_name or home.site_name
    args = (kind, user.pk, base_url, site_name, get_language() or "de", next_url, asked_on)
    transaction.on_commit(lambda: send_member_mail.enqueue(*args))


def register(request):
    if request.user.is_authenticated:
        return redirect("members:account")
    next_url = safe_next(request)
    context = {"next": next_url, "restricted_page": restricted_page(request, next_url)}
    context["challenge"] = challenge = captcha.new_challenge()
    if request.method != "POST":
        context["form"] = RegistrationForm(question=challenge.question)
        return _render(request, "register.html", context)
    if REGISTRATION_LIMIT.exceeded(request):
        context.update(
            form=RegistrationForm(
                initial=typed_input(request, leave_out=PASSWORD_FIELDS),
                question=challenge.question,
            ),
            problem=_too_many(_("eine Registrierung")),
        )
        return _render(request, "register.html", context, status=429)
    form = RegistrationForm(request.POST, question=challenge.question)
    done = HttpResponseRedirect(_with_next(reverse("members:registered"), next_url), status=303)
    if form.is_spam():
        REGISTRATION_LIMIT.count(request)
        return done
    if not form.is_valid():
        context["form"] = form
        return _render(request, "register.html", context, status=422)
    REGISTRATION_LIMIT.count(request)
    existing = accounts.account_of(form.cleaned_data["email"])
    with transaction.atomic():
        if existing is None:
            user = accounts.register(
                form.cleaned_data["email"],
                form.cleaned_data["password1"],
                Site.find_for_request(request),
            )
            _send(request, VERIFY, user, next_url)
        elif accounts.unverified_member(existing.username) is not None:
            _send(request, VERIFY, existing, next_url)
        else:
            # The same answer as for a new account; only the owner's mailbox
            # learns that the address is known, with the way back in.
            _send(request, EXISTS, existing, next_url)
    return done


def registered(request):
    return _render(request, "registered.html", {"next": safe_next(request)})


@require_POST
def resend(request):
    """The confirmation mail once more, offered by the login to an unconfirmed account."""
    if RESEND_LIMIT.exceeded(request):
        context = {"problem": _too_many(_("die Bestätigungs-E-Mail"))}
        return _render(request, "registered.html", context, status=429)
    RESEND_LIMIT.count(request)
    form = ResendForm(request.POST)
    next_url = safe_next(request)
    if form.is_valid():
        user = accounts.unverified_member(form.cleaned_data["email"])
        if user is not None:
            _send(request, VERIFY, user, next_url)
    # The same answer either way: it tells no one which addresses have accounts.
    url = _with_next(reverse("members:registered"), next_url)
    return HttpResponseRedirect(f"{url}{'&' if next_url else '?'}erneut=1", status=303)


def verify(request, key):
    """The mailed link shows a button; only its POST confirms. Mail scanners
    that open every link (common in public administrations) would otherwise
    use the link up before its owner clicks it."""
    candidates = get_user_model().objects.filter(is_active=False, member__verified_at__isnull=True)
    user = user_for_key(key, candidates)
    if user is None:
        return _render(request, "verify_failed.html", {}, status=400)
    if request.method != "POST":
        return _render(request, "verify.html", {"next": safe_next(request), "email": user.email})
    accounts.activate(user)
    messages.success(
        request, _("Danke! Ihre E-Mail-Adresse ist bestätigt. Sie können sich jetzt anmelden.")
    )
    return redirect(_with_next(reverse("members:login"), safe_next(request)))


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "campaign/members/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        next_url = safe_next(self.request)
        context["restricted_page"] = restricted_page(self.request, next_url)
        context["registration_url"] = _with_next(reverse("members:register"), next_url)
        context["password_reset_url"] = reverse("members:password_reset")
        return context

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 422
        return response


class LogoutView(auth_views.LogoutView):
    def get_default_redirect_url(self):
        return branding.for_request(self.request).home_url


class PasswordResetView(auth_views.PasswordResetView):
    form_class = MemberPasswordResetForm
    template_name = "campaign/members/password_reset_form.html"
    success_url = reverse_lazy("members:password_reset_done")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["send"] = lambda user: _send(self.request, RESET, user)
        return kwargs

    def post(self, request, *args, **kwargs):
        if PASSWORD_RESET_LIMIT.exceeded(request):
            form = MemberPasswordResetForm(initial=typed_input(request, leave_out=PASSWORD_FIELDS))
            context = self.get_context_data(form=form, problem=_too_many(_("ein neues Passwort")))
            return self.render_to_response(context, status=429)
        PASSWORD_RESET_LIMIT.count(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        form.save(domain_override=self.request.get_host(), request=self.request)
        return HttpResponseRedirect(self.get_success_url(), status=303)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 422
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = MemberSetPasswordForm
    template_name = "campaign/members/password_reset_confirm.html"
    success_url = reverse_lazy("members:password_reset_complete")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 422
        return response


@login_required
def account(request):
    context = {"member": getattr(request.user, "member", None)}
    return _render(request, "account.html", context)


@login_required
def delete(request):
    if not accounts.is_member(request.user):
        # Editors' accounts belong to the admin, not to this page.
        return redirect("members:account")
    if request.method != "POST":
        return _render(request, "delete.html", {"form": DeletionForm(user=request.user)})
    form = DeletionForm(request.POST, user=request.user)
    if not form.is_valid():
        return _render(request, "delete.html", {"form": form}, status=422)
    user = request.user
    logout(request)
    user.delete()
    return HttpResponseRedirect(reverse("members:deleted"), status=303)


def deleted(request):
    return _render(request, "deleted.html", {})
