from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = _("Karriere")

    def ready(self):
        # The search's facet rows follow categories, sites and page moves;
        # applicants' files leave the disk with their rows.
        from careers import facets  # noqa: F401
        from careers.applications import signals  # noqa: F401
