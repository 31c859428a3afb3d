"""Campaign content: the employer's home, campaigns, content pages, press releases
and site settings."""

from .campaigns import CampaignPage
from .pages import EmployerDirectoryPage, HomePage, StandardPage
from .press import MediaContact, PressIndexPage, PressReleasePage
from .site_settings import EmployerSettings, SocialAccount
from .testimonials import Testimonial

__all__ = [
    "CampaignPage",
    "EmployerDirectoryPage",
    "EmployerSettings",
    "HomePage",
    "MediaContact",
    "PressIndexPage",
    "PressReleasePage",
    "SocialAccount",
    "StandardPage",
    "Testimonial",
]
