"""Per-site wording of the statutory notices on every job posting."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

from campaign.sites.admin_scoping.relations import SiteSettingsForm
from careers import statutory

FEATURES = ["bold", "italic", "link"]


@register_setting(icon="user")
class RecruitmentSettings(BaseSiteSetting):
    base_form_class = SiteSettingsForm
    disability_notice = RichTextField(
        _("Hinweis für schwerbehinderte Bewerber*innen (§ 165 SGB IX)"),
        features=FEATURES,
        default=statutory.DISABILITY_NOTICE,
    )
    equal_opportunity = RichTextField(
        _("Gleichstellung und Vielfalt"), features=FEATURES, default=statutory.EQUAL_OPPORTUNITY
    )
    privacy_notice = RichTextField(
        _("Datenschutzhinweis für Bewerber*innen"),
        features=FEATURES,
        default=statutory.PRIVACY_NOTICE,
    )

    panels = [
        FieldPanel("disability_notice"),
        FieldPanel("equal_opportunity"),
        FieldPanel("privacy_notice"),
    ]

    class Meta:
        verbose_name = _("Stellenausschreibungen")
        verbose_name_plural = _("Stellenausschreibungen")

    def notices(self):
        """(heading, rich text) in the order the notices appear on a posting."""
        return [
            (_("Schwerbehinderte Menschen"), self.disability_notice),
            (_("Gleichstellung und Vielfalt"), self.equal_opportunity),
            (_("Datenschutz im Bewerbungsverfahren"), self.privacy_notice),
        ]
