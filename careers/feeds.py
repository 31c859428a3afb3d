"""RSS and Atom feeds of new postings, per site (the postings index) and per job field.

The pages serve them as sub-routes (`rss/`, `atom/`, campaign's
FeedRoutesMixin), so each feed lives beside the page whose postings it
lists and moves with it. Expired postings drop out
of the feed as they drop out of the listing.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.sites.feeds import PageFeed

FEED_LENGTH = 50


class PostingsFeed(PageFeed):
    """Open postings below a page (`feed_postings()`), newest first."""

    fallback_description = gettext_lazy("Neue Stellenangebote")

    def items(self, page):
        return (
            page.feed_postings()
            .select_related("job_field")
            .order_by("-first_published_at", "title")[:FEED_LENGTH]
        )

    def item_description(self, posting):
        deadline = (
            _("Bewerbungsfrist: %(date)s")
            % {"date": posting.application_deadline.strftime("%d.%m.%Y")}
            if posting.application_deadline
            else _("Ohne Bewerbungsfrist")
        )
        return f"{posting.lead}\n\n{deadline}"

    def item_guid(self, posting):
        return f"{posting.get_full_url(self.request)}#{posting.reference}"

    item_guid_is_permalink = False

    def item_pubdate(self, posting):
        return posting.first_published_at

    def item_updateddate(self, posting):
        return posting.last_published_at

    def item_categories(self, posting):
        return [posting.job_field.title] if posting.job_field else []
