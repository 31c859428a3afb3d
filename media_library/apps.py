from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaLibraryConfig(AppConfig):
    name = "media_library"
    verbose_name = _("Mediathek")

    def ready(self):
        from media_library import checks, signals

        signals.connect()
        checks.register()
