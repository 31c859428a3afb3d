"""Campaign content: the employer's home, content pages and site settings."""

from .pages import EmployerDirectoryPage, HomePage, StandardPage
from .site_settings import EmployerSettings, SocialAccount

__all__ = ["EmployerDirectoryPage", "EmployerSettings", "HomePage", "SocialAccount", "StandardPage"]
