import secrets

from django.conf import settings
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaign.sites.signed_links import SignedLink

PREVIEW_LINK = SignedLink(salt="campaign.previews")


def new_key():
    return secrets.token_urlsafe(24)


class PreviewLinkQuerySet(models.QuerySet):
    def open(self):
        return self.filter(expires_on__gte=timezone.localdate())

    def expired_before(self, day):
        return self.filter(expires_on__lt=day)


class PreviewLink(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Die Seite, deren neuester Entwurf gezeigt wird."),
    )
    key = models.CharField(max_length=64, default=new_key, editable=False)
    expires_on = models.DateField(
        _("Gültig bis einschließlich"),
        help_text=_("Danach zeigt der Link nur noch einen Hinweis, dass er abgelaufen ist."),
    )
    note = models.CharField(
        _("Wofür?"),
        max_length=200,
        blank=True,
        help_text=_("Nur für die Redaktion, z. B. „Personalversammlung 12. März“."),
    )
    times_opened = models.PositiveIntegerField(_("Aufgerufen"), default=0, editable=False)
    created_at = models.DateTimeField(_("Erstellt"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Erstellt von"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("Vorschau-Link")
        verbose_name_plural = _("Vorschau-Links")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Vorschau von „%(title)s“ bis %(day)s") % {
            "title": self.page.get_admin_display_title(),
            "day": self.expires_on.strftime("%d.%m.%Y"),
        }

    @property
    def token(self):
        return PREVIEW_LINK.token(self.pk, self.key)

    def get_path(self):
        return reverse("preview_link", args=[self.token])

    def get_url(self, request=None):
        """On the host of the page's own site, which dresses it in its look."""
        parts = self.page.get_url_parts(request)
        root_url = parts[1] if parts else ""
        return root_url + self.get_path()

    def is_expired(self, today=None):
        return self.expires_on < (today or timezone.localdate())

    def count_opening(self):
        # One UPDATE, no read: two visitors at once both count.
        type(self).objects.filter(pk=self.pk).update(times_opened=F("times_opened") + 1)
