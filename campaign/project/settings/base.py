"""Settings shared by every environment, safe for production as they stand.

DEBUG is off and secrets come only from the environment; dev.py and test.py
loosen what they need, production.py insists on what a deployment must set.
Integrations switch on by environment variable: DATABASE_URL, REDIS_URL,
EMAIL_URL (or the SMTP_* variables), MEDIA_ROOT, S3_MEDIA_BUCKET (object storage).
"""

import datetime
import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.utils.translation import gettext_lazy as _

from . import object_storage

PROJECT_DIR = Path(__file__).resolve().parents[2]  # campaign/
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("STELLWERK_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates override Wagtail's.
    "careers",
    "campaign",
    "media_library",
    "wagtail.contrib.forms",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.locales",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Django's widget templates for the public forms' renderer, which reads TEMPLATES
    # (campaign/sites/public_forms.py).
    "django.forms",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Every 429 says how long to wait (campaign/sites/rate_limits.py).
    "campaign.sites.rate_limits.RetryAfterMiddleware",
    # Before WhiteNoise, so that static files carry the header too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for a phone's connection; stored pages come compressed
    # from the page cache (compressed once) and pass it untouched.
    "django.middleware.gzip.GZipMiddleware",
    # Anonymous visitors' pages from the "pages" cache (campaign/sites/page_cache/):
    # a stored page skips everything below; what is rendered passes it all.
    "campaign.sites.page_cache.middleware.PageCacheMiddleware",
    # The request's site from the worker's memory, not a query per request.
    "campaign.sites.page_cache.middleware.SiteMiddleware",
    "csp.middleware.CSPMiddleware",
    "campaign.sites.admin_csp.AdminScriptNonceMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # German without a prefix, English under /en/ (campaign/project/urls.py).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check, which reads the body: visitors' bodies are bounded
    # (413) and their files stay in memory (careers/applications/uploads.py).
    "careers.applications.uploads.PublicUploadMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff: idle sessions end; who may see applications logs in with a second factor.
    "campaign.sites.staff_security.idle_timeout.StaffIdleTimeoutMiddleware",
    "campaign.sites.staff_security.second_factor.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as its docs ask: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "campaign.project.urls"
WSGI_APPLICATION = "campaign.project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "campaign.sites.branding.context_processor",
            ],
        },
    },
]


