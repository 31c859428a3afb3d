"""Teaser public, the rest for members (seed 003): a page's own part for members.

Besides Wagtail's privacy (the whole page for logged-in users, see access.py),
a page type with `MemberPart` has a second StreamField, `member_body`, that
only the site's members (and its editors) read. Everything else — headline,
date, lead and `body` — stays public: listed, in feeds, the sitemap and the
search. The member part is its own field rather than a marker inside `body`,
so nothing that reads a page's public fields (search index, feeds, JSON-LD,
meta description, press kit, page cache of the lists) can leak it: only the
page's own template renders it, and only for those `access.may_read` lets in.

Anonymous visitors get the note, the login and the registration with its
captcha right on the page, both posting to the members' own views with the
page as `next`, so they land back on the full text. That page holds a CSRF
token and a one-time captcha, and a member's view holds the member part:
neither may ever be stored, so a page with a member part is always answered
`private` (campaign/sites/public_forms.py); the page cache and the proxies in
front keep none of its variants. Its lists, feeds and search stay cached.
"""

from django.db import models
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Site

from campaign.members import captcha
from campaign.pages.blocks import BodyBlock
from campaign.sites.public_forms import private


def member_body_panel():
    return FieldPanel("member_body", heading=_("Weiter nur für Mitglieder"))


class MemberPart(models.Model):
    """An abstract page part: `body` public, `member_body` for the site's members."""

    member_body = StreamField(
        BodyBlock(),
        verbose_name=_("Inhalt nur für Mitglieder"),
        blank=True,
        help_text=_(
            "Was hier steht, lesen nur angemeldete Mitglieder dieser Website. Überschrift, "
            "Datum, Vorspann und der Inhalt oben bleiben öffentlich: in Übersichten, Feeds "
            "und der Suche. Gäste sehen an dieser Stelle die Anmeldung und die Registrierung."
        ),
    )

    class Meta:
        abstract = True

    @property
    def has_member_part(self):
        return bool(self.member_body)

    def member_part_context(self, request):
        """What the template needs below the public part: the member part for
        those who may read it, else the way in."""
        # Imported here: access and the forms need the models this module helps define.
        from campaign.members import access
        from campaign.members.forms import LoginForm, RegistrationForm

        user = request.user
        if access.may_read(user, Site.find_for_request(request)):
            return {"member_part_visible": True}
        # The page itself, without whatever a link appended to it.
        here = request.path
        if user.is_authenticated:
            # Logged in with another site's account: the way out, as access.refusal gives.
            registration = f"{reverse('members:register')}?{urlencode({'next': here})}"
            return {"member_part_elsewhere": True, "next": here, "registration_url": registration}
        challenge = captcha.new_challenge()
        return {
            "next": here,
            "login_form": LoginForm(request),
            "registration_form": RegistrationForm(question=challenge.question),
            "challenge": challenge,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.has_member_part:
            context.update(self.member_part_context(request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.has_member_part:
            # Forms with a CSRF token and a one-time captcha, or the member part:
            # no cache keeps either. Search engines still index the public part.
            private(response, noindex=False)
        return response
