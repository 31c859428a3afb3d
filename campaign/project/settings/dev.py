"""Local development: DEBUG on, SQLite in var/, e-mail on the console."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SERVE_IMAGES = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret"
# A fixed key for local applications only; production requires its own.
APPLICATION_FILES_KEY = (
    os.environ.get("APPLICATION_FILES_KEY") or "ZGV2LW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE="
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1"])
if "EMAIL_URL" not in os.environ and "SMTP_HOST" not in os.environ:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Background tasks go through the database as in production: `make run` starts
# the worker (manage.py run_worker) beside runserver. Running them within the
# request instead held SQLite's write lock for seconds (a calendar's PDF) and
# an editor's autosave failed with "database is locked".
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
