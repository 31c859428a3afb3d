"""A deployment mistake caught at start: restricted files inside MEDIA_ROOT."""

from pathlib import Path

from django.conf import settings
from django.core import checks


def restricted_root_outside_media_root(app_configs, **kwargs):
    media = Path(settings.MEDIA_ROOT).resolve()
    restricted = Path(settings.RESTRICTED_MEDIA_ROOT).resolve()
    if restricted == media or media in restricted.parents or restricted in media.parents:
        return [
            checks.Error(
                "RESTRICTED_MEDIA_ROOT must lie outside MEDIA_ROOT (and not contain it): "
                "a web server serving MEDIA_ROOT would hand out restricted files.",
                id="media_library.E001",
            )
        ]
    return []


def register():
    checks.register(restricted_root_outside_media_root, checks.Tags.security, deploy=False)
