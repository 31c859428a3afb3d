"""RSS and Atom feeds of an employer's press releases, newest first.

The press index serves them as sub-routes (`rss/`, `atom/`), like careers'
feeds of postings, so a feed lives beside the page whose releases it lists.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 30


def _start_of(day):
    """A release has a date, feeds want a moment: the start of that day, local time."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


class PressReleasesFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "de"

    def get_object(self, request, page):
        self.request = request
        return page

    def title(self, page):
        from campaign.branding import for_request

        return _("%(page)s – %(employer)s") % {
            "page": page.title,
            "employer": for_request(self.request).name,
        }

    def link(self, page):
        return self.request.build_absolute_uri(page.get_url(self.request))

    def description(self, page):
        return page.lead or _("Pressemitteilungen")

    subtitle = description

    def items(self, page):
        return page.releases()[:FEED_LENGTH]

    def item_title(self, release):
        return release.title

    def item_description(self, release):
        return release.lead

    def item_link(self, release):
        return self.request.build_absolute_uri(release.get_url(self.request))

    def item_pubdate(self, release):
        return _start_of(release.release_date)

    def item_updateddate(self, release):
        return release.last_published_at


class PressReleasesAtomFeed(PressReleasesFeed):
    feed_type = Atom1Feed
