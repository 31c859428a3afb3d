"""campaign/press/models.py, feeds.py and press_kit.py: press releases, as
journalists and visitors meet them."""

import datetime
import io
import re
import zipfile
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from PIL import Image
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from campaign.factories import (
    EmployerSettingsFactory,
    MediaContactFactory,
    PressIndexPageFactory,
    PressReleasePageFactory,
    SiteFactory,
)
from campaign.members import accounts
from campaign.models import PressReleasePage
from media_library.factories import ImageFactory
from tests.support import admin_form_data, count_queries, get_with_query_budget

pytestmark = pytest.mark.django_db

HOST = "presse.localhost"
RESPONSIBLE = "Erika Muster, Müllerstraße 146, 13353 Berlin"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def site():
    site = SiteFactory(hostname=HOST, site_name="Bezirksamt Beispiel")
    EmployerSettingsFactory(
        site=site,
        organisation_name="Bezirksamt Beispiel",
        editorial_responsible=RESPONSIBLE,
        logo=ImageFactory(title="Logo"),
    )
    return site


@pytest.fixture
def index(site):
    return _publish(PressIndexPageFactory(parent=site.root_page, lead="Neues aus dem Amt."))


def _publish(page):
    page.save_revision().publish()
    return page


def _release(index, **kwargs):
    return _publish(PressReleasePageFactory(parent=index, **kwargs))


def _notebooks(index, site, **kwargs):
    contact = MediaContactFactory(
        site=site,
        office="Bezirksamt Beispiel, Pressestelle",
        person="Max Muster",
        email="presse@beispiel.de",
        phone="030 901 822",
    )
    defaults = {
        "title": "500 neue Notebooks",
        "slug": "notebooks",
        "release_date": datetime.date(2020, 11, 12),
        "place": "Berlin",
        "lead": "Im Bezirksamt wird mit modernsten Mitteln gearbeitet.",
        "media_contact": contact,
        "body": _text_and_quote(),
    }
    return _release(index, **{**defaults, **kwargs})


def _text_and_quote():
    return [
        ("text", "<p>Bis Weihnachten könnten <b>500 Notebooks</b> ausgeliefert sein.</p>"),
        (
            "quote",
            {
                "quote": "Es geht voran mit der Digitalisierung.",
                "speaker": "Ephraim Gothe",
                "role": "Bezirksstadtrat",
            },
        ),
    ]


def _image_block(image, caption=""):
    return ("image", {"image": image, "caption": caption})


def _meta(html):
    """The page's <meta property|name=… content=…> tags as a dict."""
    pairs = re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html)
    return dict(pairs)


def _yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


# The release page


def test_a_release_shows_its_facts_quote_contact_and_who_is_responsible(client, site, index):
    photo = ImageFactory(credit="Foto: Anna Beispiel", licence="cc0")
    body = [_image_block(photo, "Notebooks vor der Auslieferung")]
    _notebooks(index, site, body=[*body, *_text_and_quote()])

    response = client.get("/presse/notebooks/", HTTP_HOST=HOST)
    html = response.text

    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'Berlin, <time datetime="2020-11-12">12. November 2020</time>' in html
    assert "Im Bezirksamt wird mit modernsten Mitteln gearbeitet." in html
    assert "Es geht voran mit der Digitalisierung." in html
    assert "Ephraim Gothe" in html
    assert "Foto: Anna Beispiel" in html  # the credit goes with the picture
    assert "Max Muster" in html
    assert 'href="mailto:presse@beispiel.de"' in html
    assert 'href="tel:030901822"' in html
    assert f"Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV: {RESPONSIBLE}" in html
    assert 'href="/presse/notebooks/presse-kit/"' in html


def test_link_previews_get_absolute_urls_and_the_first_picture(client, site, index):
    expired = ImageFactory(title="Abgelaufen", usage_rights_until=_yesterday())
    photo = ImageFactory(title="Notebooks")
    _notebooks(index, site, body=[_image_block(expired), _image_block(photo)])

    meta = _meta(client.get("/presse/notebooks/", HTTP_HOST=HOST).text)

    assert meta["og:type"] == "article"
    assert meta["og:title"] == "500 neue Notebooks"
    assert meta["og:description"] == "Im Bezirksamt wird mit modernsten Mitteln gearbeitet."
    assert meta["og:url"] == f"http://{HOST}/presse/notebooks/"
    assert meta["article:published_time"] == "2020-11-12"
    assert meta["twitter:card"] == "summary_large_image"
    # The picture whose rights ran out is not shared; the next one is.
    shared = photo.renditions.get(filter_spec="max-1200x1200|format-jpeg")
    assert meta["og:image"] == f"http://{HOST}{shared.url}"
    assert meta["twitter:image"] == meta["og:image"]


