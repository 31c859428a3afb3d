"""The kiosk's addresses (careers/kiosk/views.py), wired by campaign/project/urls.py."""

from django.urls import path

from careers.kiosk import views

urlpatterns = [
    path("kiosk/<str:token>/", views.start, name="kiosk_start"),
    path("kiosk/<str:token>/stelle/<int:posting_id>/", views.apply, name="kiosk_apply"),
    path("kiosk/<str:token>/danke/", views.thanks, name="kiosk_thanks"),
    path("kiosk/<str:token>/team/", views.staff, name="kiosk_staff"),
    path("bewerbung/unterlagen/<str:token>/", views.documents, name="kiosk_documents"),
]