def database_settings(url):
    """One entry of DATABASES for a database URL (dj-database-url's syntax)."""
    database = dj_database_url.parse(
        url,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    options = database.setdefault("OPTIONS", {})
    if database["ENGINE"] == "django.db.backends.postgresql":
        # Fail fast while the server is down, so visitors get a 503 at once.
        options["connect_timeout"] = 3
    elif database["ENGINE"] == "django.db.backends.sqlite3":
        # Several editors at once (Wagtail's autosave writes every few seconds):
        # readers never wait for a writer (WAL), and a transaction takes the
        # write lock when it begins (IMMEDIATE) and waits up to 5 s for it,
        # instead of failing with "database is locked" when a read turns into a write.
        options["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000"
        options["transaction_mode"] = "IMMEDIATE"
    return database


# Database: SQLite under var/ unless DATABASE_URL names a server.
DATABASES = {
    "default": database_settings(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'stellwerk.sqlite3'}"
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(url, prefix="stellwerk"):
    """The cache all workers share (production requires it, production.py).

    A Redis that is down or unreachable must not take the site with it: every
    cache call gives up after half a second, and django-redis then answers as
    if the key were missing (IGNORE_EXCEPTIONS) and logs the error. Pages
    render from the database meanwhile; what relies on the cache decides for
    itself whether to fail open or closed (campaign/sites/rate_limits.py,
    campaign/members/captcha.py), and /readyz reports the cache as down.
    """
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            "IGNORE_EXCEPTIONS": True,
        },
    }


# Cache: local memory per process, Redis when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Anonymous visitors' pages have a cache alias of their own ("pages"), so
# operators can size or move it apart from rate limits and sessions' helpers.
if REDIS_URL:
    CACHES = {
        "default": redis_cache(REDIS_URL),
        "pages": redis_cache(REDIS_URL, prefix="stellwerk-pages"),
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
# campaign/sites/page_cache/: on unless STELLWERK_PAGE_CACHE=off (make bench
# measures both); entries live an hour at most, shared caches keep a page a minute.
PAGE_CACHE = env_bool("STELLWERK_PAGE_CACHE", True)
PAGE_CACHE_SECONDS = 3600
PAGE_CACHE_SHARED_SECONDS = int(os.environ.get("STELLWERK_SHARED_CACHE_SECONDS", "60"))
# The caching proxies in front (deploy/varnish/stellwerk.vcl), banned whenever the
# page cache purges (campaign/sites/page_cache/proxy.py), e.g. http://127.0.0.1:6081.
PROXY_PURGE_URLS = env_list("PROXY_PURGE_URLS")
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "campaign.cache"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German first; English is the second language of the interface. Pages are
# German until the languages issue adds translated content (and with it
# LocaleMiddleware), so the UI never speaks English around German text.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
# Pages are translated in Wagtail (a page per language, linked by translation
# key): German is every site's default, English the second language.
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# Static files: the project's own under static/, vendored builds (KERN, axe) in
# static/vendor/ made by `make static`, everything collected for whitenoise.
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Files of restricted collections (images, renditions, films, subtitles) lie
# outside MEDIA_ROOT and are served only through a view that checks the
# collection's view restriction (media_library/storage.py). Never let a web
# server serve this folder.
RESTRICTED_MEDIA_ROOT = Path(os.environ.get("RESTRICTED_MEDIA_ROOT", VAR_DIR / "media-restricted"))
# With S3_MEDIA_BUCKET set, every upload goes to S3-compatible object storage
# instead of these folders (object_storage.py; README, "Objektspeicher (S3)").
STORAGES = {
    "default": {"BACKEND": "media_library.storage.MediaStorage"},
    **object_storage.storages(os.environ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: EMAIL_URL (smtp://user:pass@host:587/?tls=True) or the SMTP_* variables.
if os.environ.get("EMAIL_URL"):
    globals().update(dj_email_url.parse(os.environ["EMAIL_URL"]))
elif os.environ.get("SMTP_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["SMTP_HOST"]
    EMAIL_PORT = int(os.environ.get("SMTP_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("SMTP_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("SMTP_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "stellwerk@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (e-mail, media processing, retention) runs through
# django-tasks; the database backend needs `manage.py db_worker` beside the web.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security headers that hold in every environment. The CSP allows nothing
# inline: templates load only files from this origin.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No page of a career site needs the visitor's camera, microphone, position or
# sensors; films may go full screen and picture in picture.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "fullscreen": ["self"],
    "picture-in-picture": ["self"],
}
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Public media from object storage unless S3_PUBLIC_MEDIA_URL is a path here.
        "img-src": ["'self'", "data:", "blob:", *object_storage.public_media_origins(os.environ)],
        "font-src": ["'self'"],
        "media-src": ["'self'", *object_storage.public_media_origins(os.environ)],
        "connect-src": ["'self'"],
        # Players of YouTube and Vimeo in privacy mode, loaded only after a click
        # (media_library/external_video.py, two-click consent).
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Stellwerk"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAIL_I18N_ENABLED = True
# Privacy: the admin makes no requests to third parties either.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_IMAGE_MODEL = "media_library.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media_library.CustomDocument"
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "campaign.sites.search_backend",
        "SEARCH_CONFIG": "german",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
# Media library: content-checked uploads (media_library/uploads.py), alt text
# required unless decorative; no SVG (scripts), raster formats only.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "media_library.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media_library.forms.DocumentForm"
# Every document is a download (Content-Disposition: attachment), none opens inline.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# Films (media_library/models/films.py): versions and WebVTT tracks as nested
# formsets of the admin form; video files checked by content (MP4/WebM only).
WAGTAILMEDIA = {
    "MEDIA_MODEL": "media_library.Film",
    "MEDIA_FORM_BASE": "media_library.forms.FilmForm",
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "webm"],
}
# Documents go through Wagtail's serve view, never as raw /media/documents/ URLs.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Staff security (campaign/sites/staff_security/): admin users holding any of these
# permissions (superusers hold all) log in with a second factor (TOTP), and
# the sessions of everyone with admin access end after this many idle seconds.
STELLWERK_SECOND_FACTOR_PERMISSIONS = ["careers.view_application"]
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_SECONDS", "1800"))
# The name authenticator apps show beside the account.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Stellwerk")

# Branding of a site is cached per host name so error pages can show it
# while the database is away.
STELLWERK_BRANDING_TTL = int(os.environ.get("STELLWERK_BRANDING_TTL", "300"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"once_per_minute": {"()": "campaign.project.log_filters.OncePerMinute"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # An unreachable Redis: every cache call fails (DJANGO_REDIS_LOGGER).
        "campaign.cache": {"filters": ["once_per_minute"]},
        "django.db.backends": {"level": "WARNING"},
        # Task state changes and page events are noise at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Serve uploaded images from Django (single-host setups, `make serve`); a
# deployment behind a web server lets it serve MEDIA_ROOT/images instead.
SERVE_IMAGES = env_bool("SERVE_IMAGES", False)

# Where a visitor's address is read for rate limits (the feedback form):
# REMOTE_ADDR, unless the proxy in front puts the client's address alone in a
# header of its own, e.g. CLIENT_IP_HEADER=X-Real-IP. Never a header clients
# can set themselves without the proxy overwriting it.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

# Online applications (careers/applications/): the documents lie encrypted
# (AES-GCM) outside MEDIA_ROOT, never under a public URL. APPLICATION_FILES_KEY
# is the urlsafe base64 of 32 random bytes; production.py requires it.
APPLICATION_FILES_ROOT = Path(os.environ.get("APPLICATION_FILES_ROOT", VAR_DIR / "applications"))
APPLICATION_FILES_KEY = os.environ.get("APPLICATION_FILES_KEY", "")
# Days after a posting's process ended (or its deadline) until its applications are deleted.
APPLICATION_RETENTION_DAYS = int(os.environ.get("APPLICATION_RETENTION_DAYS", "183"))
# With the applicant's consent to the talent pool, kept that long instead.
APPLICATION_TALENT_POOL_DAYS = int(os.environ.get("APPLICATION_TALENT_POOL_DAYS", "730"))

# Event kiosks (careers/kiosk/): the mailed link to add documents to a short
# application left at an event holds for this many days.
KIOSK_DOCUMENTS_LINK_DAYS = int(os.environ.get("KIOSK_DOCUMENTS_LINK_DAYS", "14"))

# Event bookings (campaign/events/bookings.py): a booking counts once its address
# is confirmed by the mailed link; until then it holds its place for this long,
# then the link expires and the place is released.
BOOKING_CONFIRMATION_HOLD = datetime.timedelta(
    minutes=int(os.environ.get("BOOKING_CONFIRMATION_MINUTES", "120"))
)

# Orders of a printed photo calendar (campaign/calendar_orders/): the postal
# address is erased this many days after the press office marked the order sent.
CALENDAR_ORDER_RETENTION_DAYS = int(os.environ.get("CALENDAR_ORDER_RETENTION_DAYS", "90"))

# Members (campaign/members/): accounts on the public side, never editors.
# Wagtail sends visitors of a page marked "Private, accessible to logged-in
# users" to this login, which explains why they came.
LOGIN_URL = "members:login"
LOGIN_REDIRECT_URL = "members:account"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL

# django-axes throttles failed logins (members and editors alike,
# campaign/sites/login_lockout.py): 15 minutes of lockout (429 with Retry-After)
# after five failures of one account from one address, and for every account
# after STELLWERK_ADDRESS_FAILURE_LIMIT failures from one address (password
# spraying). Offices behind one address share that count: set it higher there.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "campaign.sites.login_lockout.LockoutHandler"
AXES_FAILURE_LIMIT = 5
STELLWERK_ADDRESS_FAILURE_LIMIT = int(os.environ.get("STELLWERK_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "campaign.sites.login_lockout.lockout_response"
# The visitor's address as the rate limits read it (CLIENT_IP_HEADER).
AXES_CLIENT_IP_CALLABLE = "campaign.sites.rate_limits.client_address"
AXES_USERNAME_CALLABLE = "campaign.members.accounts.axes_username"
# Logs only failures (no access log of every login): less personal data kept.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False  # its log lines name the account: no personal data in logs