def test_without_a_picture_the_link_preview_shows_the_logo(client, site, index):
    _notebooks(index, site)

    html = client.get("/presse/notebooks/", HTTP_HOST=HOST).text

    header_logo = re.search(r'<img class="site-brand__logo" src="([^"]+)"', html)[1]
    assert _meta(html)["og:image"] == f"http://{HOST}{header_logo}"


def test_other_pages_carry_no_link_preview_tags(client, site, index):
    html = client.get("/presse/", HTTP_HOST=HOST).text

    assert "og:type" not in html


def test_without_a_responsible_person_the_line_is_left_out(client, site, index):
    site_settings = site.employersettings
    site_settings.editorial_responsible = ""
    site_settings.save()
    _notebooks(index, site)

    html = client.get("/presse/notebooks/", HTTP_HOST=HOST).text

    assert "MStV" not in html


# The index


def test_the_index_lists_releases_newest_first_with_their_years(client, site, index):
    _release(index, title="Aus dem Frühjahr", release_date=datetime.date(2020, 3, 1))
    _release(index, title="Aus dem Vorjahr", release_date=datetime.date(2019, 5, 1))
    _release(index, title="Aus dem Herbst", release_date=datetime.date(2020, 11, 12))

    response = client.get("/presse/", HTTP_HOST=HOST)
    html = response.text

    assert response.status_code == 200
    assert html.count("<h1") == 1
    autumn, spring, last_year = (
        html.index(title) for title in ("Aus dem Herbst", "Aus dem Frühjahr", "Aus dem Vorjahr")
    )
    assert autumn < spring < last_year
    assert "12. November 2020</time>, Berlin" in html
    assert 'href="?jahr=2020"' in html
    assert 'href="?jahr=2019"' in html
    assert "?jahr=2018" not in html  # only years that have releases
    assert "3 Pressemitteilungen" in html


def test_a_year_shows_only_its_releases(client, site, index):
    _release(index, title="Aus dem Herbst", release_date=datetime.date(2020, 11, 12))
    _release(index, title="Aus dem Vorjahr", release_date=datetime.date(2019, 5, 1))

    html = client.get("/presse/?jahr=2019", HTTP_HOST=HOST).text

    assert "Aus dem Vorjahr" in html
    assert "Aus dem Herbst" not in html
    assert 'href="?jahr=2019" aria-current="page"' in html
    assert "Eine Pressemitteilung aus dem Jahr 2019" in html


def test_the_index_pages_through_many_releases_and_keeps_the_year(client, site, index):
    for number in range(12):
        _release(index, title=f"Mitteilung {number:02d}", release_date=datetime.date(2020, 1, 1))

    first = client.get("/presse/?jahr=2020", HTTP_HOST=HOST).text
    second = client.get("/presse/?jahr=2020&seite=2", HTTP_HOST=HOST).text

    assert first.count('class="kern-card kern-card--active teaser"') == 10
    assert second.count('class="kern-card kern-card--active teaser"') == 2
    assert 'href="?jahr=2020&amp;seite=2"' in first
    assert "Seite 2 von 2" in second


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("?seite=0", 404, "Diese Seite der Pressemitteilungen gibt es nicht."),
        ("?seite=zwei", 404, "Diese Seite der Pressemitteilungen gibt es nicht."),
        ("?seite=99", 404, "Diese Seite der Pressemitteilungen gibt es nicht."),
        ("?jahr=zwanzig", 400, "„zwanzig“ ist keine Jahreszahl."),
        ("?jahr=%C2%B2020", 400, "ist keine Jahreszahl."),  # a superscript digit
        ("?jahr=1999", 404, "Aus dem Jahr 1999 gibt es hier keine Pressemitteilungen."),
    ],
)
def test_a_bad_page_or_year_says_what_is_wrong(client, site, index, query, status, message):
    _release(index, release_date=datetime.date(2020, 11, 12))

    response = client.get(f"/presse/{query}", HTTP_HOST=HOST)

    assert response.status_code == status
    assert message in response.text
    assert 'role="alert"' in response.text
    assert 'href="/presse/">Zu allen Pressemitteilungen' in response.text
    assert response.text.count("<h1") == 1


@pytest.mark.parametrize("path", ["/presse/", "/presse/rss/"])
def test_more_releases_cost_no_more_queries(client, site, index, path):
    for number in range(3):
        _release(index, title=f"Mitteilung {number}")
    client.get(path, HTTP_HOST=HOST)  # warm: branding
    with_three = count_queries(client, path, host=HOST)
    for number in range(27):
        _release(index, title=f"Weitere Mitteilung {number}")

    get_with_query_budget(client, path, host=HOST, max_queries=with_three)


# Feeds


def test_the_index_announces_its_feeds(client, site, index):
    html = client.get("/presse/", HTTP_HOST=HOST).text

    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/presse/rss/"' in html
    assert 'href="/presse/atom/"' in html


