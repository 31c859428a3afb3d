"""Which other websites may frame an employer's film player: origins in its
EmployerSettings, one per line, used for the player's CSP frame-ancestors only."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# scheme://host[:port], nothing more: a CSP source that names exactly one origin.
ORIGIN = re.compile(
    r"^https?://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
    r"(?::\d{1,5})?$"
)
MAX_ORIGINS = 20


def embedding_origins(text):
    """The origins of the setting's text, normalised, without duplicates."""
    origins = []
    for line in (text or "").splitlines():
        origin = line.strip().lower().rstrip("/")
        if origin and origin not in origins:
            origins.append(origin)
    return origins


def validate_embedding_origins(text):
    origins = embedding_origins(text)
    wrong = [origin for origin in origins if not ORIGIN.match(origin)]
    if wrong:
        raise ValidationError(
            _(
                "„%(origin)s“ ist keine Adresse einer Website. Bitte nur Schema und Domain "
                "angeben, z. B. „https://www.berlin.de“, eine je Zeile."
            )
            % {"origin": wrong[0][:100]}
        )
    if len(origins) > MAX_ORIGINS:
        raise ValidationError(_("Höchstens %(count)d Websites, bitte.") % {"count": MAX_ORIGINS})
