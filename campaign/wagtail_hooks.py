"""Admin: testimonials and media contacts as snippets the press office maintains per
site, the bookings of events, the orders of printed calendars, the feedback on
barriers, the editors' overview on the dashboard, and the second factor's login step."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign import demo
from campaign.calendar_orders.admin import CalendarOrderViewSet
from campaign.calendars.from_images import CalendarFromImagesBulkAction
from campaign.events.admin import BookingViewSet
from campaign.legal.admin import AccessibilityFeedbackViewSet
from campaign.members import access as member_access
from campaign.models import MediaContact, Testimonial
from campaign.previews.admin import PreviewLinkViewSet, preview_link_header_button
from campaign.sites import dashboard, page_cache
from campaign.sites.admin_scoping import pages as admin_site_pages
from campaign.sites.admin_scoping import scope
from campaign.sites.admin_scoping.views import SiteScopedViewSetMixin
from campaign.sites.approval_messages import say_what_the_approval_did
from campaign.sites.dashboard import EditorOverviewPanel
from campaign.sites.page_languages import serve_in_own_language
from campaign.sites.page_links import LocalizedPageLinkHandler
from campaign.sites.periodic import DAILY, EVERY_TICK, HOURLY, PeriodicJob
from campaign.sites.staff_security import urls as staff_security_urls
from media_library.blocks import VERSION_PARAMETER


class TestimonialViewSet(SiteScopedViewSetMixin, SnippetViewSet):
    model = Testimonial
    belongs_to = {"via_site": "site"}
    icon = "group"
    list_display = ["name", "role", "place", "site"]
    list_filter = ["site"]
    # No search_fields: the listing searches the model's own index, on SQLite
    # too (whose full-text backend cannot search named fields).


class MediaContactViewSet(SiteScopedViewSetMixin, SnippetViewSet):
    model = MediaContact
    belongs_to = {"via_site": "site"}
    icon = "mail"
    list_display = ["office", "person", "email", "site"]
    list_filter = ["site"]


register_snippet(TestimonialViewSet)
hooks.register("register_bulk_action", CalendarFromImagesBulkAction)
register_snippet(MediaContactViewSet)


hooks.register("after_edit_page", say_what_the_approval_did)


@hooks.register("register_admin_viewset")
def register_booking_viewset():
    return BookingViewSet("anmeldungen")


@hooks.register("register_admin_viewset")
def register_preview_link_viewset():
    return PreviewLinkViewSet("previewlink", url_prefix="vorschau-links")


hooks.register("register_page_header_buttons", preview_link_header_button)


@hooks.register("register_admin_viewset")
def register_calendar_order_viewset():
    return CalendarOrderViewSet("kalenderbestellungen")


@hooks.register("register_admin_viewset")
def register_accessibility_feedback_viewset():
    return AccessibilityFeedbackViewSet("rueckmeldungen")


@hooks.register("construct_media_chooser_queryset")
def films_of_the_users_sites(films, request):
    # wagtailmedia lists the films of collections the user may change; a
    # permission on a collection above the sites' would reach every employer's.
    return scope(films, request.user)


@hooks.register("construct_homepage_panels")
def add_editor_overview(request, panels):
    # Ours lists the pages a user submitted, with their state; Wagtail's own
    # "in a workflow" panel would repeat them in English task wording.
    panels[:] = [panel for panel in panels if panel.name != "user_objects_in_workflow_moderation"]
    panels.append(EditorOverviewPanel())


@hooks.register("register_dashboard_sections", order=dashboard.ORDER_OWN_WORK)
def own_work_sections():
    return [dashboard.my_drafts_in_review]


@hooks.register("register_dashboard_sections", order=dashboard.ORDER_UPCOMING)
def upcoming_sections():
    return [dashboard.upcoming_events, dashboard.calendar_pdfs_to_make]


hooks.register("before_serve_page", serve_in_own_language)


@hooks.register("before_serve_page")
def films_play_the_cut_asked_for(page, request, serve_args, serve_kwargs):
    """A film on any page plays the cut in ?fassung= (media_library/blocks.py)."""
    page_cache.reads(request, VERSION_PARAMETER)


# Member-only content is for the members of its own site: checked after
# Wagtail's view restrictions (order 0), which send visitors to the login.
hooks.register("on_serve_page", member_access.check_member_site, order=1)
hooks.register("before_serve_document", member_access.check_member_document, order=1)


# After Wagtail's own registration of the "page" link type (order 0), to replace it.
@hooks.register("register_rich_text_features", order=1)
def localize_page_links_at_once(features):
    features.register_link_type(LocalizedPageLinkHandler)


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return staff_security_urls.urlpatterns


# Page choosers and the explorer stay within the editor's sites (campaign.sites.admin_scoping).
hooks.register("construct_page_chooser_queryset", admin_site_pages.scope_page_chooser)
hooks.register("construct_explorer_page_queryset", admin_site_pages.scope_explorer)
# After wagtail.documents and wagtail.images register their endpoints, to replace them.
hooks.register("construct_admin_api", admin_site_pages.scope_admin_api, order=1)


@hooks.register("register_periodic_jobs")
def campaign_periodic_jobs():
    return [
        PeriodicJob("publish_scheduled", EVERY_TICK),  # Wagtail's: pages due to go live or off
        PeriodicJob("delete_expired_bookings", HOURLY),  # releases unconfirmed bookings too
        PeriodicJob("delete_unverified_members", DAILY),
        PeriodicJob("delete_expired_accessibility_feedback", DAILY),
        PeriodicJob("delete_expired_preview_links", DAILY),
        PeriodicJob("delete_expired_calendar_orders", DAILY),
    ]


# The demo's modules are imported when it is built: they need the test dependencies.
@hooks.register("register_demo_builders", order=demo.ORDER_SITES)
def campaign_demo_sites():
    from campaign.demo.builder import build

    return [build]


@hooks.register("register_demo_builders", order=demo.ORDER_SUMMARIES)
def campaign_demo_accessible_language():
    # After the other apps' pages, which its texts name; before the media step,
    # which files its films.
    from campaign.demo.accessible_language import build

    return [build]


@hooks.register("register_demo_builders", order=demo.ORDER_MEDIA)
def campaign_demo_media():
    from campaign.demo.media import file_by_site

    return [file_by_site]


@hooks.register("register_easy_language_topics", order=demo.ORDER_CAMPAIGN_TOPICS)
def campaign_easy_language_topics():
    from campaign.demo.accessible_language import TOPICS

    return TOPICS
