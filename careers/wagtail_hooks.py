"""Admin: departments, categories, pay tables and matching criteria as snippets;
applications (careers/applications/admin_views.py)."""

import datetime

from django.contrib import messages
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaign.sites.admin_scoping import belongs_to_site
from campaign.sites.admin_scoping.views import SiteScopedViewSetMixin
from campaign.sites.periodic import DAILY, PeriodicJob
from careers.applications.admin_views import ApplicationViewSet
from careers.models import Department, Dimension, DimensionValue, JobCategory, PayRate, PayScale
from careers.rules import today

# A deadline this close is published, with a word to the editor.
DEADLINE_WARNING_DAYS = 3


@hooks.register("after_publish_page")
def warn_of_a_near_deadline(request, page):
    deadline = getattr(page.specific, "application_deadline", None)
    if deadline and deadline <= today() + datetime.timedelta(days=DEADLINE_WARNING_DAYS):
        messages.warning(
            request,
            _(
                "Die Bewerbungsfrist endet schon am %(date)s: Wenige werden die Stelle "
                "rechtzeitig sehen. Soll die Frist länger laufen?"
            )
            % {"date": date_format(deadline, "j. F Y")},
        )


# A profile's criteria choose values: those of its own site's questions.
belongs_to_site(DimensionValue, via_site="dimension__site")


class DepartmentViewSet(SiteScopedViewSetMixin, SnippetViewSet):
    model = Department
    belongs_to = {"via_site": "site"}
    icon = "home"
    list_display = ["name", "kind", "city", "home_office", "site"]
    list_filter = ["site", "kind", "home_office"]
    search_fields = ["name", "city"]


class JobCategoryViewSet(SnippetViewSet):
    model = JobCategory
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "sort_order"]


class PayScaleViewSet(SnippetViewSet):
    model = PayScale
    icon = "table"
    list_display = ["name", "kind", "note"]


class PayRateViewSet(SnippetViewSet):
    model = PayRate
    icon = "table"
    list_display = ["scale", "grade", "step", "amount", "valid_from"]
    list_filter = ["scale", "valid_from"]
    search_fields = ["grade"]
    list_per_page = 100


class DimensionViewSet(SiteScopedViewSetMixin, SnippetViewSet):
    """The matcher's questions and their values, per site."""

    model = Dimension
    belongs_to = {"via_site": "site"}
    icon = "list-ul"
    list_display = ["name", "slug", "sort_order", "site"]
    list_filter = ["site"]
    search_fields = ["name"]


class CareersViewSetGroup(SnippetViewSetGroup):
    items = (
        DepartmentViewSet,
        JobCategoryViewSet,
        PayScaleViewSet,
        PayRateViewSet,
        DimensionViewSet,
    )
    menu_icon = "group"
    menu_label = _("Karriere")
    menu_name = "careers"


register_snippet(CareersViewSetGroup)


@hooks.register("register_admin_viewset")
def register_application_viewset():
    return ApplicationViewSet()


@hooks.register("register_periodic_jobs")
def careers_periodic_jobs():
    return [
        PeriodicJob("send_job_alerts", DAILY),
        PeriodicJob("delete_expired_applications", DAILY),
    ]
