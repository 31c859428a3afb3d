"""The rules of a member account: the e-mail address is the login."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from campaign.models import Member


def normalise_email(value):
    """One spelling per address: `Name@Example.org` and `name@example.org` are one account."""
    return (value or "").strip().lower()


def axes_username(request, credentials):
    """What django-axes counts failures against: the login as our forms normalise it."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username")
    # Its record holds 255 characters; no account's login is longer (150).
    return normalise_email(username)[:255]


def account_of(email):
    """The account whose login is this address, whatever its case, or None."""
    return get_user_model().objects.filter(username__iexact=normalise_email(email)).first()


@transaction.atomic
def register(email, password, site):
    """An inactive account with its profile; active once the address is confirmed."""
    email = normalise_email(email)
    user = get_user_model().objects.create_user(
        username=email, email=email, password=password, is_active=False
    )
    Member.objects.create(user=user, site=site)
    return user


def unverified_member(username):
    """The inactive, never confirmed member of that login, or None."""
    return (
        get_user_model()
        .objects.filter(
            username=normalise_email(username), is_active=False, member__verified_at__isnull=True
        )
        .first()
    )


def activate(user):
    user.is_active = True
    user.save(update_fields=["is_active"])
    Member.objects.filter(user=user).update(verified_at=timezone.now())


def is_member(user):
    return user.is_authenticated and Member.objects.filter(user=user).exists()


def delete_expired_unverified(now=None):
    """Delete accounts whose address was never confirmed within a week; return how many."""
    users = get_user_model().objects.filter(
        is_active=False, member__in=Member.objects.expired_unverified(now)
    )
    count = users.count()
    users.delete()
    return count
