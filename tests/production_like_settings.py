"""Production settings for tests that run a real gunicorn: only static files
come from the finders, as in campaign.project.settings.test (tests never run
collectstatic, which the manifest storage needs)."""

from campaign.project.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
