"""The admin's password step, as an editor types it."""

import re


def enter_password(page, login_url, username, password):
    """Fill in and send Wagtail's login form at `login_url` (what follows, the
    dashboard or the second factor, is the caller's to expect)."""
    page.goto(login_url)
    page.get_by_role("textbox", name=re.compile(r"^Benutzername")).fill(username)
    # Wagtail's login form leaves this label in English ("Password").
    page.get_by_label(re.compile("Passwor[dt]")).fill(password)
    page.get_by_role("button", name="Anmelden").click()
