"""One installation, many employers: each host gets its own tree and look."""

import pytest
from wagtail.models import Site

from campaign.factories import EmployerSettingsFactory, SiteFactory, StandardPageFactory
from campaign.models import EmployerSettings

pytestmark = pytest.mark.django_db


def test_each_host_serves_its_own_home_page(client, demo_sites):
    mitte = client.get("/", HTTP_HOST="mitte.localhost")
    zukunft = client.get("/", HTTP_HOST="zukunftsorte.localhost")

    assert "Bezirksamt Mitte von Berlin" in mitte.text
    assert "HIER kommt deins zum anderen." in zukunft.text
    assert "Bezirksamt Mitte" not in zukunft.text


def test_directory_lists_every_employer_with_a_link_on_the_visitors_port(client, demo_sites):
    response = client.get("/", HTTP_HOST="localhost:8000")

    for site in Site.objects.filter(is_default_site=False):
        assert f'href="http://{site.hostname}:8000/"' in response.text
        assert EmployerSettings.for_site(site).organisation_name in response.text


def test_unknown_host_falls_back_to_the_directory(client, demo_sites):
    response = client.get("/", HTTP_HOST="127.0.0.1")

    assert response.status_code == 200
    assert "Karriereseiten öffentlicher Arbeitgeber" in response.text


def test_theme_css_carries_the_employers_colours(client, demo_sites):
    mitte = client.get("/theme.css", HTTP_HOST="mitte.localhost")
    duesseldorf = client.get("/theme.css", HTTP_HOST="duesseldorf.localhost")

    assert mitte["Content-Type"].startswith("text/css")
    assert "#1d4f91" in mitte.text
    assert "#a4001d" in duesseldorf.text


def test_changed_colour_reaches_the_page_at_once(client, demo_sites):
    client.get("/", HTTP_HOST="mitte.localhost")  # fills the branding cache
    employer = EmployerSettings.objects.get(site__hostname="mitte.localhost")
    employer.primary_colour = "#222222"
    employer.save()

    css = client.get("/theme.css", HTTP_HOST="mitte.localhost").text

    assert "#222222" in css


def test_versioned_theme_url_is_cached_for_long(client, demo_sites):
    html = client.get("/", HTTP_HOST="mitte.localhost").text
    theme_url = html.split('href="/theme.css?v=')[1].split('"')[0]

    response = client.get(f"/theme.css?v={theme_url}", HTTP_HOST="mitte.localhost")

    assert "immutable" in response["Cache-Control"]


def test_footer_links_the_legal_pages_of_the_site(client, demo_sites):
    html = client.get("/", HTTP_HOST="jobcenter-essen.localhost").text

    assert 'href="/impressum/"' in html
    assert 'href="/datenschutz/"' in html
    assert 'href="/barrierefreiheit/"' in html
    assert "pressestelle@jobcenter.essen.de" in html


def test_main_navigation_shows_menu_pages_of_this_site_only(client):
    site = SiteFactory(hostname="a.localhost")
    other = SiteFactory(hostname="b.localhost")
    StandardPageFactory(parent=site.root_page, title="Ausbildung bei uns")
    StandardPageFactory(parent=other.root_page, title="Studium bei den anderen")
    StandardPageFactory(parent=site.root_page, title="Versteckt", show_in_menus=False)
    EmployerSettingsFactory(site=site)

    html = client.get("/", HTTP_HOST="a.localhost").text
    nav = html.split('aria-label="Hauptnavigation"')[1].split("</nav>")[0]

    assert "Ausbildung bei uns" in nav
    assert "Studium bei den anderen" not in nav
    assert "Versteckt" not in nav


def test_breadcrumb_leads_from_home_to_the_current_page(client):
    site = SiteFactory(hostname="a.localhost")
    section = StandardPageFactory(parent=site.root_page, title="Karriere", slug="karriere")
    StandardPageFactory(parent=section, title="Ausbildung", slug="ausbildung")

    html = client.get("/karriere/ausbildung/", HTTP_HOST="a.localhost").text
    trail = html.split('aria-label="Brotkrumenpfad"')[1].split("</nav>")[0]

    assert trail.index("Startseite") < trail.index("Karriere") < trail.index("Ausbildung")
    assert site.root_page.title not in trail
    assert 'aria-current="page">Ausbildung' in trail
