"""Production: refuses to start without the settings a deployment must give."""

import base64
import binascii

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, APPLICATION_FILES_KEY, REDIS_URL, SECRET_KEY, env_bool

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY muss in der Umgebung gesetzt sein.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS muss in der Umgebung gesetzt sein.")
try:
    _application_key = base64.urlsafe_b64decode(APPLICATION_FILES_KEY.encode())
except (binascii.Error, ValueError):
    _application_key = b""
if len(_application_key) != 32:
    raise ImproperlyConfigured(
        "APPLICATION_FILES_KEY muss in der Umgebung gesetzt sein: 32 Bytes, urlsafe "
        "base64-kodiert (Bewerbungsunterlagen werden damit verschlüsselt)."
    )
if not REDIS_URL:
    raise ImproperlyConfigured(
        "REDIS_URL muss in der Umgebung gesetzt sein, z. B. redis://127.0.0.1:6379/0: alle "
        "Worker teilen sich darüber den Cache, die Zähler der Ratenbegrenzungen und die schon "
        "verwendeten Rechenaufgaben der Registrierung. Mit dem Speicher jedes einzelnen Prozesses "
        "zählte jeder Worker für sich."
    )

DEBUG = False

# TLS terminates at the reverse proxy, which says so in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 63_072_000  # two years
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# __Host- cookies are bound to the exact host, HTTPS only, path "/".
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_NAME = "__Host-language"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
