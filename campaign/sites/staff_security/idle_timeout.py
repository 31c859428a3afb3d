"""Staff sessions end after STAFF_SESSION_IDLE_SECONDS without a request.

The time of a staff user's last request is kept in the session, from the
login on; a request after a longer pause logs the user out first, and the
admin then asks for the login again with a German note why. Only sessions
that carry the mark are touched (sessions older than this code get it on
their next admin request), so anonymous visitors never get a session (nor a
cookie) from here.
The time is renewed once a minute at most, so a busy editor's requests do
not each write the session; the timeout is thus exact to the minute.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import ngettext

LAST_ACTIVITY = "staff_last_activity"
RENEW_AFTER_SECONDS = 60


def idle_message():
    minutes = settings.STAFF_SESSION_IDLE_SECONDS // 60
    return ngettext(
        "Sie wurden nach %(minutes)d Minute ohne Aktivität abgemeldet.",
        "Sie wurden nach %(minutes)d Minuten ohne Aktivität abgemeldet.",
        minutes,
    ) % {"minutes": minutes}


def is_staff(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


@receiver(user_logged_in, dispatch_uid="staff_security_idle_clock")
def start_idle_clock(sender, request, user, **kwargs):
    if request is not None and is_staff(user):
        request.session[LAST_ACTIVITY] = int(time.time())


class StaffIdleTimeoutMiddleware:
    """After AuthenticationMiddleware and MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        in_admin = request.path.startswith(self.admin_prefix)
        now = int(time.time())
        last_activity = request.session.get(LAST_ACTIVITY)
        if last_activity is not None:
            if now - last_activity > settings.STAFF_SESSION_IDLE_SECONDS:
                logout(request)
                if in_admin:
                    # Wagtail sends the anonymous request on to its login, which shows this.
                    messages.warning(request, idle_message())
            elif now - last_activity >= RENEW_AFTER_SECONDS:
                request.session[LAST_ACTIVITY] = now
        elif in_admin and is_staff(request.user):
            request.session[LAST_ACTIVITY] = now
        return self.get_response(request)
