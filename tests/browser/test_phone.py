"""Job seekers on phones (390 × 844): the compact header and its menu.

The menu is a <details> disclosure: it opens and closes with Enter and Space
without JavaScript (static/js/site_menu.js adds Escape), and Chromium
announces its button's state ("expanded"), which the test reads from the
accessibility tree a screen reader gets.
"""

import pytest

from tests.browser.axe import assert_no_axe_violations

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}
MAX_TABS_TO_MENU = 6


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="de-DE")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def _menu_button_state(tab):
    """The menu button's role and expanded state as Chromium exposes them to screen readers."""
    session = tab.context.new_cdp_session(tab)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    for node in nodes:
        if node.get("name", {}).get("value") == "Menü" and not node.get("ignored"):
            properties = node.get("properties", ())
            states = {item["name"]: item["value"].get("value") for item in properties}
            return node["role"]["value"], states.get("expanded")
    return None


def _focused_text(tab):
    return tab.evaluate("() => document.activeElement.innerText.trim()")


def test_the_menu_opens_and_closes_with_the_keyboard(phone, live_demo):
    phone.goto(live_demo.url("mitte.localhost"))
    navigation = phone.get_by_role("navigation", name="Hauptnavigation")
    heading = phone.get_by_role("heading", level=1)
    # The page's heading is on the first screen, the navigation tucked away.
    assert not navigation.is_visible()
    assert heading.bounding_box()["y"] < PHONE["height"] / 3
    assert_no_axe_violations(phone)

    # Skip link, name, search, then the menu button.
    for _ in range(MAX_TABS_TO_MENU):
        phone.keyboard.press("Tab")
        if _focused_text(phone) == "Menü":
            break
    else:
        raise AssertionError(f"Menü-Knopf nach {MAX_TABS_TO_MENU}× Tab nicht erreicht")
    assert _menu_button_state(phone) == ("DisclosureTriangle", False)

    phone.keyboard.press("Enter")
    assert _menu_button_state(phone) == ("DisclosureTriangle", True)
    assert navigation.is_visible()
    assert phone.get_by_role("link", name="Leichte Sprache").is_visible()
    assert phone.get_by_role("link", name="Anmelden").is_visible()
    assert_no_axe_violations(phone)

    # Tab goes on into the open menu, in the order it shows.
    phone.keyboard.press("Tab")
    assert _focused_text(phone) == "Leichte Sprache"
    phone.keyboard.press("Shift+Tab")
    assert _focused_text(phone) == "Menü"

    phone.keyboard.press("Space")
    assert _menu_button_state(phone) == ("DisclosureTriangle", False)
    assert not navigation.is_visible()

    # Escape closes it from inside too, and the focus returns to the button
    # instead of being lost in the content that disappeared.
    phone.keyboard.press("Enter")
    phone.keyboard.press("Tab")
    phone.keyboard.press("Tab")
    assert _focused_text(phone) == "Gebärdensprache"
    phone.keyboard.press("Escape")
    assert _menu_button_state(phone) == ("DisclosureTriangle", False)
    assert not navigation.is_visible()
    assert _focused_text(phone) == "Menü"
    phone.keyboard.press("Escape")  # a closed menu stays closed
    assert _menu_button_state(phone) == ("DisclosureTriangle", False)
    phone.keyboard.press("Enter")
    assert navigation.is_visible()


def test_the_menu_leads_to_a_page_of_the_navigation(phone, live_demo):
    phone.goto(live_demo.url("mitte.localhost"))
    phone.get_by_text("Menü", exact=True).click()
    navigation = phone.get_by_role("navigation", name="Hauptnavigation")
    navigation.get_by_role("link", name="Berufsfelder").click()
    phone.wait_for_url("**/berufsfelder/")
    assert phone.get_by_role("heading", level=1).inner_text() == "Berufsfelder"
    # A new page starts with the menu closed again.
    assert _menu_button_state(phone) == ("DisclosureTriangle", False)


def test_the_search_is_one_tap_away(phone, live_demo):
    phone.goto(live_demo.url("mitte.localhost", "/stellenangebote/"))
    phone.get_by_role("banner").get_by_role("link", name="Suche").click()
    phone.wait_for_url("**/suche/")
    field = phone.get_by_role("searchbox").first
    assert field.is_visible()
    assert field.bounding_box()["y"] < PHONE["height"]


