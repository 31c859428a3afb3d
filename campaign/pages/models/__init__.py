"""The foundation's page types (the employer's home, content pages, the directory
of employers), campaign pages and the testimonials they show."""

from .campaigns import CampaignPage
from .home import EmployerDirectoryPage, HomePage, StandardPage
from .testimonials import Testimonial

__all__ = ["CampaignPage", "EmployerDirectoryPage", "HomePage", "StandardPage", "Testimonial"]
