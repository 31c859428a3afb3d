"""Campaign content: the employer's home, campaigns, content pages, press releases,
events, photo calendars, Leichte Sprache and Gebärdensprache, and site settings."""

from .accessible_language import EasyLanguagePage, SignLanguagePage
from .calendars import CalendarEdition, CalendarMotif, CalendarPdf, PhotoCalendarPage
from .campaigns import CampaignPage
from .events import Booking, BookingStatus, EventDepartment, EventIndexPage, EventPage
from .pages import EmployerDirectoryPage, HomePage, StandardPage
from .press import MediaContact, PressIndexPage, PressReleasePage
from .site_settings import EmployerSettings, SocialAccount
from .testimonials import Testimonial

__all__ = [
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
    "HomePage",
    "MediaContact",
    "PhotoCalendarPage",
    "PressIndexPage",
    "PressReleasePage",
    "SignLanguagePage",
    "SocialAccount",
    "StandardPage",
    "Testimonial",
]