def test_the_rss_feed_lists_releases_newest_first(client, site, index):
    _release(index, title="Älter", slug="aelter", release_date=datetime.date(2020, 3, 1))
    _release(index, title="Neuer", slug="neuer", release_date=datetime.date(2020, 11, 12))

    response = client.get("/presse/rss/", HTTP_HOST=HOST)
    channel = ElementTree.fromstring(response.content).find("channel")
    items = channel.findall("item")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert channel.findtext("title") == "Presse – Bezirksamt Beispiel"
    assert [item.findtext("title") for item in items] == ["Neuer", "Älter"]
    assert items[0].findtext("link") == f"http://{HOST}/presse/neuer/"
    assert items[0].findtext("pubDate").startswith("Thu, 12 Nov 2020 00:00:00")


def test_the_atom_feed_lists_releases_newest_first(client, site, index):
    _release(index, title="Älter", release_date=datetime.date(2020, 3, 1))
    _release(index, title="Neuer", release_date=datetime.date(2020, 11, 12))

    response = client.get("/presse/atom/", HTTP_HOST=HOST)
    entries = ElementTree.fromstring(response.content).findall(f"{ATOM}entry")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Neuer", "Älter"]
    assert entries[0].findtext(f"{ATOM}published").startswith("2020-11-12T00:00:00")


def test_unpublished_releases_stay_out_of_index_and_feed(client, site, index):
    draft = _release(index, title="Noch ein Entwurf")
    draft.unpublish()

    assert "Noch ein Entwurf" not in client.get("/presse/", HTTP_HOST=HOST).text
    assert "Noch ein Entwurf" not in client.get("/presse/rss/", HTTP_HOST=HOST).text


# The press kit


def _press_kit(client, path="/presse/notebooks/presse-kit/"):
    response = client.get(path, HTTP_HOST=HOST)
    assert response.status_code == 200
    return response, zipfile.ZipFile(io.BytesIO(response.content))


def test_the_press_kit_holds_the_text_pictures_and_credits(client, site, index):
    photo = ImageFactory(
        title="Notebooks im Rathaus",
        credit="CC0 via pixabay.com",
        licence="cc0",
        source="https://pixabay.com/",
    )
    huge = ImageFactory(title="Panorama", credit="Foto: Bernd Schaller", file__width=3200)
    expired = ImageFactory(title="Abgelaufenes Motiv", usage_rights_until=_yesterday())
    body = [_image_block(photo, "Notebooks vor der Auslieferung"), _image_block(expired)]
    _notebooks(index, site, body=[*body, *_text_and_quote(), _image_block(huge)])

    response, archive = _press_kit(client)

    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == (
        'attachment; filename="presse-kit-2020-11-12-notebooks.zip"'
    )
    pictures = [name for name in archive.namelist() if name.startswith("Bilder/")]
    assert pictures == ["Bilder/01-notebooks-im-rathaus.jpg", "Bilder/02-panorama.jpg"]
    sizes = []
    for name in pictures:
        with Image.open(io.BytesIO(archive.read(name))) as picture:
            picture.verify()
            sizes.append(picture.size)
    assert sizes[0] == (photo.width, photo.height)  # the original file
    assert max(sizes[1]) == 3000  # a huge original comes at print size

    credits = archive.read("Bildnachweise.txt").decode()
    assert "Bilder/01-notebooks-im-rathaus.jpg" in credits
    assert "Bildnachweis: CC0 via pixabay.com" in credits
    assert "Lizenz: CC0 1.0 (gemeinfrei)" in credits
    assert "Quelle: https://pixabay.com/" in credits
    assert "Bildnachweis: Foto: Bernd Schaller" in credits
    left_out = credits.split("Nicht enthalten, weil die Nutzungsrechte abgelaufen sind:")[1]
    assert "Abgelaufenes Motiv" in left_out


def test_the_press_kit_leaves_out_pictures_of_restricted_collections(client, site, index):
    internal = Collection.get_first_root_node().add_child(name="Nur intern")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    photo = ImageFactory(title="Öffentliches Foto")
    hidden = ImageFactory(title="Internes Foto", collection=internal)
    assert not hidden.is_public
    _notebooks(index, site, body=[_image_block(photo), _image_block(hidden)])

    _response, archive = _press_kit(client)

    pictures = [name for name in archive.namelist() if name.startswith("Bilder/")]
    assert pictures == ["Bilder/01-offentliches-foto.jpg"]
    assert "Internes Foto" not in archive.read("Bildnachweise.txt").decode()


