"""The sitemap's part of open job postings (campaign/sites/sitemaps.py).

Expired postings leave it on the day after their deadline: the filter is the
queryset's `.open()`, in SQL, like every listing of postings.
"""

from campaign.sites.sitemaps import PageSection
from careers.models import JobPostingPage


class OpenPostingsSection(PageSection):
    page_types = ("careers.JobPostingPage",)

    def pages(self):
        return JobPostingPage.objects.open()
