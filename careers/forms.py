"""Admin forms of the careers pages: rules that span fields or pages.

- Pay grades must exist in the chosen pay table.
- Departments and every other relation stay within the page's own site
  (campaign.sites.page_forms.SitePageForm).
- A posting's Kennziffer is unique within its site.
- A posting whose deadline has passed is not published (nor sent to review
  for publishing); a draft may keep it. A deadline in the next days is a
  warning after publishing (careers.wagtail_hooks).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.sites.page_forms import SitePageForm
from careers.grades import parse_grades
from careers.rules import today

# The buttons of Wagtail's page editor that make (or ask to make) a page live.
PUBLISHING_ACTIONS = ("action-publish", "action-submit")


class CareersPageForm(SitePageForm):
    @property
    def site(self):
        anchor = self.parent_page if self.instance.pk is None else self.instance
        return anchor.get_site() if anchor is not None else None

    def clean(self):
        cleaned = super().clean()
        scale = cleaned.get("pay_scale")
        grades = parse_grades(cleaned.get("pay_grades", ""))
        if grades and scale is None:
            self.add_error("pay_scale", _("Bitte wählen Sie die Tabelle zu den Gruppen."))
        elif grades:
            known = set(scale.rates.filter(grade__in=grades).values_list("grade", flat=True))
            unknown = [grade for grade in grades if grade not in known]
            if unknown:
                self.add_error(
                    "pay_grades",
                    _("Nicht in der Tabelle „%(scale)s“: %(grades)s")
                    % {"scale": scale, "grades": ", ".join(unknown)},
                )
            else:
                cleaned["pay_grades"] = ", ".join(grades)
        return cleaned


class JobPostingPageForm(CareersPageForm):
    @property
    def publishing(self):
        return any(action in self.data for action in PUBLISHING_ACTIONS)

    def clean(self):
        from careers.models import JobPostingPage

        cleaned = super().clean()
        reference = (cleaned.get("reference") or "").strip()
        site = self.site
        if reference and site is not None:
            taken = JobPostingPage.objects.reference_taken(
                reference, site, exclude_pk=self.instance.pk
            )
            if taken:
                self.add_error(
                    "reference",
                    _("Die Kennziffer „%(reference)s“ ist auf dieser Website schon vergeben.")
                    % {"reference": reference},
                )
        deadline = cleaned.get("application_deadline")
        if deadline and deadline < today() and self.publishing:
            self.add_error(
                "application_deadline",
                _(
                    "Die Bewerbungsfrist ist schon vorbei: So erschiene die Stelle nirgends. "
                    "Bitte verlängern Sie die Frist oder speichern Sie die Stelle als Entwurf."
                ),
            )
        if not cleaned.get("apply_email") and not cleaned.get("apply_url"):
            raise forms.ValidationError(
                _("Bitte geben Sie an, wie man sich bewirbt: per E-Mail oder über einen Link.")
            )
        return cleaned
