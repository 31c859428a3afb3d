"""The second factor's admin views (registered through Wagtail's admin URL hook)."""

from django.urls import path

from campaign.sites.staff_security import views
from campaign.sites.staff_security.second_factor import SETUP, VERIFY

urlpatterns = [
    path("zweiter-faktor/einrichten/", views.setup, name=SETUP),
    path("zweiter-faktor/", views.verify, name=VERIFY),
]
