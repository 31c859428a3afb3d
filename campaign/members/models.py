"""Members: visitors with an account on the public side (never editors).

The account itself is Django's User (username = the normalised e-mail
address, inactive until the address is confirmed); the profile records on
which employer's site someone registered and when they confirmed, so
unconfirmed accounts can be deleted after a week.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

UNVERIFIED_RETENTION = datetime.timedelta(days=7)


class MemberQuerySet(models.QuerySet):
    def unverified_before(self, moment):
        return self.filter(verified_at__isnull=True, registered_at__lt=moment)

    def expired_unverified(self, now=None):
        return self.unverified_before((now or timezone.now()) - UNVERIFIED_RETENTION)


class Member(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Konto"),
        on_delete=models.CASCADE,
        related_name="member",
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Registriert auf"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    registered_at = models.DateTimeField(_("Registriert am"), default=timezone.now)
    verified_at = models.DateTimeField(_("E-Mail bestätigt am"), null=True, blank=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("Mitglied")
        verbose_name_plural = _("Mitglieder")

    def __str__(self):
        return self.user.get_username()
