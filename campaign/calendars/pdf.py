"""A printable photo calendar as PDF: a cover, one landscape A4 page per month, the credits.

Pure and model-free, so the photo calendar page (seed 002, the JobCenter Essen
calendar) and its tests can hand it plain values. fpdf2 is pure Python and
needs no system libraries; the text is set in Fira Sans, KERN's font, which
the project already installs through npm (`make install`).
"""

import calendar
import io
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

import holidays
from fpdf import FPDF
from PIL import Image, ImageOps

__all__ = ["CalendarMonth", "render_calendar_pdf"]

# Spelled out here: the process locale may be C or English, and the calendar is German.
MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")

# The 16 states; holidays.Germany also knows the city of Augsburg, which is no state.
STATES = {
    code: name
    for name, code in holidays.Germany.subdivisions_aliases.items()
    if len(code) == 2 and code.isupper()
}

# The core PDF fonts stop at Latin-1 („“ – are missing), so a Unicode font is
# embedded (as a subset). fpdf2 reads KERN's woff2 files directly (fontTools
# with brotli); the installed npm package comes first, the copy `make static`
# puts into static/vendor second.
_ROOT = Path(__file__).resolve().parents[2]
FONT_DIRS = (
    _ROOT / "node_modules/@kern-ux/native/dist/fonts/fira-sans",
    _ROOT / "static/vendor/kern/fonts/fira-sans",
)
FONT_FILES = {"": "FiraSans-Regular.woff2", "B": "FiraSans-SemiBold.woff2"}
FONT = "FiraSans"
# KERN's Fira Sans sets OS/2 flags its table version predates; fontTools warns
# about that on every PDF it subsets. The font renders fine, so keep the logs quiet.
logging.getLogger("fontTools.ttLib.tables.O_S_2f_2").setLevel(logging.ERROR)
# Subsetting reports every glyph it keeps at INFO: dozens of lines per PDF.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)

ACCENT = (0, 75, 118)  # dark blue: holidays and headings, legible in grey print too
HOLIDAY_FILL = (214, 230, 240)
MUTED = (110, 110, 110)

# Landscape A4 in mm. The motif sits left, the month's grid right.
PAGE_W, PAGE_H, MARGIN = 297, 210, 12
GRID_X = 205
GRID_W = PAGE_W - MARGIN - GRID_X
PHOTO_W = GRID_X - 8 - MARGIN
# 150 dpi at the printed size is what an office or print-shop print needs;
# a camera original (4000 × 3000 and more) would make the PDF tens of MB.
PRINT_DPI = 150
MAX_PIXELS = round(PHOTO_W / 25.4 * PRINT_DPI)


@dataclass(frozen=True)
class CalendarMonth:
    """One monthly motif; the image is a path or a binary file Pillow can read.

    Without an image (its usage rights have run out) the month gets a blank
    grey field; without a photographer the credit line names only the motif.
    """

    image: str | Path | BinaryIO | None
    caption: str
    work_field: str
    photographer: str


def render_calendar_pdf(
    *,
    title: str,
    year: int,
    motto: str,
    state: str,
    months: list[CalendarMonth],
    credits_note: str = "",
    author: str = "",
) -> bytes:
    """The calendar as PDF bytes: cover, 12 month pages, credits page (14 pages).

    `state` is the two-letter code of the Bundesland whose holidays are marked;
    empty, only the nationwide holidays are.
    """
    code = state.strip().upper()
    if code and code not in STATES:
        raise ValueError(
            f"Unbekanntes Bundesland „{state}“ – erlaubt sind: {', '.join(sorted(STATES))}."
        )
    if len(months) != 12:
        raise ValueError(f"Ein Kalender braucht 12 Monatsmotive, nicht {len(months)}.")
    public_holidays = holidays.Germany(subdiv=code or None, years=year, language="de")
    holidays_heading = f"Feiertage in {STATES[code]}" if code else "Bundesweite Feiertage"
    photos = [_prepared_photo(month, MONTHS[i]) for i, month in enumerate(months)]

    pdf = FPDF(orientation="L", unit="mm", format="A4")
    # Every page is laid out by hand; an automatic break would add stray pages.
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_title(f"{title} {year}")
    pdf.set_subject(motto)
    pdf.set_lang("de-DE")
    if author:  # the employer, when the page knows it
        pdf.set_author(author)
    pdf.set_creator("Stellwerk")
    font_dir = _font_dir()
    for style, filename in FONT_FILES.items():
        pdf.add_font(FONT, style, font_dir / filename)

    _cover(pdf, title, year, motto, photos)
    for number, (month, photo) in enumerate(zip(months, photos, strict=True), start=1):
        _month_page(pdf, year, number, month, photo, public_holidays, holidays_heading)
    _credits_page(pdf, title, year, months, credits_note)
    return bytes(pdf.output())


