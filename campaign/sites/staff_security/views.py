"""The second step of the admin login for staff who may see applications:
set up an authenticator app (QR code and key as text, backup codes shown
once), then enter its code after each password login.

Codes are checked by django-otp within its throttle (each failure doubles the
wait before the next try), so they cannot be guessed: a wrong code gets a 422,
a try during the wait a 429, each with a German message beside the field.
"""

import math

import django_otp
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from campaign.sites.staff_security.devices import (
    backup_codes_of,
    confirm_authenticator,
    pending_authenticator,
    qr_code_svg,
    secret_of,
)
from campaign.sites.staff_security.forms import CodeForm
from campaign.sites.staff_security.second_factor import (
    SETUP,
    VERIFY,
    authenticator_of,
    needs_second_factor,
)

TEMPLATES = "campaign/staff_security/"


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _wrong_code(form):
    form.add_error(
        "code",
        _(
            "Dieser Code stimmt nicht. Bitte geben Sie den Code ein, den Ihre "
            "Authenticator-App gerade anzeigt, oder einen Ihrer Notfallcodes."
        ),
    )
    return 422


def _check(request, form, device):
    """The device if it accepts the code; otherwise None and the status of the refusal."""
    allowed, details = device.verify_is_allowed()
    if not allowed:
        locked_until = (details or {}).get("locked_until", timezone.now())
        seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
        request.retry_after = seconds  # the 429's Retry-After (campaign.sites.rate_limits)
        form.add_error(
            "code",
            ngettext(
                "Zu viele falsche Codes. Bitte warten Sie %(seconds)d Sekunde und "
                "versuchen Sie es dann erneut.",
                "Zu viele falsche Codes. Bitte warten Sie %(seconds)d Sekunden und "
                "versuchen Sie es dann erneut.",
                seconds,
            )
            % {"seconds": seconds},
        )
        return None, 429
    verified = django_otp.verify_token(
        request.user, device.persistent_id, form.cleaned_data["code"]
    )
    if verified is None:
        return None, _wrong_code(form)
    return verified, 200


def _mark_verified(request, device):
    # A new session key for the more trusted session (no fixation across the step).
    request.session.cycle_key()
    django_otp.login(request, device)


@require_http_methods(["GET", "POST"])
def verify(request):
    user, next_url = request.user, _next_url(request)
    if not needs_second_factor(user) or user.is_verified():
        return redirect(next_url)
    authenticator = authenticator_of(user)
    if authenticator is None:
        return redirect_to_login(next_url, reverse(SETUP))
    form = CodeForm(
        request.POST or None,
        help_text=_("Sechs Ziffern aus Ihrer Authenticator-App, oder einer Ihrer Notfallcodes."),
    )
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            device = authenticator if form.is_app_code() else backup_codes_of(user)
            if device is None:
                status = _wrong_code(form)
            else:
                verified, status = _check(request, form, device)
                if verified is not None:
                    _mark_verified(request, verified)
                    return HttpResponseRedirect(next_url, status=303)
    return render(
        request, TEMPLATES + "verify.html", {"form": form, "next": next_url}, status=status
    )


@require_http_methods(["GET", "POST"])
def setup(request):
    user, next_url = request.user, _next_url(request)
    if not needs_second_factor(user) or user.is_verified():
        return redirect(next_url)
    if authenticator_of(user) is not None:
        # Only the first authenticator is set up here: a password alone never adds another.
        return redirect_to_login(next_url, reverse(VERIFY))
    device = pending_authenticator(user)
    form = CodeForm(
        request.POST or None,
        help_text=_("Die sechs Ziffern, die Ihre App nach dem Einrichten anzeigt."),
    )
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            verified, status = _check(request, form, device)
            if verified is not None:
                codes = confirm_authenticator(verified)
                _mark_verified(request, verified)
                # Shown once, in this answer only; they are stored only as tokens to use up.
                context = {"codes": codes, "next": next_url}
                return render(request, TEMPLATES + "backup_codes.html", context)
    context = {
        "form": form,
        "next": next_url,
        "qr_code": qr_code_svg(device, _("QR-Code zum Einrichten Ihrer Authenticator-App")),
        "secret": secret_of(device),
    }
    return render(request, TEMPLATES + "setup.html", context, status=status)
