"""The admin's steps every browser test of it takes: the password, a chooser."""

import re

from playwright.sync_api import expect

# A chooser's modal exists only once its view has answered; on a busy machine that
# can take longer than an assertion's usual five seconds.
CHOOSER_TIMEOUT_MS = 20_000


def enter_password(page, login_url, username, password):
    """Fill in and send Wagtail's login form at `login_url` (what follows, the
    dashboard or the second factor, is the caller's to expect)."""
    page.goto(login_url)
    page.get_by_role("textbox", name=re.compile(r"^Benutzername")).fill(username)
    # Wagtail's login form leaves this label in English ("Password").
    page.get_by_label(re.compile("Passwor[dt]")).fill(password)
    page.get_by_role("button", name="Anmelden").click()


def open_chooser(page, button_name, showing):
    """Click the chooser button `button_name` and return its modal once it shows
    `showing` (a text or pattern). A block just inserted may wire its chooser a
    moment after its button is there, so a click that opened nothing is repeated."""
    chooser = page.get_by_role("dialog")
    for attempt in range(2):
        if not chooser.count():
            page.get_by_role("button", name=button_name).click()
        try:
            expect(chooser.get_by_text(showing).first).to_be_visible(timeout=CHOOSER_TIMEOUT_MS)
            return chooser
        except AssertionError:
            if attempt:
                raise
    return chooser