def test_wide_screens_keep_the_open_header(browser, live_demo):
    context = browser.new_context(viewport=WIDE, locale="de-DE")
    tab = context.new_page()
    tab.goto(live_demo.url("mitte.localhost"))
    assert not tab.get_by_text("Menü", exact=True).is_visible()
    assert _menu_button_state(tab) is None
    header = tab.get_by_role("banner")
    for link in ("Leichte Sprache", "Anmelden", "Berufsfelder", "Stellenangebote"):
        assert header.get_by_role("link", name=link).is_visible(), link
    assert header.get_by_role("search").is_visible()
    assert not header.get_by_role("link", name="Suche").is_visible()
    assert_no_axe_violations(tab)
    context.close()


def test_the_job_field_index_is_a_compact_list_with_a_jump_list(phone, live_demo):
    phone.goto(live_demo.url("mitte.localhost", "/berufsfelder/"))
    # 89 job fields in cards were 35,209 px tall at this width.
    assert phone.evaluate("() => document.documentElement.scrollHeight") < 15_000
    # Each row shows what a job seeker compares, without the teaser text.
    first_row = phone.locator(".teasers__list--rows > li").first
    assert first_row.get_by_text("Bezahlung").is_visible()
    assert not first_row.locator(".teaser__lead").is_visible()

    jump_list = phone.get_by_role("navigation", name="Springen zu den Kategorien auf dieser Seite:")
    last = jump_list.get_by_role("link").last
    name = last.inner_text()
    last.click()
    heading = phone.get_by_role("heading", level=2, name=name, exact=True)
    phone.wait_for_function(
        "id => Math.abs(document.getElementById(id).getBoundingClientRect().top) < 50",
        arg=heading.get_attribute("id"),
    )


def test_the_apply_button_stays_in_reach_on_a_posting(phone, live_demo):
    phone.goto(live_demo.url("mitte.localhost", "/stellenangebote/mitarbeiterin-im-it-support/"))
    bar = phone.locator(".careers-apply-bar")
    apply = bar.get_by_role("link", name="Jetzt online bewerben")

    # From the first view on, while the visitor reads, the button sits at the window's foot.
    for scrolled in (0, 600):
        phone.evaluate("y => window.scrollTo({top: y, behavior: 'instant'})", scrolled)
        box = apply.bounding_box()
        assert PHONE["height"] - 100 < box["y"] + box["height"] <= PHONE["height"], scrolled

    # At the application section it has its own place and covers nothing.
    phone.evaluate(
        "() => window.scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'})"
    )
    section = phone.get_by_role("heading", name="Bewerbung", exact=True).bounding_box()
    assert bar.bounding_box()["y"] + bar.bounding_box()["height"] <= section["y"]

    # One such link for screen readers and the Tab key, on phones the bar's.
    assert phone.get_by_role("link", name="Jetzt online bewerben").count() == 1
    apply.click()
    phone.wait_for_url("**/bewerben/")


def test_a_posting_shows_pay_deadline_place_and_hours_on_the_first_screen(phone, live_demo):
    phone.goto(live_demo.url("mitte.localhost", "/stellenangebote/mitarbeiterin-im-it-support/"))
    bar_top = phone.locator(".careers-apply-bar").bounding_box()["y"]
    facts = phone.locator("main dl.careers-facts").first
    for key in ("Bezahlung", "Bewerbungsfrist", "Einsatzort", "Arbeitszeit"):
        fact = facts.locator(".kern-description-list-item").filter(
            has=phone.get_by_text(key, exact=True)
        )
        box = fact.bounding_box()
        assert box["y"] + box["height"] <= bar_top, key  # not hidden behind the bar
    assert_no_axe_violations(phone)


def test_wide_screens_show_the_apply_link_once_in_its_section(browser, live_demo):
    context = browser.new_context(viewport=WIDE, locale="de-DE")
    tab = context.new_page()
    tab.goto(live_demo.url("mitte.localhost", "/stellenangebote/mitarbeiterin-im-it-support/"))
    apply = tab.get_by_role("link", name="Jetzt online bewerben")
    assert apply.count() == 1
    section = tab.get_by_role("region", name="Bewerbung")
    assert section.get_by_role("link", name="Jetzt online bewerben").is_visible()
    context.close()


AFTER_CONTENT = "element => getComputedStyle(element, '::after').content"


