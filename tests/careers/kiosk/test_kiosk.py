"""The event kiosk (careers/kiosk/): its link, short applications that reach HR,
documents added later, the staff's counts and the event's results."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from campaign.models import EventKiosk, EventPage, KioskTally
from campaign.sites.roles import HR
from careers.applications import retention, storage
from careers.kiosk import services
from careers.models import Application, JobPostingPage
from tests.careers.applications.conftest import HOST, OTHER_HOST, user_in
from tests.careers.kiosk.conftest import kiosk_path
from tests.support import get_with_query_budget, login_with_second_factor

SHORT = {
    "first_name": "Ada",
    "last_name": "Muster",
    "email": "ada@example.org",
    "phone": "0211 123456",
    "message": "Verwaltung interessiert mich.",
    "privacy_consent": "on",
}


def _apply(client, kiosk, posting, data, capture):
    with capture(execute=True):
        return client.post(kiosk_path(kiosk, f"stelle/{posting.pk}/"), data, HTTP_HOST=HOST)


def _first_posting(event):
    return services.postings(event).first()


def test_a_genuine_link_opens_the_kiosk_privately_a_forged_or_old_one_says_why(
    client, kiosk, event
):
    client.get(kiosk_path(kiosk), HTTP_HOST=HOST)  # the logo's rendition, made once
    response = get_with_query_budget(client, kiosk_path(kiosk), host=HOST, max_queries=18)
    assert "Direkt hier bewerben" in response.text
    assert _first_posting(event).title in response.text
    assert "no-store" in response["Cache-Control"]  # never kept by the page cache or a proxy
    assert response["X-Robots-Tag"] == "noindex"

    token = services.kiosk_token(kiosk)
    forged = client.get(f"/kiosk/{token[:-2]}xy/", HTTP_HOST=HOST)
    assert forged.status_code == 404
    assert "Diesen Kiosk gibt es nicht" in forged.text
    assert client.get("/kiosk/%3Cscript%3E/", HTTP_HOST=HOST).status_code == 404
    # The right link on another employer's host names nothing there.
    assert client.get(kiosk_path(kiosk), HTTP_HOST=OTHER_HOST).status_code == 404

    kiosk.valid_until = timezone.now() - datetime.timedelta(minutes=1)
    kiosk.save()
    expired = client.get(kiosk_path(kiosk), HTTP_HOST=HOST)
    assert expired.status_code == 410
    assert "Dieser Kiosk-Link ist abgelaufen" in expired.text

    kiosk.delete()
    assert client.get(f"/kiosk/{token}/", HTTP_HOST=HOST).status_code == 404


def test_a_short_application_reaches_hr_of_that_posting_only_and_mails_the_documents_link(
    client, kiosk, event, pdf_bytes, django_capture_on_commit_callbacks
):
    posting = _first_posting(event)
    form = get_with_query_budget(
        client, kiosk_path(kiosk, f"stelle/{posting.pk}/"), host=HOST, max_queries=18
    )
    assert 'autocomplete="off"' in form.text

    response = _apply(client, kiosk, posting, SHORT, django_capture_on_commit_callbacks)
    assert response.status_code == 303
    thanks = client.get(response["Location"], HTTP_HOST=HOST)
    assert "Ihre Bewerbung ist eingegangen" in thanks.text
    assert "Ada" not in thanks.text  # the next visitor reads the same tablet

    application = Application.objects.get(email="ada@example.org")
    assert (application.posting_id, application.event_id) == (posting.pk, event.pk)
    assert application.message == SHORT["message"]
    assert application.documents.count() == 0

    hr = Client()
    login_with_second_factor(hr, user_in(HOST, HR))
    listing = hr.get(f"/admin/bewerbungen/?posting={posting.pk}", HTTP_HOST="localhost").text
    assert application.receipt_number in listing
    assert "vor Ort" in listing
    elsewhere = Client()
    login_with_second_factor(elsewhere, user_in(OTHER_HOST, HR))
    assert (
        application.receipt_number
        not in elsewhere.get("/admin/bewerbungen/", HTTP_HOST="localhost").text
    )

    # The mailed link adds a real PDF, checked like the online form's, to that application.
    (message,) = mail.outbox
    path = re.search(r"/bewerbung/unterlagen/\S+/", message.body).group(0)
    documents_page = get_with_query_budget(client, path, host=HOST, max_queries=16)
    assert "no-store" in documents_page["Cache-Control"]
    not_a_pdf = SimpleUploadedFile("cv.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    refused = client.post(path, {"documents": [not_a_pdf]}, HTTP_HOST=HOST)
    assert refused.status_code == 422
    assert "PDF" in refused.text
    pdf = SimpleUploadedFile("Lebenslauf.pdf", pdf_bytes, "application/pdf")
    added = client.post(path, {"documents": [pdf]}, HTTP_HOST=HOST)
    assert added.status_code == 303
    (document,) = application.documents.all()
    assert storage.read(document.pk) == pdf_bytes
    assert "Ihre Unterlagen sind eingegangen" in client.get(added["Location"], HTTP_HOST=HOST).text


def test_an_expired_or_forged_documents_link_says_so_in_german(
    client, kiosk, event, settings, django_capture_on_commit_callbacks
):
    _apply(client, kiosk, _first_posting(event), SHORT, django_capture_on_commit_callbacks)
    path = re.search(r"/bewerbung/unterlagen/\S+/", mail.outbox[0].body).group(0)

    settings.KIOSK_DOCUMENTS_LINK_DAYS = -1
    expired = client.get(path, HTTP_HOST=HOST)
    assert expired.status_code == 410
    assert "Dieser Link zum Hochladen ist abgelaufen" in expired.text
    settings.KIOSK_DOCUMENTS_LINK_DAYS = 14
    assert (
        client.get(path.replace("/unterlagen/", "/unterlagen/x"), HTTP_HOST=HOST).status_code == 400
    )
    Application.objects.all().delete()
    assert client.get(path, HTTP_HOST=HOST).status_code == 404


def test_hostile_input_gets_german_messages_and_keeps_what_was_typed(
    client, kiosk, event, site, django_capture_on_commit_callbacks
):
    posting = _first_posting(event)
    typed = {**SHORT, "email": "ada@", "first_name": "x" * 500, "privacy_consent": ""}
    typed["message"] = "<script>alert(1)</script>"
    response = _apply(client, kiosk, posting, typed, django_capture_on_commit_callbacks)
    assert response.status_code == 422
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in response.text
    assert "Ohne Ihre Einwilligung" in response.text
    assert 'value="ada@"' in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert not Application.objects.exists()

    # Another employer's posting, a closed one, nonsense: not offered here.
    foreign = JobPostingPage.objects.live().exclude(pk__in=services.postings(event)).first()
    response = _apply(client, kiosk, foreign, SHORT, django_capture_on_commit_callbacks)
    assert response.status_code == 404
    assert "Diese Stelle gibt es am Kiosk nicht" in response.text
    assert (
        client.get(kiosk_path(kiosk, "stelle/99999999999999999999/"), HTTP_HOST=HOST).status_code
        == 404
    )

    staff = kiosk_path(kiosk, "team/")
    for value in ("", "../../", "1 OR 1=1", "9" * 40):
        response = client.post(staff, {"bereich": value}, HTTP_HOST=HOST)
        assert response.status_code == 400, value
        assert "Diesen Bereich gibt es bei dieser Veranstaltung nicht" in response.text
    assert client.put(staff, HTTP_HOST=HOST).status_code == 405


def test_the_kiosk_limits_applications_per_link_not_per_address(
    client, kiosk, event, monkeypatch, django_capture_on_commit_callbacks
):
    from careers.kiosk import views

    monkeypatch.setattr(views, "KIOSK_APPLICATION_LIMIT", views.RateLimit("kiosk-t", 1, 60))
    posting = _first_posting(event)
    assert (
        _apply(client, kiosk, posting, SHORT, django_capture_on_commit_callbacks).status_code == 303
    )
    refused = _apply(client, kiosk, posting, SHORT, django_capture_on_commit_callbacks)
    assert refused.status_code == 429
    assert 'value="Ada"' in refused.text


def test_staff_count_with_one_tap_each_csrf_checked_never_cached(client, kiosk, event):
    staff = kiosk_path(kiosk, "team/")
    department = event.departments.first()
    checked = Client(enforce_csrf_checks=True)
    assert checked.post(staff, {"bereich": department.pk}, HTTP_HOST=HOST).status_code == 403

    page = get_with_query_budget(client, staff, host=HOST, max_queries=18)
    assert "no-store" in page["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in page.text
    for _tap in range(3):
        response = client.post(staff, {"bereich": department.pk}, HTTP_HOST=HOST)
        assert response.status_code == 303
    client.post(staff, {"bereich": services.PARTICIPANTS}, HTTP_HOST=HOST)

    assert services.tallies(event) == {department.pk: 3, None: 1}
    assert "bisher 3" in client.get(staff, HTTP_HOST=HOST).text


def test_a_tap_counts_in_the_database_not_from_what_a_request_read(kiosk, event):
    department = event.departments.first()
    services.tap(event, department)
    stale = KioskTally.objects.get(event=event, department=department)
    services.tap(event, department)  # another tablet, meanwhile
    stale.refresh_from_db()
    assert stale.count == 2


def test_the_results_come_from_the_kiosk_once_it_was_used(
    client, site, django_capture_on_commit_callbacks
):
    past = (
        EventPage.objects.live()
        .descendant_of(site.root_page)
        .filter(end__lt=timezone.now())
        .first()
    )
    path = past.get_url_parts()[2]
    assert past.results() == (675, 1988, 84, 444)  # the editor's, without a kiosk
    assert ">1.988</dd>" in client.get(path, HTTP_HOST=HOST).text  # now in the page cache

    kiosk = EventKiosk.objects.create(
        event=past, label="Tablet", valid_until=timezone.now() + datetime.timedelta(hours=1)
    )
    for department in past.departments.all()[:2]:
        services.tap(past, department)
    services.tap(past, None)
    posting = services.postings(past).first()
    with django_capture_on_commit_callbacks(execute=True):
        services.apply(kiosk, posting, {**SHORT, "privacy_consent": True})

    assert past.results() == (1, 2, 1, 1)
    html = client.get(path, HTTP_HOST=HOST).text  # purged by the count
    assert ">1.988</dd>" not in html
    assert 'key-figure__value">2</dd>' in html or ">2</dd>" in html


def test_short_applications_are_deleted_with_the_others(
    kiosk, event, django_capture_on_commit_callbacks
):
    posting = _first_posting(event)
    with django_capture_on_commit_callbacks(execute=True):
        application = services.apply(kiosk, posting, {**SHORT, "privacy_consent": True})
    later = timezone.localdate() + datetime.timedelta(days=400) + datetime.timedelta(days=365 * 3)
    assert application in retention.expired(on=later)


@pytest.mark.parametrize(("who", "sees"), [("hr", True), ("hr elsewhere", False)])
def test_kiosks_in_the_admin_are_the_editors_sites_only(who, sees, kiosk):
    host = {"hr": HOST, "hr elsewhere": OTHER_HOST}[who]
    client = Client()
    login_with_second_factor(client, user_in(host, HR))
    listing = client.get("/admin/kiosks/", HTTP_HOST="localhost")
    assert listing.status_code == 200
    assert (services.kiosk_token(kiosk) in listing.text) is sees
    detail = client.get(f"/admin/kiosks/inspect/{kiosk.pk}/", HTTP_HOST="localhost")
    assert detail.status_code == (200 if sees else 404)
    assert client.get("/admin/kiosks/new/", HTTP_HOST="localhost").status_code == 200
    valid_until = (timezone.localtime() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    data = {"event": kiosk.event.pk, "label": "Zweites Tablet", "valid_until": valid_until}
    created = client.post("/admin/kiosks/new/", data, HTTP_HOST="localhost")
    assert EventKiosk.objects.filter(label="Zweites Tablet").exists() is sees
    assert created.status_code == (302 if sees else 200)


def test_the_demo_writes_its_kiosk_link_beside_the_admin_login_once(
    client, kiosk, settings, tmp_path
):
    from campaign.management.commands.load_demo import Command

    settings.VAR_DIR = tmp_path
    login_file = tmp_path / "demo-admin.txt"
    login_file.write_text("admin\ngeheim\n")
    Command()._other_logins(8000)
    Command()._other_logins(8000)  # load_demo again

    (line,) = [line for line in login_file.read_text().splitlines() if "/kiosk/" in line]
    assert kiosk.event.title in line
    path = "/" + line.split("://", 1)[1].split("/", 1)[1]
    assert client.get(path, HTTP_HOST=HOST).status_code == 200
