from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Kampagnen")

    def ready(self):
        from campaign.calendars import signals as calendar_signals  # noqa: F401  (PDFs)
        from campaign.sites import signals as site_signals  # noqa: F401  (branding cache)
        from campaign.sites.admin_scoping.ownership import register_wagtail_models
        from campaign.sites.page_cache import purge as page_cache_purge
        from campaign.sites.staff_security import idle_timeout  # noqa: F401  (idle clock)

        register_wagtail_models()
        page_cache_purge.connect()
