"""Campaign content: the employer's home, campaigns, content pages, press releases,
events, photo calendars and site settings."""

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
    "SocialAccount",
    "StandardPage",
    "Testimonial",
]
