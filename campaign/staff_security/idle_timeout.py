"""Staff sessions end after STAFF_SESSION_IDLE_SECONDS without a request.

The time of a staff user's last request is kept in the session; a request
after a longer pause logs the user out first, and the admin then asks for
the login again with a German note why. Only sessions that already carry the
mark are touched, and the mark is set on admin requests of users with admin
access, so anonymous visitors never get a session (nor a cookie) from here.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.urls import reverse
from django.utils.translation import ngettext

LAST_ACTIVITY = "staff_last_activity"


def idle_message():
    minutes = settings.STAFF_SESSION_IDLE_SECONDS // 60
    return ngettext(
        "Sie wurden nach %(minutes)d Minute ohne Aktivität abgemeldet.",
        "Sie wurden nach %(minutes)d Minuten ohne Aktivität abgemeldet.",
        minutes,
    ) % {"minutes": minutes}


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
            else:
                request.session[LAST_ACTIVITY] = now
        elif (
            in_admin
            and request.user.is_authenticated
            and request.user.has_perm("wagtailadmin.access_admin")
        ):
            request.session[LAST_ACTIVITY] = now
        return self.get_response(request)
