"""campaign/calendars/models.py, calendar_files.py and tasks.py: the photo calendar
page (seed 002), its printable PDF and what editors may publish."""

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.http import QueryDict
from django.utils import timezone
from django_tasks import task_backends
from pypdf import PdfReader
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from campaign.calendars.files import is_fresh, pdf_for
from campaign.calendars.pdf import MONTHS
from campaign.calendars.tasks import make_calendar_pdf
from campaign.factories import (
    CalendarEditionFactory,
    CampaignPageFactory,
    EmployerSettingsFactory,
    PhotoCalendarPageFactory,
    SiteFactory,
)
from campaign.models import CalendarPdf, PhotoCalendarPage
from careers.factories import JobFieldIndexPageFactory, JobFieldPageFactory
from media_library.factories import ImageFactory
from tests.support import count_queries, get_with_query_budget, login_with_second_factor

pytestmark = pytest.mark.django_db

HOST = "kalender.localhost"
URL = "/kalender/"
PDF_URL = "/kalender/kalender-pdf/"
MONTH_NAMES = list(MONTHS)


@pytest.fixture
def site():
    site = SiteFactory(hostname=HOST, site_name="JobCenter Beispiel")
    EmployerSettingsFactory(site=site, organisation_name="JobCenter Beispiel", state="NW")
    return site


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _calendar(site, **kwargs):
    """A calendar (unpublished): photographers alternate, as in the Essen calendar."""
    kwargs = {"title": "Kalender 2018: „Was geht“", "slug": "kalender", **kwargs}
    page = PhotoCalendarPageFactory(parent=site.root_page, **kwargs)
    for motif in page.motifs.all():
        motif.photographer = "Stefan Arend" if motif.month % 2 else "Bernd Schaller"
        motif.caption = f"Motiv {MONTH_NAMES[motif.month - 1]}: In der Oldtimer-Werkstatt"
        motif.save()
    return page


@pytest.fixture
def calendar(site):
    page = _calendar(site)
    CalendarEditionFactory(page=page, year=2014, motto="Zu Potte kommen", description="")
    CalendarEditionFactory(page=page, year=2016, motto="Was Frauen wollen")
    return _publish(page)


def _pdf(client):
    response = client.get(PDF_URL, HTTP_HOST=HOST)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


# The page


def test_the_page_shows_twelve_motifs_with_captions_and_photographers(client, calendar):
    html = client.get(URL, HTTP_HOST=HOST).text

    assert html.count("<h1") == 1
    months = re.findall(r'<h3 class="[^"]*calendar-motif__month">([^<]+)</h3>', html)
    assert months == MONTH_NAMES
    assert html.count("In der Oldtimer-Werkstatt") == 12
    assert html.count("Foto: Stefan Arend") == 6
    assert html.count("Foto: Bernd Schaller") == 6
    assert html.count("Arbeitsfeld: Arbeitsvermittlung") == 12
    assert "Fotokalender 2018 · Motto „Was geht“" in html
    assert "Kostenfrei an Kundinnen und Kunden." in html


def test_every_motif_image_has_its_alt_text(client, calendar):
    html = client.get(URL, HTTP_HOST=HOST).text
    images = re.findall(r"<img [^>]*>", html.split('id="monatsmotive"')[1])

    assert len(images) == 12
    assert all(re.search(r'alt="Beispielbild \d+"', tag) for tag in images)


def test_the_work_field_links_to_its_job_field_page(client, site, calendar):
    index = JobFieldIndexPageFactory(parent=site.root_page)
    job_field = JobFieldPageFactory(parent=index, title="Arbeitsvermittlung", slug="vermittlung")
    motif = calendar.motifs.get(month=3)
    motif.job_field_page = job_field
    motif.save()
    _publish(calendar)

    html = client.get(URL, HTTP_HOST=HOST).text

    assert (
        'Arbeitsfeld: <a class="kern-link" href="/berufsfelder/vermittlung/">Arbeitsvermittlung</a>'
        in html
    )
    assert html.count("Arbeitsfeld: Arbeitsvermittlung") == 11