@pytest.mark.parametrize(
    "path",
    ["/stellenangebote/mitarbeiterin-im-it-support/", "/berufsfelder/allgemeine-verwaltung/"],
)
def test_postings_and_job_fields_print_without_chrome(browser, live_demo, path):
    context = browser.new_context(viewport=WIDE, locale="de-DE")
    tab = context.new_page()
    url = live_demo.url("mitte.localhost", path)
    tab.goto(url)
    address = tab.get_by_text(url, exact=True)
    assert not address.is_visible()  # on screen the browser shows the address

    tab.emulate_media(media="print")
    assert not tab.get_by_role("navigation", name="Hauptnavigation").is_visible()
    assert not tab.get_by_role("navigation", name="Brotkrumenpfad").is_visible()
    assert not tab.get_by_role("search").is_visible()
    assert not tab.get_by_role("link", name="Leichte Sprache").is_visible()
    assert tab.get_by_role("banner").get_by_text("Bezirksamt Mitte von Berlin").is_visible()
    assert tab.get_by_role("heading", level=1).is_visible()
    assert address.is_visible()
    facts = tab.locator("main dl.careers-facts").first
    assert facts.is_visible()
    assert facts.get_by_text("Bezahlung", exact=True).is_visible()
    # A link in the text prints its address after it.
    link = tab.locator("main a[href^='/']").first
    assert link.evaluate(AFTER_CONTENT) == f'" ({link.get_attribute("href")})"'
    context.close()


def test_search_results_come_before_the_folded_facets(phone, live_demo):
    phone.goto(live_demo.url("mitte.localhost", "/suche/?q=Verwaltung"))
    first_result = phone.locator(".search-result").first
    assert first_result.bounding_box()["y"] < PHONE["height"]
    # A result's facts in rows of "key: value".
    pay = first_result.locator(".kern-description-list-item", has_text="Bezahlung")
    key, value = pay.locator("dt").bounding_box(), pay.locator("dd").bounding_box()
    assert abs(key["y"] - value["y"]) < 4

    facet = phone.get_by_role("checkbox").first
    assert not facet.is_visible()
    toggle = phone.get_by_text("Ergebnisse eingrenzen", exact=True).first
    toggle.focus()
    phone.keyboard.press("Enter")
    assert facet.is_visible()
    assert_no_axe_violations(phone)


def test_the_menu_needs_no_javascript(browser, live_demo):
    context = browser.new_context(viewport=PHONE, locale="de-DE", java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_demo.url("mitte.localhost"))
    navigation = tab.get_by_role("navigation", name="Hauptnavigation")
    assert not navigation.is_visible()
    tab.get_by_text("Menü", exact=True).click()
    assert navigation.is_visible()
    tab.get_by_text("Menü", exact=True).click()
    assert not navigation.is_visible()
    context.close()


def test_the_fallback_font_takes_the_room_of_fira_sans(phone, live_demo):
    """Until Fira Sans has loaded, text shows in the visitor's Arial scaled to
    it: lines as long and as high, so the swap shifts nothing."""
    phone.goto(live_demo.url("mitte.localhost", "/stellenangebote/mitarbeiterin-im-it-support/"))
    sizes = phone.evaluate(
        """async () => {
            const text = document.querySelector("main").textContent.replace(/\\s+/g, " ");
            const faces = [["400", "normal"], ["500", "normal"], ["600", "normal"],
                           ["700", "normal"], ["400", "italic"]];
            const size = (family, weight, style) => {
                const line = document.createElement("span");
                line.style.cssText = `position: absolute; white-space: nowrap;
                                      font: ${style} ${weight} 18px ${family}`;
                line.textContent = text;
                document.body.append(line);
                const {width, height} = line.getBoundingClientRect();
                line.remove();
                return [width, height];
            };
            const sizes = [];
            for (const [weight, style] of faces) {
                await document.fonts.load(`${style} ${weight} 18px 'Fira Sans'`);
                sizes.push([
                    size("'Fira Sans'", weight, style),
                    size("'Fira Sans Fallback'", weight, style),
                ]);
            }
            return sizes;
        }"""
    )
    # Unscaled, Arial Bold sets this text 4 % longer than Fira Sans Bold.
    for (fira_width, fira_height), (width, height) in sizes:
        assert abs(width - fira_width) / fira_width < 0.02, sizes
        assert abs(height - fira_height) < 1, sizes
