"""/stellenalarm/: subscribe, check-your-mail, confirm, unsubscribe (see careers.alerts.views)."""

from django.urls import path

from careers.alerts import views

app_name = "job_alerts"
urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("gesendet/", views.sent, name="sent"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("abbestellen/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
