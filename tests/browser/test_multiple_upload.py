"""The multiple uploader in a real browser: a refused file's row says why it
failed and nothing else; a good image's row asks for its description."""

import re

from playwright.sync_api import expect

from campaign.sites.roles import PRESS_OFFICE
from tests.browser.admin_login import enter_password
from tests.media_library import files
from tests.support import site_editor

MITTE = "mitte.localhost"
# Wagtail's reminder in every row of the list (its German catalogue's wording).
ALT_TEXT_REMINDER = re.compile("Bildbeschreibung|image description")


def test_a_refused_file_shows_only_why(page, live_demo, tmp_path):
    editor = site_editor(MITTE, PRESS_OFFICE, password="Hochladen-2026!")
    svg, png = tmp_path / "logo.svg", tmp_path / "rathaus.png"
    svg.write_bytes(files.SVG)
    png.write_bytes(files.png_bytes())
    enter_password(page, live_demo.url(MITTE, "/admin/"), editor.username, "Hochladen-2026!")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto(live_demo.url(MITTE, "/admin/images/multiple/add/"))
    page.locator("#fileupload").set_input_files([str(svg), str(png)])

    failed = page.locator("#upload-list li.upload-failure")
    expect(failed).to_have_count(1)
    expect(failed.get_by_text("Dieses Bildformat ist nicht erlaubt")).to_be_visible()
    expect(failed.get_by_text(ALT_TEXT_REMINDER)).to_be_hidden()
    uploaded = page.locator("#upload-list li.upload-success")
    expect(uploaded).to_have_count(1)
    expect(uploaded.get_by_text(ALT_TEXT_REMINDER)).to_be_visible()
