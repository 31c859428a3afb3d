"""RSS and Atom feeds beside the pages that list things: press releases here,
postings in careers.

`FeedRoutesMixin` gives a page the sub-routes `rss/` and `atom/`, so a feed
lives beside the page whose items it lists and moves with it; the page names
its `feed_class`, a `PageFeed` that says which items and how to describe
them. One feed object per request, as it keeps the request.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class PageFeed(Feed):
    """A feed titled with its page and the employer, linking pages absolutely."""

    feed_type = Rss201rev2Feed
    language = "de"
    fallback_description = ""

    def get_object(self, request, page):
        self.request = request
        return page

    def title(self, page):
        from campaign.sites.branding import for_request

        return _("%(page)s – %(employer)s") % {
            "page": page.title,
            "employer": for_request(self.request).name,
        }

    def link(self, page):
        return page.get_full_url(self.request)

    def description(self, page):
        return getattr(page, "lead", "") or str(self.fallback_description)

    subtitle = description

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)


class FeedRoutesMixin(RoutablePageMixin):
    """`rss/` and `atom/` below a page; the page sets `feed_class`."""

    feed_class = None

    @path("rss/", name="feed_rss")
    def feed_rss(self, request):
        return self.feed_class()(request, page=self)

    @path("atom/", name="feed_atom")
    def feed_atom(self, request):
        feed = self.feed_class()
        feed.feed_type = Atom1Feed
        return feed(request, page=self)


def _start_of(day):
    """A release has a date, feeds want a moment: the start of that day, local time."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


class PressReleasesFeed(PageFeed):
    """An employer's press releases, newest first."""

    fallback_description = gettext_lazy("Pressemitteilungen")
    length = 30

    def items(self, page):
        return page.releases()[: self.length]

    def item_description(self, release):
        return release.lead

    def item_pubdate(self, release):
        return _start_of(release.release_date)

    def item_updateddate(self, release):
        return release.last_published_at
