"""Failed logins lock out (django-axes), for members and editors alike.

Two locks, both for AXES_COOLOFF_TIME: one account from one address after
AXES_FAILURE_LIMIT failures (someone guessing a password), and one address
for every account after STELLWERK_ADDRESS_FAILURE_LIMIT failures (someone
trying one password on many accounts, "password spraying"). axes counts
both (AXES_LOCKOUT_PARAMETERS) but compares them with one limit; the handler
below gives each its own. The lockout answers 429 with Retry-After.
"""

import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import (
    get_client_username,
    get_cool_off,
    get_failure_limit,
    get_lockout_parameters,
)
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

ACCOUNT = ("username", "ip_address")
ADDRESS = ("ip_address",)


def _parameters(parameter):
    return (parameter,) if isinstance(parameter, str) else tuple(parameter)


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        failures = {
            _parameters(parameter): attempts.aggregate(total=Sum("failures_since_start"))["total"]
            or 0
            for parameter, attempts in zip(
                get_lockout_parameters(request, credentials),
                self.get_user_attempts(request, credentials),
                strict=True,
            )
        }
        limit = get_failure_limit(request, credentials)
        address_limit = settings.STELLWERK_ADDRESS_FAILURE_LIMIT
        per_address = failures.get(ADDRESS, 0)
        # Which lock holds, for the lockout page's wording.
        request.stellwerk_address_locked = per_address >= address_limit
        # axes compares one number with AXES_FAILURE_LIMIT: the address's count
        # is scaled so that it reaches that limit exactly at its own.
        return max(failures.get(ACCOUNT, 0), per_address * limit // address_limit)

    def reset_user_attempts(self, request, credentials=None):
        """After a successful login only that account's failures from this address
        are forgiven: whoever sprays passwords cannot wipe the address's count by
        logging into an account of their own."""
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address
        ).delete()
        return count


def retry_after_seconds(request):
    """The wait until the lock lifts: every failure, also one during the lockout,
    starts the cool-off again (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT),
    and a lockout page only ever answers one."""
    return max(1, math.ceil(get_cool_off(request).total_seconds()))


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the German lockout page, 429 with Retry-After."""
    seconds = retry_after_seconds(request)
    address_locked = getattr(request, "stellwerk_address_locked", False)
    context = {
        "address_locked": address_locked,
        "failure_limit": (
            settings.STELLWERK_ADDRESS_FAILURE_LIMIT
            if address_locked
            else get_failure_limit(request, credentials)
        ),
        "minutes": math.ceil(seconds / 60),
    }
    response = render(request, "campaign/members/lockout.html", context, status=429)
    response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response
