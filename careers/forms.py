"""Admin forms of the careers pages: rules that span fields or pages.

- Pay grades must exist in the chosen pay table.
- Departments and every other relation stay within the page's own site
  (campaign.page_forms.SitePageForm).
- A posting's Kennziffer is unique within its site.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.page_forms import SitePageForm
from careers.grades import parse_grades


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
        if not cleaned.get("apply_email") and not cleaned.get("apply_url"):
            raise forms.ValidationError(
                _("Bitte geben Sie an, wie man sich bewirbt: per E-Mail oder über einen Link.")
            )
        return cleaned
