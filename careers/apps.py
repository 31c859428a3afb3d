from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = _("Karriere")

    def ready(self):
        # Applicants' files leave the disk with their rows.
        from careers.applications import signals  # noqa: F401
