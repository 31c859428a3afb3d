"""The press office of JobCenter Essen publishes a twelve-month photo calendar from
twelve uploaded pictures, as fast as a press office works (issue: about 160 actions
before): upload the twelve at once, set title pattern, credit and licence once, type
each alt text, let the calendar take the pictures as motifs, move one month by
keyboard, publish.

Every click, fill, choice and upload the editor makes is counted; the calendar must
be published in at most 40. Then each photographer is credited on the public page
and in the PDF.
"""

import io
import re

from django.test import Client
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from campaign.models import PhotoCalendarPage
from campaign.sites.roles import PRESS_OFFICE
from tests.browser.axe import axe_violations
from tests.support import site_editor

ESSEN = "jobcenter-essen.localhost"
PASSWORD = "Kalender-2019!"
PHOTOGRAPHER = "Stefan Arend"
MOTTO = "Was geht"
MAX_ACTIONS = 40
MOTIFS = [
    "Beratungsgespräch am Schreibtisch",
    "In der Oldtimer-Werkstatt",
    "Ernährungskurs in der Lehrküche",
    "Bewerbungstraining mit Video",
    "Sprachkurs im Stadtteilbüro",
    "Ausbildung in der Gärtnerei",
    "Job-Speed-Dating im Foyer",
    "Kinderbetreuung während des Kurses",
    "Weiterbildung an der CNC-Fräse",
    "Beratung für Alleinerziehende",
    "Praktikum im Pflegeheim",
    "Jahresabschluss im Team",
]


class Actions:
    """What the editor does, counted: clicks, fills, choices, uploads."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator, verb, *args):
        self.count += 1
        return getattr(locator, verb)(*args)


def _pictures(folder):
    """Twelve different JPEGs (the uploader refuses nothing, flags duplicates)."""
    paths = []
    for month in range(1, 13):
        path = folder / f"was-geht-{month:02d}.jpg"
        colour = (20 * month, 255 - 15 * month, (70 * month) % 255)
        Image.new("RGB", (900, 600), colour).save(path, "JPEG", quality=80)
        paths.append(path)
    return paths


def test_press_office_publishes_a_twelve_month_calendar_in_forty_actions(
    page, browser_log, live_demo, tmp_path
):
    essen = live_demo.site(ESSEN)
    editor = site_editor(ESSEN, PRESS_OFFICE, "presse-essen", PASSWORD)
    act = Actions()

    # Log in (3).
    page.goto(live_demo.url(ESSEN, "/admin/"))
    act(page.get_by_role("textbox", name=re.compile(r"^Benutzername")), "fill", editor.username)
    act(page.get_by_label(re.compile("Passwor[dt]")), "fill", PASSWORD)
    act(page.get_by_role("button", name="Anmelden"), "click")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # The twelve pictures at once, into the multiple uploader (3).
    act(page.get_by_role("link", name="Bilder", exact=True).first, "click")
    act(page.get_by_role("link", name=re.compile("Bild hinzufügen")).first, "click")
    expect(page).to_have_url(re.compile(r"/admin/images/multiple/add/"))
    act(page.locator("#fileupload"), "set_input_files", _pictures(tmp_path))
    expect(page.locator("#upload-list li.upload-success")).to_have_count(12, timeout=60_000)

    # Title pattern, credit and licence once; each alt text (1 + 3 + 12 + 1).
    act(page.get_by_role("link", name="Angaben für alle hochgeladenen Bilder setzen"), "click")
    act(page.get_by_role("textbox", name="Titel nach Muster"), "fill", "Kalender 2019 – {n}")
    act(page.get_by_role("textbox", name="Bildnachweis"), "fill", f"Foto: {PHOTOGRAPHER}")
    act(page.get_by_role("combobox", name="Lizenz"), "select_option", "CC BY 4.0")
    for month, motif in enumerate(MOTIFS, start=1):
        label = re.compile(f"^Alternativtext für „was-geht-{month:02d}")
        field = page.get_by_role("textbox", name=label)
        act(field, "fill", motif)
    act(page.get_by_role("button", name="Speichern und: Als Kalendermotive verwenden"), "click")

    # The calendar: year, motto, lead; the motifs come from the pictures (4).
    expect(page.get_by_text("Fotokalender aus Bildern anlegen").first).to_be_visible()
    expect(page.get_by_text("Januar").first).to_be_visible()
    act(page.get_by_role("spinbutton", name="Jahr"), "fill", "2019")
    act(page.get_by_role("textbox", name="Motto"), "fill", MOTTO)
    act(page.get_by_role("textbox", name="Einleitung"), "fill", "Zwölf Fotos aus dem JobCenter.")
    act(page.get_by_role("button", name="Kalenderentwurf anlegen"), "click")
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(page.get_by_text("12 Monatsmotive als Entwurf angelegt")).to_be_visible()

    # February's motif should open the year: moved up by keyboard (1).
    move_up = page.locator("#id_motifs-FORMS [data-inline-panel-child-move-up]").nth(1)
    move_up.focus()
    act(move_up, "press", "Enter")

    # Publish (2).
    act(page.get_by_role("button", name="Mehr Aktionen"), "click")
    act(page.get_by_role("button", name="Veröffentlichen"), "click")
    expect(page.get_by_text("wurde veröffentlicht")).to_be_visible()

    assert act.count <= MAX_ACTIONS, f"{act.count} Aktionen"

    calendar = PhotoCalendarPage.objects.get(year=2019, motto=MOTTO)
    assert calendar.live
    assert calendar.get_site().pk == essen.pk
    motifs = list(calendar.motifs.order_by("month").select_related("image"))
    assert [motif.caption for motif in motifs] == [MOTIFS[1], MOTIFS[0], *MOTIFS[2:]]
    assert {motif.photographer for motif in motifs} == {PHOTOGRAPHER}
    assert {motif.image.licence for motif in motifs} == {"cc-by"}

    # The public page credits the photographer under every month.
    _site_id, _root, path = calendar.get_url_parts()
    browser_log.clear()
    page.goto(live_demo.url(ESSEN, path))
    expect(page.get_by_role("heading", level=1)).to_contain_text(MOTTO)
    expect(page.get_by_text(f"Foto: {PHOTOGRAPHER}")).to_have_count(12)
    for motif in MOTIFS:
        expect(page.get_by_role("img", name=motif)).to_be_visible()
    assert axe_violations(page) == []
    assert browser_log.csp_violations == []

    # And so does the PDF, named once by year and motto.
    response = Client().get(f"{path}kalender-pdf/", HTTP_HOST=ESSEN)
    assert response.status_code == 200
    assert 'filename="kalender-2019-was-geht.pdf"' in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = "\n".join(sheet.extract_text() for sheet in reader.pages)
    assert text.count(f"Foto: {PHOTOGRAPHER}") >= 12
