"""The project's URL wiring: the only module besides settings that names every app."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as static_serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from campaign.film_embeds import views as film_embed_views
from campaign.previews import views as preview_views
from campaign.sites import errors, health, page_cache, site_files, sitemaps
from campaign.sites.admin_scoping import reports as admin_site_reports
from campaign.sites.admin_scoping.guard import guard_admin_urls
from media_library import views as media_views

# careers is optional: campaign runs without it, then without these URLs.
careers_urls = []  # before the admin's own URLs
careers_site_urls = []  # what visitors reach, in both languages
if apps.is_installed("careers"):
    from careers import views as careers_views
    from careers.api import api as careers_api
    from careers.applications import admin_views as application_admin
    from careers.applications import views as application_views

    careers_urls = [
        path("api/v1/", careers_api.urls),
        # Before the admin's own URLs, which send strangers to the login: a guessed
        # document address gets a plain 404 from the view itself, whoever asks.
        path(
            "admin/bewerbungen/unterlage/<uuid:document_id>/",
            application_admin.download,
            name="application_document",
        ),
    ]
    careers_site_urls = [
        path("suche/", careers_views.search, name="search"),
        path(
            "bewerbung/zurueckziehen/<str:token>/",
            application_views.withdraw,
            name="application_withdraw",
        ),
        path("stellenalarm/", include("careers.alerts.urls")),
        path("", include("careers.kiosk.urls")),
    ]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("robots.txt", site_files.robots_txt, name="robots_txt"),
    # An index of one part per kind of page, each paginated (campaign/sites/sitemaps.py).
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path(
        "sitemap-<slug:section>.xml",
        page_cache.reading("p")(sitemaps.section),
        name="sitemap_section",
    ),
    path("theme.css", site_files.theme_css, name="theme_css"),
    # A draft for whoever holds the secret link; never cached (campaign/previews).
    path("vorschau/<str:token>/", preview_views.preview, name="preview_link"),
    # Films framed on the employer's other websites, and oEmbed for them.
    path("filme/<int:film_id>/player/", film_embed_views.player, name="film_player"),
    path("oembed/", film_embed_views.oembed, name="oembed"),
    *careers_urls,
    # Wagtail's reports and snippet overview, narrowed to the editor's sites.
    path("admin/", include(admin_site_reports.urlpatterns)),
    # Every admin URL that names another employer's row answers 404
    # (campaign.sites.admin_scoping.guard).
    path("admin/", include(guard_admin_urls(wagtailadmin_urls.urlpatterns))),
    path("dokumente/", include(wagtaildocs_urls)),
    # Files of restricted collections: never under /media/, always through
    # this view, which asks the collection who may see them.
    re_path(
        r"^geschuetzte-medien/(?P<path>(?:original_images|images|films|subtitles)/[-\w.]{1,200})$",
        media_views.restricted_media,
        name="restricted_media",
    ),
]

if settings.SERVE_IMAGES:
    # Image, film and subtitle files of public collections only (media_library's
    # upload folders in MEDIA_ROOT): documents never get a raw media URL, they go
    # through Wagtail's serve view above, and files of restricted collections lie
    # outside MEDIA_ROOT (media_library/storage.py). Behind nginx, the proxy
    # serves these folders of /media/. Names stay under 200 characters (longer
    # ones are never stored; the file system would answer them with an error).
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:original_images|images|films|subtitles)/[^/]{1,200})$",
            static_serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# What visitors read: German at the root, English under /en/ (LocaleMiddleware
# activates the language of the prefix; Wagtail routes to the page's translation).
urlpatterns += i18n_patterns(
    *careers_site_urls,
    path("bildnachweise/", media_views.image_credits, name="image_credits"),
    path("konto/", include("campaign.members.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = errors.bad_request
handler404 = errors.page_not_found
handler500 = errors.server_error
