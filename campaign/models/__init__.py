"""Campaign content: the employer's home, campaigns, content pages and site settings."""

from .campaigns import CampaignPage
from .pages import EmployerDirectoryPage, HomePage, StandardPage
from .site_settings import EmployerSettings, SocialAccount
from .testimonials import Testimonial

__all__ = [
    "CampaignPage",
    "EmployerDirectoryPage",
    "EmployerSettings",
    "HomePage",
    "SocialAccount",
    "StandardPage",
    "Testimonial",
]
