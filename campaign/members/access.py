"""Member-only content belongs to one employer: who may read it, on which site.

Wagtail's privacy "Private, accessible to logged-in users" (a LOGIN view
restriction on a page or a collection) lets in every account of the
installation. Here it is narrowed to the site the content belongs to: its
members (registered and confirmed there), its editors (to check what they
publish) and superusers. Anonymous visitors stay Wagtail's business (the
login with its note); anyone else logged in gets a German 403 with the way
to log out and in again, or to register here.
"""

from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from wagtail.models import BaseViewRestriction, Site

from campaign.models import Member
from campaign.sites.admin_scoping import edits_site, site_of


def may_read(user, site):
    """May `user` read member-only pages and documents of `site`?"""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if site is None:
        return False
    # Members first, the common case (one query); editors' groups only otherwise.
    if Member.objects.filter(user=user, site=site, verified_at__isnull=False).exists():
        return True
    return edits_site(user, site.pk)


def registered_elsewhere(user, site):
    """A member account of another site (or of a deleted one): not to log in on `site`.
    Editors' and administrators' accounts are no members and are not asked about."""
    member = Member.objects.filter(user=user).only("site_id").first()
    return member is not None and (site is None or member.site_id != site.pk)


def _login_restricted(restrictions):
    return restrictions.filter(restriction_type=BaseViewRestriction.LOGIN).exists()


def refusal(request, title):
    """The 403 for an account that is logged in but not one of this site's."""
    here = request.get_full_path()
    context = {
        "title": title,
        "next": here,
        "registration_url": f"{reverse('members:register')}?{urlencode({'next': here})}",
    }
    response = render(request, "campaign/members/other_site.html", context, status=403)
    add_never_cache_headers(response)
    return response


def check_member_site(serve):
    """An `on_serve_page` hook that runs inside Wagtail's `check_view_restrictions`
    (registered with a later order), so only accounts Wagtail let in get here."""

    def inner(page, request, serve_args, serve_kwargs):
        user = request.user
        # Anonymous visitors cost no query here (most requests, and the cached ones).
        if user.is_authenticated and not user.is_superuser:
            # The request's site, not page.get_site(): /en/ pages lie in the
            # translated tree, which is no Site's own.
            site = Site.find_for_request(request)
            if _login_restricted(page.get_view_restrictions()) and not may_read(user, site):
                return refusal(request, page.title)
        return serve(page, request, serve_args, serve_kwargs)

    return inner


def check_member_document(document, request):
    """A `before_serve_document` hook after Wagtail's own: a document of a
    login-restricted collection is served on its site's host only, to those
    who may read that site's member content."""
    if not request.user.is_authenticated:
        return None
    if not _login_restricted(document.collection.get_view_restrictions()):
        return None
    site = Site.find_for_request(request)
    if site is not None and site_of(document) == site.pk and may_read(request.user, site):
        return None
    return refusal(request, document.title)
