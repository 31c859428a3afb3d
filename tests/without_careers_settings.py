"""The test settings without the careers app: campaign must run on its own."""

from campaign.project.settings.test import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "careers"]  # noqa: F405
# careers' own middleware leaves with the app.
MIDDLEWARE = [entry for entry in MIDDLEWARE if not entry.startswith("careers.")]  # noqa: F405
