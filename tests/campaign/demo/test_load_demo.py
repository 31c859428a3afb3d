import re
from base64 import b32decode
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page, PageViewRestriction, Site

from campaign.models import CalendarOrder, EmployerSettings, HomePage, PressReleasePage

pytestmark = pytest.mark.django_db

DEMO_HOSTS = {
    "localhost",
    "mitte.localhost",
    "zukunftsorte.localhost",
    "jobcenter-essen.localhost",
    "duesseldorf.localhost",
}


def run_load_demo():
    out = StringIO()
    call_command("load_demo", "--port", "8000", stdout=out)
    return out.getvalue()


def test_builds_the_four_employers_and_the_directory():
    output = run_load_demo()

    assert set(Site.objects.values_list("hostname", flat=True)) == DEMO_HOSTS
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    assert EmployerSettings.objects.count() == 5  # the directory has its own, too
    assert HomePage.objects.live().filter(locale__language_code="de").count() == 4
    assert HomePage.objects.live().filter(locale__language_code="en").count() == 1  # Zukunftsorte
    assert "Passwort:" in output
    # The superuser's second factor: a secret made in this run, printed and kept.
    secret = re.search(r"Schlüssel ([A-Z2-7 ]+)\n", output).group(1)
    device = TOTPDevice.objects.get(user=get_user_model().objects.get(username="admin"))
    assert device.confirmed
    assert b32decode(secret.replace(" ", "")) == device.bin_key
    assert secret in (settings.VAR_DIR / "demo-admin.txt").read_text()
    assert "Notfallcodes" in output
    # A member for the notebooks release's member part, without admin access.
    member = get_user_model().objects.get(username="mitglied@example.org")
    assert member.is_active
    assert not member.is_staff
    assert "Mitglied: http://mitte.localhost:8000/konto/anmelden/" in output
    release = PressReleasePage.objects.get(slug="homeoffice")
    assert "3.222" in str(release.member_body)
    assert "3.222" not in str(release.body)
    assert not PageViewRestriction.objects.filter(page=release).exists()


def test_running_twice_changes_nothing():
    run_load_demo()
    pages, images = Page.objects.count(), Site.objects.count()

    output = run_load_demo()

    assert Page.objects.count() == pages
    assert Site.objects.count() == images
    assert PageViewRestriction.objects.count() == 0
    assert get_user_model().objects.filter(username="mitglied@example.org").count() == 1
    assert CalendarOrder.objects.count() == 2
    assert "besteht bereits" in output


def test_replaces_wagtails_welcome_page():
    run_load_demo()

    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


def test_home_pages_tell_the_seed_stories(client):
    run_load_demo()

    mitte = client.get("/", HTTP_HOST="mitte.localhost")
    essen = client.get("/", HTTP_HOST="jobcenter-essen.localhost")
    duesseldorf = client.get("/", HTTP_HOST="duesseldorf.localhost")

    assert "#WirmachenMitte" in mitte.text
    assert "mehr als 80 Berufsfeldern" in mitte.text
    assert "Was geht" in essen.text
    assert "1.988 Beratungsgespräche" in duesseldorf.text


def test_demo_images_are_small_real_images():
    run_load_demo()
    from media_library.models import CustomImage

    for image in CustomImage.objects.all():
        assert image.file.size < 200_000, image.title
        assert image.width > 0
        assert image.height > 0
        assert image.description, f"{image.title} has no alt text"


def test_essen_has_its_photo_calendar_with_twelve_motifs_and_two_earlier_editions(client):
    from campaign.models import CalendarPdf, PhotoCalendarPage

    run_load_demo()
    calendar = PhotoCalendarPage.objects.get(slug="kalender-was-geht")

    assert calendar.live
    assert calendar.get_site().hostname == "jobcenter-essen.localhost"
    assert sorted(calendar.motifs.values_list("month", flat=True)) == list(range(1, 13))
    assert set(calendar.motifs.values_list("photographer", flat=True)) == {
        "Stefan Arend",
        "Bernd Schaller",
    }
    editions = [(e.year, e.motto) for e in calendar.earlier_editions.all()]
    assert editions == [(2014, "Zu Potte kommen"), (2016, "Was Frauen wollen")]
    # The test demo leaves the PDF to its first download; load_demo makes it.
    pdf = CalendarPdf.objects.get(page=calendar)

    page = client.get("/kalender-was-geht/", HTTP_HOST="jobcenter-essen.localhost")

    assert page.status_code == 200
    assert "Oldtimer-Werkstatt" in page.text
    assert f"Kalender als PDF ({pdf.size_label})" in page.text
    assert "Zu Potte kommen" in page.text
    # The printed edition can be ordered; two orders wait in the admin, one sent.
    assert "Gedruckten Kalender kostenfrei bestellen" in page.text
    assert sorted(calendar.orders.values_list("status", flat=True)) == ["confirmed", "sent"]


def test_the_employers_have_the_states_of_their_holidays():
    run_load_demo()

    states = dict(EmployerSettings.objects.values_list("site__hostname", "state"))

    assert states == {
        "localhost": "",
        "mitte.localhost": "BE",
        "zukunftsorte.localhost": "ST",
        "jobcenter-essen.localhost": "NW",
        "duesseldorf.localhost": "NW",
    }
