"""Demo content, built from the seed press releases.

Each app contributes a builder (settings.STELLWERK_DEMO_BUILDERS): campaign
builds the sites, later apps fill them, and imports stay one-way.
"""

from django.conf import settings
from django.utils.module_loading import import_string


def build_all(port=8000, log=print):
    """Run every app's demo builder in order; return the sites of the demo."""
    sites = []
    for path in settings.STELLWERK_DEMO_BUILDERS:
        sites = import_string(path)(port=port, log=log) or sites
    return sites
