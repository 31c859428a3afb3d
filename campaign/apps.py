from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Kampagnen")

    def ready(self):
        from . import signals  # noqa: F401  (branding cache, calendar PDFs)
        from .admin_sites.ownership import register_wagtail_models
        from .staff_security import idle_timeout  # noqa: F401  (idle clock from the login)

        register_wagtail_models()
