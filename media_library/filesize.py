"""File sizes as people read them: "1,2 MB" in German, "1.2 MB" in English."""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def format_file_size(size):
    """Django's `filesizeformat` (binary steps, one decimal place from KB up, the
    active language's decimal separator), as the labels have always read: a
    plain space before the unit (Django writes a no-break space) and "Byte"
    below one KB (Django's German plural is "Bytes")."""
    if size < 1024:
        return f"{int(size)} {_('Byte')}"
    return filesizeformat(size).replace("\N{NO-BREAK SPACE}", " ")
