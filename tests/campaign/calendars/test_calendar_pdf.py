"""campaign/calendars/pdf.py: the printable photo calendar, read back with pypdf."""

import io

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from campaign.calendars.pdf import MONTHS, CalendarMonth, render_calendar_pdf


def _jpeg(size: tuple[int, int], colour: tuple[int, int, int], noise: bool = False) -> io.BytesIO:
    """A real JPEG: a coloured gradient, with camera-like noise when asked."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image = Image.blend(image, Image.new("RGB", size, colour), 0.6)
    if noise:
        grain = Image.effect_noise(size, 60).convert("RGB")
        image = Image.blend(image, grain, 0.3)
    ImageDraw.Draw(image).ellipse((size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2), "white")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    buffer.seek(0)
    return buffer


def _months(first_image=None) -> list[CalendarMonth]:
    months = [
        CalendarMonth(
            _jpeg((480, 360), (20 * index, 120, 200 - 10 * index)),
            f"{name}: Fallmanager*innen beraten im Jobcenter",
            "Arbeitsvermittlung",
            "Jörg Schäfer",
        )
        for index, name in enumerate(MONTHS)
    ]
    months[4] = CalendarMonth(
        months[4].image,
        "Straßenbahnfahrer*in – „Motiv“ für die Ausbildung",
        "Verkehr",
        "Anja Weiß",
    )
    if first_image is not None:
        months[0] = CalendarMonth(first_image, "Großes Bild", "Verwaltung", "Ute Groß")
    return months


def _render(months=None, state="NW") -> bytes:
    return render_calendar_pdf(
        title="JobCenter Essen – Fotokalender",
        year=2018,
        motto="Wir für Essen – Menschen im Jobcenter",
        state=state,
        months=months or _months(),
        credits_note="Alle Fotos © JobCenter Essen",
        author="JobCenter Essen",
    )


@pytest.fixture(scope="module")
def calendar_pdf() -> bytes:
    return _render()


@pytest.fixture(scope="module")
def reader(calendar_pdf) -> PdfReader:
    return PdfReader(io.BytesIO(calendar_pdf))


def test_cover_twelve_months_and_credits_page(reader):
    assert len(reader.pages) == 14
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    cover = reader.pages[0].extract_text()
    assert "2018" in cover
    assert "Wir für Essen – Menschen im Jobcenter" in cover
    assert "Bildnachweis" in reader.pages[13].extract_text()
    assert "Alle Fotos © JobCenter Essen" in reader.pages[13].extract_text()


def test_each_month_page_has_its_german_name_and_credit(reader):
    for number, name in enumerate(MONTHS, start=1):
        text = reader.pages[number].extract_text()
        assert name in text
        assert "Mo" in text
        assert "So" in text
        assert "Motiv: " in text
        assert "Foto: " in text


def test_state_holidays_are_named_in_their_month(reader):
    may = reader.pages[5].extract_text()
    assert "Feiertage in Nordrhein-Westfalen" in may
    assert "31. Mai: Fronleichnam" in may  # not a holiday in Berlin
    assert "1. Januar: Neujahr" in reader.pages[1].extract_text()
    assert "Allerheiligen" in reader.pages[11].extract_text()
    assert "keine" in reader.pages[8].extract_text()  # August in NRW


def test_other_states_have_other_holidays():
    reader = PdfReader(io.BytesIO(_render(state="be")))
    assert "Fronleichnam" not in reader.pages[5].extract_text()
    assert "Feiertage in Berlin" in reader.pages[5].extract_text()


def test_german_characters_survive(reader):
    text = reader.pages[5].extract_text()
    assert "Straßenbahnfahrer*in – „Motiv“ für die Ausbildung" in text
    assert "Motiv: Verkehr · Foto: Anja Weiß" in text
    assert "März" in reader.pages[3].extract_text()


def test_metadata(reader, calendar_pdf):
    assert reader.metadata.title == "JobCenter Essen – Fotokalender 2018"
    assert reader.metadata.author == "JobCenter Essen"
    assert reader.metadata.creator == "Stellwerk"
    assert b"/Lang (de-DE)" in calendar_pdf


def test_small_images_keep_the_pdf_small(calendar_pdf):
    assert len(calendar_pdf) < 600_000


def test_camera_original_is_downscaled():
    original = _jpeg((4000, 3000), (200, 90, 30), noise=True)
    original_size = len(original.getvalue())
    pdf = _render(_months(first_image=original))
    reader = PdfReader(io.BytesIO(pdf))
    embedded = next(iter(reader.pages[1].images)).image
    assert max(embedded.size) <= 1200
    assert embedded.size[0] / embedded.size[1] == pytest.approx(4 / 3, rel=0.01)
    assert original_size > 2_000_000
    assert len(pdf) < 1_000_000


def test_path_and_transparent_png(tmp_path):
    path = tmp_path / "motiv.png"
    Image.new("RGBA", (300, 400), (0, 120, 60, 128)).save(path)
    months = _months()
    months[2] = CalendarMonth(path, "Hochformat", "Gärtnerei", "Öz Yılmaz")
    text = PdfReader(io.BytesIO(_render(months))).pages[3].extract_text()
    assert "Foto: Öz Yılmaz" in text


def test_unknown_state_is_refused_in_german():
    with pytest.raises(ValueError, match=r"Unbekanntes Bundesland „XX“ – erlaubt sind: BB, BE"):
        _render(state="XX")


def test_twelve_motifs_are_required():
    with pytest.raises(ValueError, match="12 Monatsmotive, nicht 11"):
        _render(months=_months()[:11])


def test_unreadable_image_names_its_month():
    months = _months()
    months[6] = CalendarMonth(io.BytesIO(b"kein Bild"), "Kaputt", "IT", "Niemand")
    with pytest.raises(ValueError, match="Das Motiv für Juli ist kein lesbares Bild"):
        _render(months)


def test_without_a_state_only_nationwide_holidays_are_marked():
    reader = PdfReader(io.BytesIO(_render(state="")))
    may = reader.pages[5].extract_text()
    assert "Bundesweite Feiertage" in may
    assert "Fronleichnam" not in may
    assert "1. Mai: Erster Mai" in may or "1. Mai: Tag der Arbeit" in may


def test_a_month_without_image_or_photographer_gets_a_blank_field():
    months = _months()
    months[1] = CalendarMonth(None, "Ohne Foto", "Ausbildung", "")
    reader = PdfReader(io.BytesIO(_render(months)))
    february = reader.pages[2].extract_text()
    assert "Motiv: Ausbildung" in february
    assert "Foto:" not in february
    assert len(reader.pages) == 14