def _font_dir() -> Path:
    for folder in FONT_DIRS:
        if all((folder / name).is_file() for name in FONT_FILES.values()):
            return folder
    raise FileNotFoundError(
        "Die Schrift Fira Sans fehlt (aus dem npm-Paket @kern-ux/native); `make install` "
        f"legt sie an. Gesucht in: {', '.join(str(folder) for folder in FONT_DIRS)}"
    )


def _prepared_photo(month: CalendarMonth, month_name: str) -> tuple[bytes, float]:
    """The motif as a JPEG no larger than print needs, upright and in RGB; and its aspect."""
    if month.image is None:
        return _blank_photo()
    try:
        with Image.open(month.image) as original:
            # For JPEGs Pillow can decode at 1/2, 1/4 or 1/8 size right away,
            # which spares memory and time with camera originals.
            original.draft("RGB", (MAX_PIXELS, MAX_PIXELS))
            image = ImageOps.exif_transpose(original)
            image.thumbnail((MAX_PIXELS, MAX_PIXELS), Image.Resampling.LANCZOS)
    except OSError as error:  # UnidentifiedImageError included
        raise ValueError(f"Das Motiv für {month_name} ist kein lesbares Bild.") from error
    if image.mode != "RGB":
        # Transparent PNGs go onto white paper; CMYK and greyscale become RGB.
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    # Bytes, so fpdf2 embeds the JPEG as it is and stores the same motif on
    # the cover and its month page only once.
    return buffer.getvalue(), image.width / image.height


def _blank_photo() -> tuple[bytes, float]:
    """A light grey 4:3 field where a motif may no longer be printed."""
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (235, 235, 235)).save(buffer, "JPEG", quality=85)
    return buffer.getvalue(), 4 / 3


def _credit_line(month: CalendarMonth) -> str:
    parts = [f"Motiv: {month.work_field}"] if month.work_field else []
    if month.photographer:
        parts.append(f"Foto: {month.photographer}")
    return " · ".join(parts)