def test_earlier_editions_with_and_without_their_own_page(client, site, calendar):
    earlier = _publish(
        _calendar(site, year=2016, motto="Was Frauen wollen", motifs=12, slug="kalender-2016")
    )
    calendar.earlier_editions.all().delete()
    CalendarEditionFactory(page=calendar, year=2014, motto="Zu Potte kommen", description="")
    CalendarEditionFactory(page=calendar, edition_page=earlier, year=None, motto="")
    _publish(calendar)

    html = client.get(URL, HTTP_HOST=HOST).text

    assert "Frühere Ausgaben" in html
    assert '<span class="calendar-editions__year">2014</span>: „Zu Potte kommen“' in html
    assert (
        '<span class="calendar-editions__year">2016</span>: '
        '<a class="kern-link" href="/kalender-2016/">„Was Frauen wollen“</a>'
    ) in html


def test_the_download_link_names_the_size_in_german(client, calendar):
    html = client.get(URL, HTTP_HOST=HOST).text
    size = CalendarPdf.objects.get(page=calendar).size_label

    assert re.fullmatch(r"\d+(,\d)? KB", size)
    assert f'href="{PDF_URL}" type="application/pdf">Kalender als PDF ({size})</a>' in html


def test_the_page_needs_a_fixed_number_of_queries(client, calendar):
    index = JobFieldIndexPageFactory(parent=calendar.get_parent())
    client.get(URL, HTTP_HOST=HOST)  # warm: branding, renditions
    without_links = count_queries(client, URL, host=HOST)
    for motif in calendar.motifs.all():
        motif.job_field_page = JobFieldPageFactory(parent=index)
        motif.save()
    _publish(calendar)
    client.get(URL, HTTP_HOST=HOST)

    # The page's own share: motifs with their job field pages, images,
    # renditions, editions and the PDF record, five queries for all twelve;
    # the rest is the site's frame (routing with its locale, menu, settings, footer).
    response = get_with_query_budget(client, URL, host=HOST, max_queries=17)
    assert without_links <= 17
    assert response.text.count('href="/berufsfelder/berufsfeld-') == 12


# The PDF


def test_the_pdf_is_rendered_on_publish_and_has_cover_twelve_months_and_credits(client, calendar):
    stored = CalendarPdf.objects.get(page=calendar)

    response, data = _pdf(client)

    assert response["Content-Type"] == "application/pdf"
    # Year and motto once, not "kalender-2018-kalender-2018-was-geht.pdf" from the slug.
    assert 'filename="kalender-2018-was-geht.pdf"' in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 14
    assert "„Was geht“" in reader.pages[0].extract_text()
    assert "Feiertage in Nordrhein-Westfalen" in reader.pages[5].extract_text()
    assert "Foto: Bernd Schaller" in reader.pages[2].extract_text()
    assert "Herausgegeben von JobCenter Beispiel" in reader.pages[13].extract_text()
    assert len(data) == stored.file_size


def test_the_pdf_is_kept_not_rendered_per_request(client, calendar):
    stored = CalendarPdf.objects.get(page=calendar)

    _, first = _pdf(client)
    _, second = _pdf(client)

    again = CalendarPdf.objects.get(page=calendar)
    assert (again.file.name, again.rendered_at) == (stored.file.name, stored.rendered_at)
    assert first == second


def test_a_missing_pdf_is_queued_by_the_first_download(client, calendar):
    CalendarPdf.objects.filter(page=calendar).delete()
    html = client.get(URL, HTTP_HOST=HOST).text
    assert "Kalender als PDF</a>" in html  # no size to name yet

    _, data = _pdf(client)  # the test backend runs the queued task at once

    assert CalendarPdf.objects.get(page=calendar).file_size == len(data)


