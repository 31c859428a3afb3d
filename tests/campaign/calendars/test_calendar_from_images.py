"""campaign/calendars/from_images.py: a photo calendar draft from chosen images in one
step, months in title order, photographers from the images' credits; only with the
editor's own images and pages."""

from urllib.parse import urlencode

import pytest
from wagtail.models import Site

from campaign.calendars.from_images import photographer_from_credit
from campaign.models import PhotoCalendarPage
from campaign.sites.roles import PRESS_OFFICE, site_collection
from media_library.factories import ImageFactory
from tests.support import site_editor

pytestmark = pytest.mark.django_db

ESSEN, MITTE = "jobcenter-essen.localhost", "mitte.localhost"
BULK = "/admin/bulk/media_library/customimage/calendar_motifs/"
PHOTOGRAPHERS = ["Stefan Arend", "Bernd Schaller"]


def _site(hostname):
    return Site.objects.get(hostname=hostname)


def _images(hostname, count):
    """Created out of title order, so the test sees the months follow the titles."""
    collection = site_collection(_site(hostname))
    numbers = sorted(range(1, count + 1), key=lambda n: (n % 3, n))
    return [
        ImageFactory(
            collection=collection,
            title=f"Kalender 2019 – {number}",
            description=f"Motiv Nummer {number}",
            credit=f"Foto: {PHOTOGRAPHERS[number % 2]}",
        )
        for number in numbers
    ]


def _url(images):
    ids = [("id", image.pk) for image in images]
    return f"{BULK}?{urlencode([*ids, ('next', '/admin/images/')])}"


@pytest.fixture
def press_essen(client, demo_sites):
    client.force_login(site_editor(ESSEN, PRESS_OFFICE))
    return client


def _new_calendar(**fields):
    return {
        "calendar": "",
        "parent": str(_site(ESSEN).root_page_id),
        "year": "2019",
        "motto": "Was geht",
        "lead": "Zwölf Fotos aus dem JobCenter.",
        **fields,
    }


@pytest.mark.parametrize(
    ("credit", "photographer"),
    [
        ("Foto: Stefan Arend", "Stefan Arend"),
        ("Fotos: Bernd Schaller", "Bernd Schaller"),
        ("© JobCenter Essen", "JobCenter Essen"),
        ("Stefan Arend", "Stefan Arend"),
        ("", ""),
    ],
)
def test_the_photographer_comes_from_the_credit(credit, photographer):
    assert photographer_from_credit(credit) == photographer


def test_the_form_shows_the_months_each_image_becomes(press_essen):
    images = _images(ESSEN, 12)

    html = press_essen.get(_url(images)).text

    assert "<strong>Januar</strong>: Kalender 2019 – 1 – Foto: Bernd Schaller" in html
    assert "<strong>Dezember</strong>: Kalender 2019 – 12 – Foto: Stefan Arend" in html
    # Only the editor's own site is offered as a place for the calendar.
    assert f'value="{_site(ESSEN).root_page_id}"' in html
    assert f'value="{_site(MITTE).root_page_id}"' not in html


def test_twelve_images_become_a_calendar_draft_that_may_be_published(press_essen):
    images = _images(ESSEN, 12)

    response = press_essen.post(_url(images), _new_calendar())

    page = PhotoCalendarPage.objects.get(year=2019, motto="Was geht")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live
    assert page.get_parent().pk == _site(ESSEN).root_page_id
    assert page.title == "Kalender 2019: „Was geht“"
    draft = page.get_latest_revision_as_object()
    motifs = sorted(draft.motifs.all(), key=lambda motif: motif.month)
    assert [motif.image.title for motif in motifs] == [
        f"Kalender 2019 – {month}" for month in range(1, 13)
    ]
    assert [motif.photographer for motif in motifs] == [PHOTOGRAPHERS[m % 2] for m in range(1, 13)]
    assert motifs[2].caption == "Motiv Nummer 3"

    # Nothing is missing for publishing: the editor's form accepts it as it is.
    editor_page = press_essen.get(response["Location"])
    assert editor_page.status_code == 200
    message = "Fotokalender „Kalender 2019: „Was geht““: 12 Monatsmotive als Entwurf angelegt."
    assert message in editor_page.text


def test_eleven_images_make_a_draft_and_the_message_names_what_is_missing(press_essen):
    images = _images(ESSEN, 11)

    response = press_essen.post(_url(images), _new_calendar(), follow=True)

    assert "11 Monatsmotive als Entwurf angelegt" in response.text
    assert "fehlt noch 1 Monat" in response.text


def test_thirteen_images_are_refused_with_a_german_message(press_essen):
    images = _images(ESSEN, 13)

    response = press_essen.post(_url(images), _new_calendar())

    assert response.status_code == 200
    assert "höchstens 12 Bilder, nicht 13" in response.text
    assert not PhotoCalendarPage.objects.filter(year=2019).exists()


def test_a_new_calendar_needs_year_and_motto(press_essen):
    images = _images(ESSEN, 2)

    response = press_essen.post(_url(images), _new_calendar(year="", motto=""))

    assert response.status_code == 200
    assert "Bitte geben Sie das Jahr des Kalenders an." in response.text
    assert "Bitte geben Sie das Motto des Kalenders an." in response.text


def test_an_existing_calendar_gets_the_motifs_as_its_next_draft(press_essen):
    calendar = PhotoCalendarPage.objects.descendant_of(_site(ESSEN).root_page).first()
    live_motifs = sorted(calendar.motifs.values_list("photographer", flat=True))
    images = _images(ESSEN, 12)

    response = press_essen.post(_url(images), _new_calendar(calendar=str(calendar.pk)))

    assert response["Location"] == f"/admin/pages/{calendar.pk}/edit/"
    calendar.refresh_from_db()
    assert calendar.live
    assert calendar.has_unpublished_changes
    assert sorted(calendar.motifs.values_list("photographer", flat=True)) == live_motifs
    draft = calendar.get_latest_revision_as_object()
    assert {motif.image_id for motif in draft.motifs.all()} == {image.pk for image in images}


def test_another_employers_images_and_pages_are_out_of_reach(press_essen):
    own, foreign = _images(ESSEN, 1), _images(MITTE, 1)
    mitte_root = _site(MITTE).root_page_id

    assert press_essen.get(_url(foreign)).status_code == 404
    assert press_essen.post(_url([*own, *foreign]), _new_calendar()).status_code == 404
    # Below another employer's home page: not a choice.
    response = press_essen.post(_url(own), _new_calendar(parent=str(mitte_root)))
    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen." in response.text
    assert not PhotoCalendarPage.objects.filter(year=2019).exists()
