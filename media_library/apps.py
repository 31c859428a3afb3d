from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaLibraryConfig(AppConfig):
    name = "media_library"
    verbose_name = _("Mediathek")

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override
        from wagtailmedia.widgets import AdminVideoChooser

        from media_library.models import Film

        # wagtailmedia registers no widget for foreign keys to its model: without
        # this, every film field (a campaign's hero film, a testimonial's film)
        # would be a select of all films of all employers. The chooser lists those
        # the user may change, i.e. of their sites' collections.
        register_form_field_override(
            models.ForeignKey, to=Film, override={"widget": AdminVideoChooser}
        )

        from media_library import checks, signals

        signals.connect()
        checks.register()
