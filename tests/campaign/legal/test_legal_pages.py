"""campaign/legal/models.py: imprint, privacy policy and accessibility statement."""

import pytest
from wagtail.models import Site

from campaign.models import (
    AccessibilityStatementPage,
    EmployerDirectoryPage,
    EmployerSettings,
    HomePage,
    ImprintPage,
    PrivacyPage,
    StandardPage,
)
from tests.support import get_with_query_budget

pytestmark = pytest.mark.django_db

HOST = "mitte.localhost"


def test_every_demo_site_has_the_three_legal_page_types_in_its_footer(client, demo_sites):
    for site in demo_sites:
        settings = EmployerSettings.objects.get(site=site)
        assert isinstance(settings.imprint_page.specific, ImprintPage)
        assert isinstance(settings.privacy_page.specific, PrivacyPage)
        assert isinstance(settings.accessibility_page.specific, AccessibilityStatementPage)
        slugs = [settings.imprint_page.slug, settings.privacy_page.slug]
        assert [*slugs, settings.accessibility_page.slug] == [
            "impressum",
            "datenschutz",
            "barrierefreiheit",
        ]
        assert not settings.accessibility_page.show_in_menus
    assert not StandardPage.objects.filter(
        slug__in=["impressum", "datenschutz", "barrierefreiheit"]
    ).exists()


def test_the_imprint_names_publisher_representative_contact_and_responsible(client, demo_sites):
    html = client.get("/impressum/", HTTP_HOST=HOST).text

    assert "§ 5 Digitale-Dienste-Gesetz" in html
    assert "Mathilde-Jacob-Platz 1<br>10551 Berlin" in html
    assert "Die Bezirksbürgermeisterin oder der Bezirksbürgermeister" in html
    assert 'href="mailto:presse@ba-mitte.berlin.de"' in html
    assert "Aufsichtsbehörde" in html
    assert "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV" in html
    assert "Umsatzsteuer" not in html  # optional and not given


def test_the_imprint_shows_a_vat_id_when_there_is_one(client, demo_sites):
    imprint = ImprintPage.objects.get(url_path__startswith="/mitte/")
    imprint.vat_id = "DE123456789"
    imprint.save_revision().publish()

    html = client.get("/impressum/", HTTP_HOST=HOST).text

    assert "nach § 27a Umsatzsteuergesetz: DE123456789" in html


def test_the_privacy_policy_lists_purposes_rights_and_the_authority(client, demo_sites):
    html = client.get("/datenschutz/", HTTP_HOST="duesseldorf.localhost").text

    assert "Verantwortliche Stelle" in html
    assert "Landeshauptstadt Düsseldorf<br>\n            Marktplatz 2<br>40213 Düsseldorf" in html
    assert 'href="mailto:datenschutz@duesseldorf.example"' in html
    assert "Bereitstellung der Website" in html
    assert "Öffentliche Aufgabe (Art. 6 Abs. 1 Buchst. e DSGVO)" in html
    # Düsseldorf has events: their bookings are a purpose of their own.
    assert "Anmeldung zu Gesprächsterminen bei Veranstaltungen" in html
    # Their kiosk takes short applications (careers/kiosk/).
    assert "Kurzbewerbung am Kiosk (Tablet) einer Veranstaltung" in html
    assert "Einwilligung (Art. 6 Abs. 1 Buchst. a DSGVO)" in html
    # What the site's forms keep, each with its retention.
    for purpose in ("Mitgliedskonto", "Stellenalarm", "Online-Bewerbung"):
        assert purpose in html
    assert "sechs Monate nach Abschluss des Verfahrens" in html
    assert "Auskunft über die zu Ihrer Person gespeicherten Daten (Art. 15 DSGVO)" in html
    assert "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen" in html


def test_the_accessibility_statement_says_status_barriers_dates_and_where_to_turn(
    client, demo_sites
):
    html = client.get("/barrierefreiheit/", HTTP_HOST=HOST).text

    assert "Diese Website ist mit der BITV 2.0 teilweise vereinbar." in html
    assert "Einige ältere PDF-Dokumente" in html
    assert "<strong>Alternative:</strong>" in html
    assert '<time datetime="2026-03-02">2. März 2026</time>' in html
    assert "Selbstbewertung" in html
    assert 'href="#rueckmeldung"' in html
    # No address of its own: the press office's, where the form's messages go.
    assert 'href="mailto:presse@ba-mitte.berlin.de"' in html
    assert 'id="rueckmeldung"' in html
    assert '<form method="post" action="/barrierefreiheit/#rueckmeldung"' in html
    assert "Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz" in html
    assert 'href="https://www.schlichtungsstelle-bgg.de/"' in html


def test_the_conciliation_body_defaults_to_the_federal_one():
    page = AccessibilityStatementPage()

    assert page.conciliation_url == "https://www.schlichtungsstelle-bgg.de/"
    assert "§ 16" in str(page.conciliation_name)


@pytest.mark.parametrize(
    "model", [ImprintPage, PrivacyPage, AccessibilityStatementPage], ids=lambda m: m.__name__
)
def test_one_of_each_per_site_right_below_its_home_page(demo_sites, model):
    home = Site.objects.get(hostname=HOST).root_page
    directory = EmployerDirectoryPage.objects.get()
    other = HomePage.objects.get(slug="duesseldorf")

    assert not model.can_create_at(home)  # the demo made one already
    assert not model.can_create_at(directory)
    model.objects.child_of(other).delete()
    assert model.can_create_at(other.specific)
    assert not model.can_create_at(home.get_children().first().specific)


def test_the_settings_choose_only_the_right_page_type():
    handler = EmployerSettings.edit_handler.bind_to_model(EmployerSettings)
    form_class = handler.get_form_class()
    widget = form_class.base_fields["accessibility_page"].widget

    assert widget.target_models == [AccessibilityStatementPage]


def test_a_footer_link_to_an_older_content_page_keeps_working(client, demo_sites):
    site = Site.objects.get(hostname=HOST)
    # Any page, as an older content page was before the legal page types came.
    old = site.root_page.get_children().live().not_type(AccessibilityStatementPage).first()
    EmployerSettings.objects.filter(site=site).update(accessibility_page=old)

    html = client.get("/", HTTP_HOST=HOST).text

    assert f'href="{old.get_url(current_site=site)}">{old.title}</a></li>' in html


# 13 like any content page: routing (with the active language's locale), menu, settings.
@pytest.mark.parametrize(
    ("url", "budget"),
    [("/impressum/", 13), ("/datenschutz/", 13), ("/barrierefreiheit/", 13)],
)
def test_legal_pages_stay_within_their_query_budget(client, demo_sites, url, budget):
    client.get(url, HTTP_HOST=HOST)  # warm: branding

    get_with_query_budget(client, url, host=HOST, max_queries=budget)