def _cover(pdf: FPDF, title: str, year: int, motto: str, photos: list[tuple[bytes, float]]) -> None:
    pdf.add_page()
    width = PAGE_W - 2 * MARGIN
    pdf.set_text_color(*ACCENT)
    pdf.set_font(FONT, "B", 30)
    pdf.set_xy(MARGIN, 24)
    pdf.multi_cell(width, 13, title)
    pdf.set_font(FONT, "B", 80)
    pdf.set_x(MARGIN)
    pdf.cell(width, 34, str(year), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.set_font(FONT, "", 18)
    pdf.multi_cell(width, 9, motto)
    # The twelve motifs as a strip of 6 × 2 along the bottom.
    gap, columns = 3, 6
    tile_w = (width - (columns - 1) * gap) / columns
    tile_h = 31
    top = PAGE_H - MARGIN - 2 * tile_h - gap
    for index, (photo, _aspect) in enumerate(photos):
        row, column = divmod(index, columns)
        x = MARGIN + column * (tile_w + gap)
        y = top + row * (tile_h + gap)
        pdf.image(photo, x, y, tile_w, tile_h, keep_aspect_ratio=True, alt_text=MONTHS[index])


def _month_page(
    pdf: FPDF,
    year: int,
    number: int,
    month: CalendarMonth,
    photo: tuple[bytes, float],
    public_holidays: holidays.HolidayBase,
    holidays_heading: str,
) -> None:
    pdf.add_page()
    bottom = PAGE_H - MARGIN
    # The caption and credit line take what they need; the motif gets the rest,
    # top-aligned with the month's name, the caption right below it.
    pdf.set_font(FONT, "", 13)
    caption_lines = pdf.multi_cell(PHOTO_W, 6, month.caption, dry_run=True, output="LINES")
    text_h = 6 * len(caption_lines) + 7
    jpeg, aspect = photo
    box_h = bottom - MARGIN - text_h - 4
    width = min(PHOTO_W, box_h * aspect)
    height = width / aspect
    pdf.image(jpeg, MARGIN, MARGIN, width, height, alt_text=month.caption)
    pdf.set_xy(MARGIN, MARGIN + height + 4)
    pdf.multi_cell(PHOTO_W, 6, month.caption, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10)
    pdf.set_text_color(*MUTED)
    pdf.cell(PHOTO_W, 6, _credit_line(month))
    pdf.set_text_color(0)

    pdf.set_xy(GRID_X, MARGIN)
    pdf.set_font(FONT, "B", 28)
    pdf.set_text_color(*ACCENT)
    pdf.cell(GRID_W, 12, MONTHS[number - 1], new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, "", 14)
    pdf.cell(GRID_W, 8, str(year), new_x="LEFT", new_y="NEXT")
    pdf.set_y(pdf.get_y() + 4)
    in_month = {day: name for day, name in public_holidays.items() if day.month == number}
    _grid(pdf, year, number, in_month)

    pdf.set_y(pdf.get_y() + 6)
    pdf.set_font(FONT, "B", 10)
    pdf.set_text_color(*ACCENT)
    pdf.set_x(GRID_X)
    pdf.multi_cell(GRID_W, 5, holidays_heading, new_x="LEFT", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.set_font(FONT, "", 10)
    if not in_month:
        pdf.cell(GRID_W, 5, "keine", new_x="LEFT", new_y="NEXT")
    for day, name in sorted(in_month.items()):
        pdf.multi_cell(GRID_W, 5, f"{day.day}. {MONTHS[number - 1]}: {name}", new_x="LEFT")


def _grid(pdf: FPDF, year: int, number: int, in_month: dict[date, str]) -> None:
    """Weeks from Monday to Sunday, with the ISO week in front."""
    cell_w, cell_h = GRID_W / 8, 8
    pdf.set_font(FONT, "", 8)
    pdf.set_text_color(*MUTED)
    pdf.set_x(GRID_X)
    pdf.cell(cell_w, cell_h, "KW", align="C")
    pdf.set_font(FONT, "B", 10)
    for index, name in enumerate(WEEKDAYS):
        pdf.set_text_color(*(ACCENT if index == 6 else (0, 0, 0)))
        pdf.cell(cell_w, cell_h, name, align="C")
    pdf.ln(cell_h)
    pdf.set_draw_color(*MUTED)
    pdf.line(GRID_X, pdf.get_y(), GRID_X + GRID_W, pdf.get_y())
    # monthdatescalendar weeks start on Monday whatever the locale says.
    for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, number):
        pdf.set_x(GRID_X)
        pdf.set_font(FONT, "", 8)
        pdf.set_text_color(*MUTED)
        pdf.cell(cell_w, cell_h, str(week[0].isocalendar().week), align="C")
        for day in week:
            if day.month != number:
                pdf.cell(cell_w, cell_h, "")
                continue
            holiday = day in in_month
            # Not by colour alone: holidays are also bold and named below the grid.
            pdf.set_font(FONT, "B" if holiday or day.weekday() == 6 else "", 11)
            pdf.set_text_color(*(ACCENT if holiday or day.weekday() == 6 else (0, 0, 0)))
            pdf.set_fill_color(*HOLIDAY_FILL)
            pdf.cell(cell_w, cell_h, str(day.day), align="C", fill=holiday)
        pdf.ln(cell_h)
    pdf.set_text_color(0)


def _credits_page(
    pdf: FPDF, title: str, year: int, months: list[CalendarMonth], credits_note: str
) -> None:
    pdf.add_page()
    width = PAGE_W - 2 * MARGIN
    pdf.set_font(FONT, "B", 20)
    pdf.set_text_color(*ACCENT)
    pdf.cell(width, 12, "Bildnachweis", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.set_font(FONT, "", 11)
    pdf.cell(width, 7, f"{title} {year}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for name, month in zip(MONTHS, months, strict=True):
        pdf.set_font(FONT, "B", 11)
        pdf.cell(32, 7, name)
        pdf.set_font(FONT, "", 11)
        pdf.multi_cell(
            width - 32,
            7,
            _credit_line(month),
            new_x="LMARGIN",
        )
    if credits_note:
        pdf.ln(6)
        pdf.multi_cell(width, 6, credits_note)
