"""HR's section of the admin dashboard: postings with applications nobody has
looked at yet, soonest deadline first, each linking to its filtered list."""

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext

from campaign.sites.admin_scoping import within_sites
from campaign.sites.dashboard import Entry, Section
from careers.models import ApplicationStatus, JobPostingPage

SHOWN = 10


def new_applications(request):
    """Postings of the user's sites with applications still in status „Eingegangen“."""
    user = request.user
    if not user.has_perm("careers.view_application"):
        return None
    new = Q(applications__status=ApplicationStatus.RECEIVED)
    postings = JobPostingPage.objects.filter(new)
    condition = within_sites(user, "path")
    if condition is not None:
        postings = postings.filter(condition)
    postings = postings.annotate(new=Count("applications", filter=new)).order_by(
        F("application_deadline").asc(nulls_last=True), "title"
    )[:SHOWN]
    index = reverse("applications:index")
    received = ApplicationStatus.RECEIVED
    entries = [
        Entry(
            title=posting.title,
            url=f"{index}?{urlencode({'posting': posting.pk, 'status': received})}",
            status=ngettext("%(count)s neue Bewerbung", "%(count)s neue Bewerbungen", posting.new)
            % {"count": posting.new},
            date=posting.application_deadline,
        )
        for posting in postings
    ]
    return Section(
        slug="neue-bewerbungen",
        heading=gettext("Neue Bewerbungen"),
        entries=entries,
        date_label=gettext("Bewerbungsfrist"),
        date_format="SHORT_DATE_FORMAT",
    )
