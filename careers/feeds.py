"""RSS and Atom feeds of new postings, per site (the postings index) and per job field.

The pages serve them as sub-routes (`rss/`, `atom/`, see
RoutablePageMixin on the two page types), so each feed lives beside the
page whose postings it lists and moves with it. Expired postings drop out
of the feed as they drop out of the listing.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 50


class PostingsFeed(Feed):
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
        return page.get_full_url(self.request)

    def description(self, page):
        return getattr(page, "lead", "") or _("Neue Stellenangebote")

    subtitle = description

    def items(self, page):
        return (
            page.feed_postings()
            .select_related("job_field")
            .order_by("-first_published_at", "title")[:FEED_LENGTH]
        )

    def item_title(self, posting):
        return posting.title

    def item_description(self, posting):
        deadline = (
            _("Bewerbungsfrist: %(date)s")
            % {"date": posting.application_deadline.strftime("%d.%m.%Y")}
            if posting.application_deadline
            else _("Ohne Bewerbungsfrist")
        )
        return f"{posting.lead}\n\n{deadline}"

    def item_link(self, posting):
        return posting.get_full_url(self.request)

    def item_guid(self, posting):
        return f"{posting.get_full_url(self.request)}#{posting.reference}"

    item_guid_is_permalink = False

    def item_pubdate(self, posting):
        return posting.first_published_at

    def item_updateddate(self, posting):
        return posting.last_published_at

    def item_categories(self, posting):
        return [posting.job_field.title] if posting.job_field else []


class PostingsAtomFeed(PostingsFeed):
    feed_type = Atom1Feed
