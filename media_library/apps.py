from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaLibraryConfig(AppConfig):
    name = "media_library"
    verbose_name = _("Mediathek")

    def ready(self):
        # Film fields stay selects: wagtailmedia's chooser widget initialises with
        # an inline script in its modal, which the admin's CSP blocks. The page
        # and snippet forms narrow the select to the site's films and shared ones
        # (campaign.sites.admin_scoping.relations, views).
        from media_library import checks, signals

        signals.connect()
        checks.register()