def test_publishing_again_renders_a_new_pdf_and_removes_the_old(
    client, calendar, django_capture_on_commit_callbacks
):
    old = CalendarPdf.objects.get(page=calendar)
    calendar.motto = "Was geht noch"
    with django_capture_on_commit_callbacks(execute=True):
        _publish(calendar)

    new = CalendarPdf.objects.get(page=calendar)
    _, data = _pdf(client)

    assert new.rendered_at > old.rendered_at
    assert new.file.name != old.file.name
    assert not default_storage.exists(old.file.name)
    assert "„Was geht noch“" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_with_object_storage_the_pdf_is_a_private_object_downloaded_through_the_page(
    client, object_storage, site, django_capture_on_commit_callbacks
):
    # The motifs' print renditions are read from the bucket, the PDF written to it.
    with django_capture_on_commit_callbacks(execute=True):
        calendar = _publish(_calendar(site))
    stored = CalendarPdf.objects.get(page=calendar)

    _, data = _pdf(client)

    assert stored.file.name.startswith("kalender/")
    assert stored.file.name in object_storage.keys(object_storage.media_bucket)
    assert data == object_storage.object(object_storage.media_bucket, stored.file.name)
    assert len(PdfReader(io.BytesIO(data)).pages) == 14
    bucket_url = object_storage.bucket_url(object_storage.media_bucket, stored.file.name)
    assert object_storage.anonymous_get(bucket_url)[0] == 403  # only through the page

    calendar.motto = "Was geht noch"
    with django_capture_on_commit_callbacks(execute=True):
        _publish(calendar)
    assert stored.file.name not in object_storage.keys(object_storage.media_bucket)


def test_a_pdf_older_than_the_last_publication_is_made_again(client, calendar):
    stored = CalendarPdf.objects.get(page=calendar)
    CalendarPdf.objects.filter(pk=stored.pk).update(
        rendered_at=calendar.last_published_at - datetime.timedelta(minutes=1)
    )

    _pdf(client)

    assert CalendarPdf.objects.get(page=calendar).rendered_at > calendar.last_published_at


# Rendering belongs to the task worker: with a backend that only queues (as
# django-tasks-db does until its worker runs), no request renders a PDF.


@pytest.fixture
def queued_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return task_backends["default"].results


def _pdf_tasks(tasks):
    return [result for result in tasks if result.task.module_path == make_calendar_pdf.module_path]


def _run(tasks):
    """What the worker does with the queued PDFs."""
    for result in _pdf_tasks(tasks):
        result.task.call(*result.args, **result.kwargs)
    tasks.clear()


def test_publishing_queues_the_pdf_instead_of_rendering_it(client, site, queued_tasks):
    calendar = _publish(_calendar(site))

    assert not CalendarPdf.objects.filter(page=calendar).exists()
    assert [result.args for result in _pdf_tasks(queued_tasks)] == [[calendar.pk]]

    _run(queued_tasks)
    html = client.get(URL, HTTP_HOST=HOST).text
    size = CalendarPdf.objects.get(page=calendar).size_label
    assert f"Kalender als PDF ({size})</a>" in html


def test_publishing_in_the_admin_leaves_the_pdf_to_the_worker(
    client, site, editor, calendar, queued_tasks
):
    rendered_at = CalendarPdf.objects.get(page=calendar).rendered_at
    login_with_second_factor(client, editor)
    form = _form(site.root_page, editor, range(1, 13), instance=calendar)
    data = form.data.copy()
    data["slug"] = "kalender"
    data["action-publish"] = "action-publish"

    response = client.post(f"/admin/pages/{calendar.pk}/edit/", data)

    assert response.status_code == 302
    assert CalendarPdf.objects.get(page=calendar).rendered_at == rendered_at
    assert [result.args for result in _pdf_tasks(queued_tasks)] == [[calendar.pk]]


def test_until_the_worker_made_the_new_pdf_the_previous_one_is_served(
    client, calendar, queued_tasks
):
    previous = CalendarPdf.objects.get(page=calendar)
    calendar.motto = "Was geht noch"
    _publish(calendar)

    html = client.get(URL, HTTP_HOST=HOST).text
    _, data = _pdf(client)

    assert f"Kalender als PDF ({previous.size_label})</a>" in html
    assert "„Was geht“" in PdfReader(io.BytesIO(data)).pages[0].extract_text()
    _run(queued_tasks)
    _, data = _pdf(client)
    assert "„Was geht noch“" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_without_any_pdf_the_download_says_it_is_being_made_and_queues_it_once(
    client, calendar, queued_tasks
):
    CalendarPdf.objects.filter(page=calendar).delete()

    responses = [client.get(PDF_URL, HTTP_HOST=HOST) for _ in range(3)]

    assert [response.status_code for response in responses] == [503, 503, 503]
    assert responses[0]["Retry-After"] == "60"
    assert responses[0]["Cache-Control"] == "no-store"
    assert "Das Kalender-PDF wird gerade erstellt" in responses[0].text
    assert len(_pdf_tasks(queued_tasks)) == 1
    _run(queued_tasks)
    assert _pdf(client)[1].startswith(b"%PDF")


