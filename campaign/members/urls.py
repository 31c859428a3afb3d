"""/konto/…: the members' pages (German paths, under the language prefixes)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from campaign.members import views

app_name = "members"

urlpatterns = [
    path("", views.account, name="account"),
    path("registrieren/", views.register, name="register"),
    path("registrieren/gesendet/", views.registered, name="registered"),
    path("bestaetigen/erneut/", views.resend, name="resend"),
    path("bestaetigen/<str:key>/", views.verify, name="verify"),
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden/", views.LogoutView.as_view(), name="logout"),
    path("passwort-vergessen/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "passwort-vergessen/gesendet/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="campaign/members/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "passwort-vergessen/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "passwort-vergessen/fertig/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="campaign/members/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("loeschen/", views.delete, name="delete"),
    path("geloescht/", views.deleted, name="deleted"),
]
