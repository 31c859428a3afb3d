"""File sizes as people read them: "1,2 MB" in German, "1.2 MB" in English."""

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

UNITS = [_("Byte"), "KB", "MB", "GB"]


def format_file_size(size):
    """Binary steps (1 KB = 1024 bytes), one decimal place from KB up."""
    value = float(size)
    step = 0
    while value >= 1024 and step < len(UNITS) - 1:
        value /= 1024
        step += 1
    unit = UNITS[step]
    if step == 0:
        return f"{int(value)} {unit}"
    return f"{number_format(round(value, 1), 1)} {unit}"
