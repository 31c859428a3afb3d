import shutil
import subprocess

from django.conf import settings
from django.utils import translation

from tests.support import skip_unless_available

CATALOGUE = settings.BASE_DIR / "campaign" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def test_english_catalogue_is_complete():
    skip_unless_available(shutil.which("msgfmt"), "msgfmt fehlt: apt-get install gettext")

    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(CATALOGUE)],
        capture_output=True,
        text=True,
        check=True,
    )

    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


def test_interface_strings_switch_to_english():
    with translation.override("en"):
        assert translation.gettext("Zum Inhalt springen") == "Skip to content"
    with translation.override("de"):
        assert translation.gettext("Zum Inhalt springen") == "Zum Inhalt springen"
