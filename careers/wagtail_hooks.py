"""Admin: departments, categories, pay tables and matching criteria as snippets;
applications (careers/applications/admin_views.py). And careers' part in
campaign's extension points, which name no careers code: periodic jobs, the
dashboard's new applications, the demo, the roles' permissions, the page types
of campaign's choosers, the applicants' files in backups, the sitemap's part
of open postings."""

import datetime

from django.contrib import messages
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaign import demo
from campaign.sites import dashboard
from campaign.sites.admin_scoping import belongs_to_site
from campaign.sites.admin_scoping.views import SiteScopedViewSetMixin
from campaign.sites.backups import BackupFolder
from campaign.sites.linked_page_types import CALL_TO_ACTION, JOB_FIELD
from campaign.sites.periodic import DAILY, PeriodicJob
from campaign.sites.roles import HR, PRESS_OFFICE, Grant
from careers.applications import storage as application_files
from careers.applications.admin_views import ApplicationViewSet, posting_chooser
from careers.applications.dashboard import new_applications
from careers.kiosk.admin import EventKioskViewSet
from careers.models import Department, Dimension, DimensionValue, JobCategory, PayRate, PayScale
from careers.rules import today
from careers.sitemaps import OpenPostingsSection

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


@hooks.register("register_admin_viewset")
def register_kiosk_viewset():
    return EventKioskViewSet()


@hooks.register("register_admin_viewset")
def register_posting_chooser():
    return posting_chooser


@hooks.register("register_periodic_jobs")
def careers_periodic_jobs():
    return [
        PeriodicJob("send_job_alerts", DAILY),
        PeriodicJob("delete_expired_applications", DAILY),
    ]


@hooks.register("register_dashboard_sections", order=dashboard.ORDER_INBOX)
def careers_dashboard_sections():
    return [new_applications]


# The demo's modules are imported when it is built: they need the test dependencies.
@hooks.register("register_demo_builders", order=demo.ORDER_CONTENT)
def careers_demo():
    from careers.demo import build

    return [build]


@hooks.register(demo.LOGINS_HOOK)
def careers_demo_logins():
    from careers.kiosk.demo import kiosk_logins

    return [kiosk_logins]


@hooks.register("register_easy_language_topics", order=demo.ORDER_JOB_TOPICS)
def careers_easy_language_topics():
    from careers.demo.accessible_language import TOPICS

    return TOPICS


@hooks.register("register_role_permissions")
def careers_role_permissions():
    # The matcher's criteria (locations and job fields are tagged with them).
    matcher = [("careers", f"{a}_dimension") for a in ("add", "change", "view")]
    # Event kiosks (careers/kiosk/): whoever runs the event's stand makes its link.
    kiosks = [("campaign", f"{a}_eventkiosk") for a in ("add", "change", "delete", "view")]
    return [
        Grant(PRESS_OFFICE, models=[*matcher, *kiosks]),
        Grant(
            HR,
            models=[
                *[("careers", f"{a}_department") for a in ("add", "change", "delete", "view")],
                *[("careers", f"{a}_payrate") for a in ("add", "change", "view")],
                ("careers", "view_payscale"),
                ("careers", "view_jobcategory"),
                *matcher,
                *kiosks,
                # Applications hold applicants' data: HR reads them and sets their
                # status; the press office has no access to them.
                ("careers", "view_application"),
                ("careers", "change_application"),
            ],
            site_settings=[("careers", "change_recruitmentsettings")],
        ),
    ]


@hooks.register("register_linked_page_types")
def careers_linked_page_types():
    return {
        CALL_TO_ACTION: [
            "careers.JobFieldIndexPage",
            "careers.JobFieldPage",
            "careers.JobPostingIndexPage",
        ],
        JOB_FIELD: ["careers.JobFieldPage"],
    }


@hooks.register("register_backup_folders")
def careers_backup_folders():
    # The applicants' documents, encrypted as stored; the key stays out of the archive.
    return [
        BackupFolder(
            "applications",
            "applications",
            private=True,
            key_fingerprint=application_files.key_fingerprint,
            wrong_key=(
                "APPLICATION_FILES_KEY passt nicht zu dieser Sicherung: mit diesem Schlüssel "
                "ließe sich keine Bewerbungsunterlage öffnen. Setzen Sie den Schlüssel, der "
                "beim Sichern galt."
            ),
        )
    ]


@hooks.register("register_sitemap_sections")
def careers_sitemap_sections():
    return {"stellen": OpenPostingsSection}