def test_the_press_kit_text_reads_like_the_release(client, site, index):
    _notebooks(index, site)

    _response, archive = _press_kit(client)
    text = archive.read("Pressemitteilung.txt").decode()

    assert text.startswith("500 neue Notebooks\n\nBerlin, 12. November 2020\n\n")
    assert "Im Bezirksamt wird mit modernsten Mitteln gearbeitet." in text
    assert "Bis Weihnachten könnten 500 Notebooks ausgeliefert sein." in text
    assert "<" not in text  # no HTML left
    assert "„Es geht voran mit der Digitalisierung.“\n– Ephraim Gothe, Bezirksstadtrat" in text
    assert "Pressekontakt\nBezirksamt Beispiel, Pressestelle\nMax Muster" in text
    assert "E-Mail: presse@beispiel.de" in text
    assert f"Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV: {RESPONSIBLE}" in text
    assert f"Online: http://{HOST}/presse/notebooks/" in text


def test_the_press_kit_filename_stays_ascii(client, site, index):
    _notebooks(index, site, slug="notebooks-für-alle")

    response = client.get("/presse/notebooks-für-alle/presse-kit/", HTTP_HOST=HOST)

    assert response["Content-Disposition"] == (
        'attachment; filename="presse-kit-2020-11-12-notebooks-fur-alle.zip"'
    )


# Search and demo


def test_the_site_search_finds_a_release_by_its_text(client, site, index):
    _notebooks(index, site)

    html = client.get("/suche/?q=Weihnachten", HTTP_HOST=HOST).text

    assert 'href="/presse/notebooks/"' in html


def test_the_demo_publishes_the_notebooks_release_under_presse_with_a_member_part(
    client, demo_sites
):
    host = "mitte.localhost"
    listing = client.get("/presse/", HTTP_HOST=host).text
    search = client.get("/suche/?q=Notebooks", HTTP_HOST=host).text
    anonymous = client.get("/presse/homeoffice/", HTTP_HOST=host)
    # Teaser public, the rest for members (seed 003): the member logs in and reads it.
    member = accounts.register("leser@example.org", "ein-langes-Passwort", demo_sites[1])
    accounts.activate(member)
    client.force_login(member)

    release = client.get("/presse/homeoffice/", HTTP_HOST=host)
    home = client.get("/", HTTP_HOST=host).text

    assert release.status_code == 200
    assert "500 neue Notebooks für die Beschäftigten" in release.text
    assert 'Berlin, <time datetime="2020-11-12">12. November 2020</time>' in release.text
    assert "Ephraim Gothe" in release.text
    assert 'href="mailto:presse@ba-mitte.berlin.de"' in release.text
    assert "CC0 via pixabay.com" in release.text
    assert anonymous.status_code == 200
    assert "Ephraim Gothe" not in anonymous.text
    # Listed and searched by its public part (tests/campaign/members/test_teaser.py).
    assert 'href="/presse/homeoffice/"' in listing
    assert 'href="/presse/homeoffice/"' in search
    assert 'href="/presse/"' in home  # "Presse" is in the menu
    assert client.get("/homeoffice/", HTTP_HOST=host).status_code == 404
    kit = zipfile.ZipFile(
        io.BytesIO(client.get("/presse/homeoffice/presse-kit/", HTTP_HOST=host).content)
    )
    assert "CC0 1.0 (gemeinfrei)" in kit.read("Bildnachweise.txt").decode()


def test_a_release_for_logged_in_users_only_stays_out_of_index_and_feeds(client, site, index):
    # Seed 003's member-only release: Wagtail's page privacy ("Privat" → "login"),
    # read by members after logging in (tests/campaign/members/); hidden elsewhere.
    public = _release(index, title="Für alle")
    private = _release(index, title="Nur für Angemeldete", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    listing = client.get("/presse/", HTTP_HOST=HOST).text
    feed = client.get("/presse/rss/", HTTP_HOST=HOST).text
    direct = client.get("/presse/intern/", HTTP_HOST=HOST)

    assert public.title in listing
    assert public.title in feed
    assert private.title not in listing
    assert private.title not in feed
    assert direct.status_code == 302
    assert private.title not in direct.content.decode()


def test_a_releases_media_contact_comes_from_its_own_site(site, index, admin_user):
    own = MediaContactFactory(site=site, office="Eigene Pressestelle")
    other = MediaContactFactory(site=SiteFactory(), office="Fremde Pressestelle")
    release = _release(index)
    form_class = PressReleasePage.get_edit_handler().get_form_class()

    def form_with(contact):
        unbound = form_class(instance=release, parent_page=index, for_user=admin_user)
        data = {**admin_form_data(unbound), "media_contact": str(contact.pk)}
        return form_class(data, instance=release, parent_page=index, for_user=admin_user)

    refused = form_with(other)
    assert not refused.is_valid()
    assert "gehört zu einem anderen Arbeitgeber" in str(refused.errors["media_contact"])
    assert form_with(own).is_valid()
