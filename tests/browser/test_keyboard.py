"""The Mitte home page with the keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.7)."""

import contextlib
import re

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# What the visitor sees of the focused element, read from the browser. The
# focus ring may sit on a pseudo-element: KERN draws it around a whole card
# on the ::after of the card's stretched link.
FOCUSED = """() => {
    const element = document.activeElement;
    const rings = [];
    for (const pseudo of [null, "::before", "::after"]) {
        const style = getComputedStyle(element, pseudo);
        if (pseudo && style.content === "none") continue;
        if (style.outlineStyle !== "none" && style.outlineWidth !== "0px") {
            rings.push(`${pseudo || ""} outline ${style.outlineStyle} ${style.outlineColor}`);
        }
        if (style.boxShadow !== "none") rings.push(`${pseudo || ""} box-shadow`);
    }
    const box = element.getBoundingClientRect();
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        text: element.innerText.trim(),
        href: element.getAttribute("href"),
        inMain: element.closest("main") !== null,
        rings: rings,
        onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < window.innerHeight && box.left < window.innerWidth,
    };
}"""

# KERN scrolls smoothly: the focused element may take a moment to come into view.
FOCUS_ON_SCREEN = """() => {
    const box = document.activeElement.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
        && box.top < window.innerHeight && box.left < window.innerWidth;
}"""

IS_FOCUSED = "elements => elements.indexOf(document.activeElement)"
MAX_TABS_TO_NAVIGATION = 15


def _press(page, key):
    page.keyboard.press(key)
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(FOCUS_ON_SCREEN, timeout=3_000)  # else reported below
    return page.evaluate(FOCUSED)


def _assert_focus_visible(focused):
    where = f"<{focused['tag']}> „{focused['text']}“"
    assert focused["rings"], f"Fokus unsichtbar auf {where}"
    assert focused["onScreen"], f"{where} liegt außerhalb des Fensters"


def test_skip_link_leads_to_the_content(page, live_demo):
    page.goto(live_demo.url("mitte.localhost"))

    focused = _press(page, "Tab")
    assert focused["text"] == "Zum Inhalt springen"
    _assert_focus_visible(focused)

    focused = _press(page, "Enter")
    assert (focused["tag"], focused["id"]) == ("main", "inhalt")
    # The next Tab continues in the content, not back in the header.
    focused = _press(page, "Tab")
    assert focused["inMain"], f"nach dem Sprunglink landet Tab auf „{focused['text']}“"
    _assert_focus_visible(focused)


def test_main_navigation_works_with_the_keyboard(page, live_demo):
    page.goto(live_demo.url("mitte.localhost"))
    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    links = navigation.get_by_role("link")
    assert links.count() >= 1

    # Tab through the header: every stop shows where the focus is.
    for _ in range(MAX_TABS_TO_NAVIGATION):
        focused = _press(page, "Tab")
        _assert_focus_visible(focused)
        if links.evaluate_all(IS_FOCUSED) >= 0:
            break
    else:
        raise AssertionError(f"Hauptnavigation nach {MAX_TABS_TO_NAVIGATION}× Tab nicht erreicht")

    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(focused["href"]) + "$"))

    assert page.get_by_role("heading", level=1).inner_text() == focused["text"]
    breadcrumb = page.get_by_role("navigation", name="Brotkrumenpfad")
    assert breadcrumb.is_visible()
    assert breadcrumb.locator('[aria-current="page"]').inner_text() == focused["text"]
    current = navigation.locator('[aria-current="page"]')
    assert current.count() == 1
    assert current.inner_text() == focused["text"]