def test_a_previous_pdf_past_a_motifs_usage_rights_is_not_served(client, calendar, queued_tasks):
    CalendarPdf.objects.filter(page=calendar).update(valid_until=_yesterday())

    html = client.get(URL, HTTP_HOST=HOST).text
    response = client.get(PDF_URL, HTTP_HOST=HOST)

    assert "Kalender als PDF</a>" in html  # no size of a file that is not served
    assert response.status_code == 503
    assert len(_pdf_tasks(queued_tasks)) == 1


def test_a_new_state_means_new_holidays(client, site, calendar):
    site.employersettings.state = "BE"
    site.employersettings.save()

    _, data = _pdf(client)

    assert "Feiertage in Berlin" in PdfReader(io.BytesIO(data)).pages[5].extract_text()


def test_without_a_state_the_nationwide_holidays(client, site, calendar):
    site.employersettings.state = ""
    site.employersettings.save()

    _, data = _pdf(client)

    assert "Bundesweite Feiertage" in PdfReader(io.BytesIO(data)).pages[5].extract_text()


def test_a_pdf_whose_file_is_gone_is_made_again(client, calendar):
    stored = CalendarPdf.objects.get(page=calendar)
    default_storage.delete(stored.file.name)

    _, data = _pdf(client)

    fresh = CalendarPdf.objects.get(page=calendar)
    assert fresh.rendered_at > stored.rendered_at
    assert default_storage.exists(fresh.file.name)
    assert data.startswith(b"%PDF")


def test_a_preview_shows_unsaved_motifs(calendar):
    motif = calendar.motifs.all()[0]
    motif.caption = "Noch nicht gespeichert"
    calendar.motifs = [motif, *calendar.motifs.all()[1:]]

    response = calendar.make_preview_request()

    assert response.status_code == 200
    assert "Noch nicht gespeichert" in response.render().text


def test_a_draft_without_twelve_motifs_has_no_pdf(client, site):
    page = _calendar(site, motifs=11)

    assert pdf_for(page) is None


# Usage rights


def _yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


def test_an_expired_image_stays_off_the_page_and_out_of_the_pdf(client, calendar):
    expired = ImageFactory(description="Abgelaufenes Motiv", usage_rights_until=_yesterday())
    motif = calendar.motifs.get(month=3)
    motif.image = expired
    motif.photographer = "Anna Abgelaufen"
    motif.save()
    _publish(calendar)

    html = client.get(URL, HTTP_HOST=HOST).text
    _, data = _pdf(client)
    reader = PdfReader(io.BytesIO(data))

    assert "Abgelaufenes Motiv" not in html
    assert "Anna Abgelaufen" not in html
    assert "Motiv März: In der Oldtimer-Werkstatt" in html  # the text stays
    assert html.count('class="media-placeholder"') == 1
    assert "Anna Abgelaufen" not in reader.pages[3].extract_text()
    assert "Anna Abgelaufen" not in reader.pages[13].extract_text()
    assert "Ohne Foto, weil die Nutzungsrechte abgelaufen sind: März." in (
        reader.pages[13].extract_text().replace("\n", " ")
    )


def test_a_pdf_goes_stale_when_a_printed_image_expires(calendar):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    motif = calendar.motifs.get(month=5)
    motif.image.usage_rights_until = tomorrow
    motif.image.save()
    _publish(calendar)
    pdf = CalendarPdf.objects.get(page=calendar)

    assert pdf.valid_until == tomorrow
    assert is_fresh(pdf, calendar, today=tomorrow)
    assert not is_fresh(pdf, calendar, today=tomorrow + datetime.timedelta(days=1))


# What editors may publish


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("presse", "p@example.org", "geheim-123456")


