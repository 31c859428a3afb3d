"""The press office of Bezirksamt Mitte at work in the admin, in a real browser.

A press officer logs in, puts a campaign with its film and a testimonial under
the Mitte home page and publishes it; the page passes axe on the Mitte host.
The testimonial chooser offers Mitte's testimonials only, and another
employer's pages stay closed. The admin speaks German (LANGUAGE_CODE and the
browser's locale), so the test finds things by their German names.
"""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from campaign import factories
from campaign import models as campaign_models
from campaign.sites.roles import PRESS_OFFICE, group_name
from media_library import demo
from media_library.factories import FilmFactory
from media_library.models import Film
from tests.browser.admin_login import enter_password, open_chooser
from tests.browser.axe import axe_violations

MITTE, DUESSELDORF = "mitte.localhost", "duesseldorf.localhost"
USERNAME, PASSWORD = "presse-mitte", "Kampagne-2026!"
TITLE = "Mitte sucht dich"


def _press_officer_of(site):
    user = get_user_model().objects.create_user(USERNAME, "presse@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name(site, PRESS_OFFICE)))
    return user


def _campaign_film():
    """The demo film (built where ffmpeg is), else a film without versions."""
    return Film.objects.filter(title=demo.TITLE).first() or FilmFactory(title=demo.TITLE)


def _log_in(page, url):
    enter_password(page, url, USERNAME, PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_press_office_publishes_a_campaign_of_its_own_site(page, browser_log, live_demo):
    mitte, duesseldorf = live_demo.site(MITTE), live_demo.site(DUESSELDORF)
    _press_officer_of(mitte)
    film = _campaign_film()
    factories.TestimonialFactory(site=mitte, name="Mia Mitte", role="Ingenieurin")
    factories.TestimonialFactory(site=duesseldorf, name="Dora Düsseldorf")
    mitte_testimonials = sorted(
        str(t) for t in campaign_models.Testimonial.objects.filter(site=mitte)
    )

    _log_in(page, live_demo.url(MITTE, "/admin/"))

    # A new campaign below the Mitte home page.
    page.goto(live_demo.url(MITTE, f"/admin/pages/{mitte.root_page_id}/"))
    page.get_by_role("link", name=re.compile("Unterseite hinzufügen")).first.click()
    page.get_by_role("link", name="Kampagne", exact=True).click()
    expect(page).to_have_url(re.compile(r"/add/campaign/campaignpage/"))
    page.get_by_role("textbox", name=re.compile(r"^Titel")).fill(TITLE)
    page.get_by_role("textbox", name="Hashtag oder Slogan").fill("#WirmachenMitte")
    page.get_by_role("textbox", name=re.compile(r"^Einleitung")).fill(
        "Mitte sucht Kolleginnen und Kollegen."
    )
    page.get_by_role("combobox", name="Kampagnenfilm").select_option(label=film.title)

    # The body: a testimonials block, through the block picker and the snippet chooser.
    page.get_by_role("button", name="Einen Block einfügen").first.click()
    page.get_by_role("combobox", name=re.compile("Suchoptionen")).fill("Stimmen")
    page.get_by_role("option", name="Stimmen aus dem Team").click()
    page.get_by_role("textbox", name="Überschrift").fill("Menschen in Mitte")
    chooser = open_chooser(page, "Stimme aus dem Team auswählen", re.compile("Mia Mitte"))
    offered = chooser.get_by_role("table").get_by_role("link").all_inner_texts()
    assert sorted(text.strip() for text in offered) == mitte_testimonials
    chooser.get_by_role("link", name=re.compile("Mia Mitte")).click()
    expect(page.get_by_role("dialog")).to_be_hidden()

    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Veröffentlichen").click()
    expect(
        page.get_by_text(f"Die Seite ‚{TITLE}‘ wurde erstellt und veröffentlicht.")
    ).to_be_visible()

    campaign = campaign_models.CampaignPage.objects.get(title=TITLE)
    assert campaign.live
    assert campaign.get_parent().pk == mitte.root_page_id
    assert campaign.hero_film_id == film.pk
    (block,) = campaign.body
    assert [t.name for t in block.value["testimonials"]] == ["Mia Mitte"]

    # Published, on the employer's own host, for everyone.
    browser_log.clear()
    _site_id, _root, path = campaign.get_url_parts()
    page.goto(live_demo.url(MITTE, path))
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    expect(page.get_by_text("Kein Tag ist wie der andere.")).to_be_visible()
    assert axe_violations(page) == []
    assert browser_log.csp_violations == []

    # Another employer's home page stays closed: the admin does not even find it.
    response = page.goto(live_demo.url(MITTE, f"/admin/pages/{duesseldorf.root_page_id}/edit/"))
    assert response.status == 404
    expect(page.get_by_text(duesseldorf.root_page.title)).to_have_count(0)
