"""Where Django looks for campaign's models: each feature keeps its own in its
package (campaign/<feature>/models.py), and they all carry the app label
"campaign" and its tables. Import them from here or from their package.

Campaign content: the employer's home, campaigns, content pages, press releases,
events, photo calendars and orders of their printed edition, Leichte Sprache and
Gebärdensprache, site settings and the legal pages (imprint, privacy,
accessibility statement with its feedback), members' profiles."""

from campaign.accessible_language.models import EasyLanguagePage, SignLanguagePage
from campaign.calendar_orders.models import CalendarOrder, OrderStatus
from campaign.calendars.models import CalendarEdition, CalendarMotif, CalendarPdf, PhotoCalendarPage
from campaign.events.models import (
    Booking,
    BookingStatus,
    EventDepartment,
    EventIndexPage,
    EventKiosk,
    EventPage,
    KioskTally,
)
from campaign.legal.models import (
    AccessibilityFeedback,
    AccessibilityStatementPage,
    FeedbackStatus,
    ImprintPage,
    PrivacyPage,
)
from campaign.members.models import Member
from campaign.pages.models import (
    CampaignPage,
    EmployerDirectoryPage,
    HomePage,
    StandardPage,
    Testimonial,
)
from campaign.press.models import MediaContact, PressIndexPage, PressReleasePage
from campaign.previews.models import PreviewLink
from campaign.sites.models import EmployerSettings, SocialAccount

__all__ = [
    "AccessibilityFeedback",
    "AccessibilityStatementPage",
    "Booking",
    "BookingStatus",
    "CalendarEdition",
    "CalendarMotif",
    "CalendarOrder",
    "CalendarPdf",
    "CampaignPage",
    "EasyLanguagePage",
    "EmployerDirectoryPage",
    "EmployerSettings",
    "EventDepartment",
    "EventIndexPage",
    "EventKiosk",
    "EventPage",
    "FeedbackStatus",
    "HomePage",
    "ImprintPage",
    "KioskTally",
    "MediaContact",
    "Member",
    "OrderStatus",
    "PhotoCalendarPage",
    "PressIndexPage",
    "PressReleasePage",
    "PreviewLink",
    "PrivacyPage",
    "SignLanguagePage",
    "SocialAccount",
    "StandardPage",
    "Testimonial",
]
