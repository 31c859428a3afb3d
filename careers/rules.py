"""Rules of the careers domain that need no models: what "open" means.

A posting is open through the last day of its application deadline (in the
installation's time zone) and open without end when it has no deadline.
"""

from django.db.models import Q
from django.utils import timezone


def today():
    return timezone.localdate()


def open_on(on=None, prefix=""):
    """A Q for postings open on a date; `prefix` reaches them over a relation."""
    on = on or today()
    return Q(**{f"{prefix}application_deadline__isnull": True}) | Q(
        **{f"{prefix}application_deadline__gte": on}
    )


def expired_on(on=None, prefix=""):
    return Q(**{f"{prefix}application_deadline__lt": on or today()})


# How many postings a list shows at a time (posting index, job field, place).
POSTINGS_PER_PAGE = 50
