"""The admin form of every page type of the project: relations stay within the
page's employer (campaign.sites.admin_scoping.relations), and "Show in menus"
is explained, and ticked for a new page of a type the main navigation lists."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from campaign.sites.admin_scoping.relations import SitePageRelationsMixin

# The main navigation (templates/includes/main_navigation.html) lists the home
# page's children that are "in menus": these are the types placed there to be found.
# Legal pages sit in the footer, accessible-language pages in the header's links.
MAIN_NAVIGATION_TYPES = {
    "campaign.StandardPage",
    "campaign.CampaignPage",
    "campaign.PhotoCalendarPage",
    "campaign.PressIndexPage",
    "campaign.EventIndexPage",
    "careers.JobFieldIndexPage",
    "careers.JobPostingIndexPage",
    "careers.LocationIndexPage",
    "careers.MatcherPage",
}
SHOW_IN_MENUS_HELP = _(
    "Angehakt erscheint die Seite in der Hauptnavigation der Website, wenn sie direkt "
    "unter der Startseite liegt."
)


class SitePageForm(SitePageRelationsMixin, WagtailAdminPageForm):
    """A page's selects offer its own site's rows and shared ones (e.g. a press
    release's media contacts); on save, any relation to another site's row is
    refused on its field (foreign keys, many-to-many, inline children and
    StreamField choosers)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("show_in_menus")
        if field is None:
            return
        field.help_text = SHOW_IN_MENUS_HELP
        new = self.instance.pk is None
        if new and not self.is_bound and self.instance._meta.label in MAIN_NAVIGATION_TYPES:
            self.initial["show_in_menus"] = True


class SitePage:
    """First among the bases of each of the project's page types, so that all
    use `SitePageForm` or a form derived from it (a test holds every page type
    to that)."""

    base_form_class = SitePageForm
