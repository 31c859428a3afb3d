"""Tests: PostgreSQL when DATABASE_URL says so, SQLite otherwise."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

# Uploads, the demo admin login and other runtime files of a test run go to a
# directory of their own, never into the developer's var/.
VAR_DIR = Path(tempfile.mkdtemp(prefix="stellwerk-test-"))
atexit.register(shutil.rmtree, VAR_DIR, ignore_errors=True)

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["localhost", ".localhost", "127.0.0.1", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = VAR_DIR / "media"
RESTRICTED_MEDIA_ROOT = VAR_DIR / "media-restricted"
APPLICATION_FILES_ROOT = VAR_DIR / "applications"
APPLICATION_FILES_KEY = "dGVzdC1vbmx5LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24="
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Every page a test fetches anonymously goes through the page cache, and a
# view that reads a query parameter it did not declare fails the test.
PAGE_CACHE = True
PAGE_CACHE_CHECK_PARAMETERS = True
SERVE_IMAGES = True
# Serve static files from the finders; tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