def _form(parent, editor, months, *, instance=None, editions=(), order=None):
    images = [ImageFactory() for _ in months]
    data = {
        "title": "Kalender 2018",
        "slug": "kalender-2018",
        "year": "2018",
        "motto": "Was geht",
        "lead": "Zwölf Fotos.",
        "distribution": "",
        "printed_copies": "",
        "order_limit": "10",
        "body": streamfield([]),
        "motifs": inline_formset(
            [
                {
                    "month": str(month),
                    "image": str(image.pk),
                    "caption": "Beratung",
                    "work_field": "Arbeitsvermittlung",
                    "job_field_page": "",
                    "photographer": "Stefan Arend",
                }
                for month, image in zip(months, images, strict=True)
            ]
        ),
        "earlier_editions": inline_formset(list(editions)),
        "comments": inline_formset([]),
    }
    form_data = QueryDict(mutable=True)
    form_data.update(nested_form_data(data))
    for index, position in (order or {}).items():  # what the inline panel's moves post
        form_data[f"motifs-{index}-ORDER"] = str(position)
    form_class = PhotoCalendarPage.get_edit_handler().get_form_class()
    return form_class(
        form_data, instance=instance or PhotoCalendarPage(), parent_page=parent, for_user=editor
    )


def test_twelve_distinct_months_may_be_published(site, editor):
    form = _form(site.root_page, editor, range(1, 13))

    assert form.is_valid(), form.errors


def test_eleven_motifs_cannot_be_published(site, editor):
    form = _form(site.root_page, editor, range(1, 12))

    assert not form.is_valid()
    assert "genau 12 Monatsmotive, nicht 11" in str(form.non_field_errors())
    # Which month is missing, not only how many motifs there are.
    assert "Es fehlt ein Motiv für: Dezember." in str(form.non_field_errors())


def test_the_months_follow_the_order_of_the_motifs(site, editor):
    # December's motif moved to the top (arrow buttons, keys or dragging):
    # it is January now, and every other motif a month later.
    form = _form(site.root_page, editor, range(1, 13), order={11: -1})

    assert form.is_valid(), form.errors
    motifs = form.formsets["motifs"].forms
    assert motifs[11].instance.month == 1
    assert [motif.instance.month for motif in motifs[:11]] == list(range(2, 13))


def test_the_month_field_posted_is_not_what_counts(site, editor):
    form = _form(site.root_page, editor, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 11])

    assert form.is_valid(), form.errors
    assert [motif.instance.month for motif in form.formsets["motifs"].forms] == list(range(1, 13))


def test_a_draft_may_be_unfinished(site, editor):
    form = _form(site.root_page, editor, range(1, 4))
    form.defer_required_fields()  # what the admin does for "Entwurf speichern"

    assert form.is_valid(), form.errors


def test_publishing_eleven_motifs_in_the_admin_fails_and_keeps_the_live_page(
    client, site, editor, calendar
):
    login_with_second_factor(client, editor)
    form = _form(site.root_page, editor, range(1, 12), instance=calendar)
    data = form.data.copy()
    data["slug"] = "kalender"
    data["action-publish"] = "action-publish"

    response = client.post(f"/admin/pages/{calendar.pk}/edit/", data)

    assert response.status_code == 200
    assert "genau 12 Monatsmotive, nicht 11" in response.text
    assert calendar.motifs.count() == 12


def test_an_earlier_edition_needs_a_page_or_year_and_motto(site, editor):
    form = _form(
        site.root_page,
        editor,
        range(1, 13),
        editions=[{"edition_page": "", "year": "2014", "motto": "", "description": "x"}],
    )

    assert not form.is_valid()
    edition_errors = form.formsets["earlier_editions"].forms[0].non_field_errors()
    assert "Kalenderseite oder geben Sie Jahr und Motto an" in str(edition_errors)


def test_an_earlier_edition_must_be_a_calendar_of_this_site(site, editor):
    other_site = SiteFactory(hostname="anderswo.localhost")
    elsewhere = _calendar(other_site)
    form = _form(
        site.root_page,
        editor,
        range(1, 13),
        editions=[{"edition_page": str(elsewhere.pk), "year": "", "motto": "", "description": ""}],
    )

    assert not form.is_valid()
    edition_errors = form.formsets["earlier_editions"].forms[0].errors
    assert "gehört zu einem anderen Arbeitgeber" in str(edition_errors["edition_page"])


def test_the_admin_offers_a_new_calendar_below_home_and_campaign_pages(client, site, editor):
    login_with_second_factor(client, editor)
    campaign = CampaignPageFactory(parent=site.root_page)

    for parent in (site.root_page, campaign):
        response = client.get(f"/admin/pages/add/campaign/photocalendarpage/{parent.pk}/")

        assert response.status_code == 200
        assert "Monatsmotive" in response.text
        assert "Frühere Ausgaben" in response.text
