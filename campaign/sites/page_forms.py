"""The admin form of every page type of the project: relations stay within the
page's employer (campaign.sites.admin_scoping.relations)."""

from wagtail.admin.forms import WagtailAdminPageForm

from campaign.sites.admin_scoping.relations import SitePageRelationsMixin


class SitePageForm(SitePageRelationsMixin, WagtailAdminPageForm):
    """A page's selects offer its own site's rows and shared ones (e.g. a press
    release's media contacts); on save, any relation to another site's row is
    refused on its field (foreign keys, many-to-many, inline children and
    StreamField choosers)."""


class SitePage:
    """First among the bases of each of the project's page types, so that all
    use `SitePageForm` or a form derived from it (a test holds every page type
    to that)."""

    base_form_class = SitePageForm
