"""Who needs a second factor in the admin, and the middleware that asks for it.

Wagtail's login stays the first step (password). Afterwards every admin page
of a user who needs the second factor leads to the code step until a device
of django-otp has verified the session (`request.user.is_verified()`, set by
django-otp's OTPMiddleware), or to the setup when the user has no confirmed
authenticator yet. The rule is written once, here, from one setting.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

SETUP = "staff_second_factor_setup"
VERIFY = "staff_second_factor_verify"

# Admin views an unverified user must still reach: the first step and the way
# out, the password reset, what those pages load, and the second factor itself.
ALWAYS_REACHABLE = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    SETUP,
    VERIFY,
}


def needs_second_factor(user):
    """Whether the user may see applicants' data (superusers may see everything)."""
    if not user.is_authenticated:
        return False
    return any(user.has_perm(name) for name in settings.STELLWERK_SECOND_FACTOR_PERMISSIONS)


def authenticator_of(user):
    """The user's confirmed authenticator app, if set up."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


class SecondFactorMiddleware:
    """After AuthenticationMiddleware and django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        if not request.path.startswith(self.admin_prefix):
            return None
        if request.resolver_match.url_name in ALWAYS_REACHABLE:
            return None
        user = request.user
        if not needs_second_factor(user) or user.is_verified():
            return None
        step = VERIFY if authenticator_of(user) else SETUP
        return redirect_to_login(request.get_full_path(), reverse(step))
