"""Campaign content: the employer's home, campaigns, content pages, press releases,
events, photo calendars, Leichte Sprache and Gebärdensprache, site settings and
the legal pages (imprint, privacy, accessibility statement with its feedback),
members' profiles."""

from .accessible_language import EasyLanguagePage, SignLanguagePage
from .calendars import CalendarEdition, CalendarMotif, CalendarPdf, PhotoCalendarPage
from .campaigns import CampaignPage
from .events import Booking, BookingStatus, EventDepartment, EventIndexPage, EventPage
from .feedback import AccessibilityFeedback, FeedbackStatus
from .legal import AccessibilityStatementPage, ImprintPage, PrivacyPage
from .members import Member
from .pages import EmployerDirectoryPage, HomePage, StandardPage
from .press import MediaContact, PressIndexPage, PressReleasePage
from .site_settings import EmployerSettings, SocialAccount
from .testimonials import Testimonial

__all__ = [
    "AccessibilityFeedback",
    "AccessibilityStatementPage",
    "Booking",
    "BookingStatus",
    "CalendarEdition",
    "CalendarMotif",
    "CalendarPdf",
    "CampaignPage",
    "EasyLanguagePage",
    "EmployerDirectoryPage",
    "EmployerSettings",
    "EventDepartment",
    "EventIndexPage",
    "EventPage",
    "FeedbackStatus",
    "HomePage",
    "ImprintPage",
    "MediaContact",
    "Member",
    "PhotoCalendarPage",
    "PressIndexPage",
    "PressReleasePage",
    "PrivacyPage",
    "SignLanguagePage",
    "SocialAccount",
    "StandardPage",
    "Testimonial",
]
