"""The admin speaks the editor's language: a German editor meets no English
string of ours (nor one Wagtail or wagtailmedia leaves untranslated), an
English editor no German string of ours.

The walk follows the admin's own links from the dashboard (every menu item,
index, create and edit view, settings, reports) and opens every page type's
create and edit view; what it reads is the visible text, the form labels and
the labels in the StreamField definitions the browser renders.
"""

import gettext
import html
import json
import re
from collections import deque
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.utils.functional import Promise
from django.utils.text import capfirst
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.users.models import UserProfile

from campaign.sites.roles import PRESS_OFFICE
from tests.support import login_with_second_factor, site_editor

pytestmark = pytest.mark.django_db

OUR_APPS = {"campaign", "careers", "media_library"}
OUR_CATALOGUE = settings.BASE_DIR / "campaign" / "locale" / "en" / "LC_MESSAGES" / "django.mo"
UPSTREAM_APPS = ("wagtail", "wagtailmedia")

# Links the walk does not follow: they change things, log out, export files or
# repeat a view the walk already reads elsewhere.
SKIPPED = re.compile(
    r"/(logout|delete|unpublish|copy|move|lock|unlock|revisions|history|workflow|usage|"
    r"preview|convert_alias|restore|cancel|reject|approve|compare|export|download|"
    r"serve|login|password_reset|search|chooser|autocomplete|jsi18n|preview-)"
    r"|/admin/sites/|/admin/locales/|/admin/redirects/add_redirect|\.(csv|xlsx|ics|pdf)$"
)
LIMIT = 400

# Words that are the same in both languages, so they prove nothing.
SAME_IN_BOTH = {"Name", "Status", "Tags", "Link", "Logo", "Film", "Filme", "Audio"}
# A language picker names each language in itself.
LANGUAGE_NAMES = {"Deutsch", "English"}
# Upstream's words that no catalogue of ours can change, by admin language.
UPSTREAM_LITERALS = {
    # English Wagtail writes without gettext; read only by screen readers.
    "de": {
        "Search": "the search form's submit button (wagtailadmin/shared/header.html, home.html)",
        "Page": "the page chooser's label in a group's page permissions (wagtail.users.forms)",
    },
    # The collection permission columns of a group's form and its collection
    # column, which Wagtail and wagtailmedia translate once at import (gettext,
    # not gettext_lazy), in German.
    "en": {"Hinzufügen": "", "Bearbeiten": "", "Löschen": "", "Sammlung": ""},
}


PO_KEYS = {
    "msgid": "msgid",
    "msgid_plural": "msgid_plural",
    "msgstr": "msgstr",
    "msgstr[0]": "msgstr",
}


def _po_entries(path):
    """(msgid, msgstr) pairs of a .po file, fuzzy entries with an empty translation."""
    entries, current, fuzzy, key = [], {}, False, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            for msgid in (current.get("msgid"), current.get("msgid_plural")):
                if msgid is not None:
                    entries.append((msgid, "" if fuzzy else current.get("msgstr", "")))
            current, fuzzy, key = {}, False, None
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and key:
            current[key] += json.loads(line)
        else:
            word, _, rest = line.partition(" ")
            key = PO_KEYS.get(word)
            if key:
                current[key] = json.loads(rest)
    return entries


def _catalogue(mo_path):
    with open(mo_path, "rb") as file:
        return {
            msgid: msgstr
            for msgid, msgstr in gettext.GNUTranslations(file)._catalog.items()
            if isinstance(msgid, str) and msgid
        }


def _normalised(text):
    text = " ".join(html.unescape(text).split())
    return re.sub(r"\s*[:*]$", "", text).strip()


def _auto_labels():
    """Labels Django and Wagtail make from our names where we gave none: English
    words ("Image", "Sort order") that no catalogue translates."""
    labels = set()

    def walk(block):
        if block.label and not isinstance(block.label, Promise):
            labels.add(str(block.label))
        children = getattr(block, "child_blocks", None) or {}
        for child in children.values():
            walk(child)
        if isinstance(block, blocks.ListBlock):
            walk(block.child_block)

    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        for field in model._meta.get_fields():
            if getattr(field, "concrete", False) and not isinstance(field.verbose_name, Promise):
                labels.add(capfirst(field.verbose_name))
            if isinstance(field, StreamField):
                walk(field.stream_block)
    return labels


def _fragments(msgid):
    """The words of a message as the page shows them: without markup and placeholders."""
    pieces = re.split(r"<[^>]+>|%\(\w+\)[sd]|%[sd]|\{\w*\}", msgid)
    return {_normalised(piece) for piece in pieces if len(re.findall(r"[A-Za-z]", piece)) > 2}


def _upstream_catalogues():
    for app in UPSTREAM_APPS:
        root = Path(__import__(app).__file__).parent
        for po in root.glob("**/locale/de/LC_MESSAGES/*.po"):
            yield _po_entries(po)


def _upstream_untranslated():
    """Wagtail's and wagtailmedia's English strings that their German catalogue
    leaves untranslated (shown in English in a German admin)."""
    untranslated = set()
    for entries in _upstream_catalogues():
        for msgid, msgstr in entries:
            if msgid and not msgstr:
                untranslated |= _fragments(msgid)
    return untranslated


def _upstream_german():
    """What Wagtail's German catalogue says in German (some words it keeps: "Home")."""
    german = set()
    for entries in _upstream_catalogues():
        german |= {_normalised(msgstr) for msgid, msgstr in entries if msgstr}
    return german


def _content():
    """What editors wrote (titles, names) in either language: content, not interface."""
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, Site

    models = [Page, Collection, Group, Site]
    models += [model for model in apps.get_models() if model._meta.app_label in OUR_APPS]
    return {_normalised(str(item)) for model in models for item in model._base_manager.all()}


def foreign_strings(language):
    """Strings of ours (and upstream's gaps) that must not show in the admin of `language`."""
    ours = _catalogue(OUR_CATALOGUE)
    if language == "de":
        foreign = {english for german, english in ours.items() if english != german}
        foreign |= _auto_labels() | _upstream_untranslated()
        foreign -= _upstream_german()
    else:
        foreign = {german for german, english in ours.items() if english != german}
    foreign = {_normalised(text) for text in foreign}
    known = SAME_IN_BOTH | LANGUAGE_NAMES | set(UPSTREAM_LITERALS[language]) | {""}
    return foreign - _content() - known


# Links in the markup and in the sidebar's menu, which the browser builds from JSON.
LINK = re.compile(r'(?:href="|"url":\s*")(/admin/[^"#?]*)')
JSON_LABEL = re.compile(r'"(?:label|helpText|help_text|title)":\s*"((?:[^"\\]|\\.)*)"')


def shown_strings(response):
    """The visible text, form labels, button texts and the StreamField
    definitions' labels of an admin page."""
    soup = BeautifulSoup(response.content, "html.parser")
    for tag in soup(["script", "style"]):
        if tag.get("type") not in ("application/json",):
            tag.decompose()
    strings = {_normalised(text) for text in soup.stripped_strings}
    for tag in soup.find_all(True):
        for attribute in ("placeholder", "title", "aria-label", "alt"):
            if tag.get(attribute):
                strings.add(_normalised(tag[attribute]))
        if tag.name == "input" and tag.get("type") in ("submit", "button") and tag.get("value"):
            strings.add(_normalised(tag["value"]))
    for match in JSON_LABEL.finditer(html.unescape(response.content.decode())):
        strings.add(_normalised(json.loads(f'"{match.group(1)}"')))
    return strings


def page_type_urls():
    """Each page type's edit view (a German page of it) and its create view."""
    urls = []
    seen = set()
    for page in Page.objects.filter(depth__gt=1, locale__language_code="de").specific():
        model = type(page)
        if model in seen:
            continue
        seen.add(model)
        urls.append(f"/admin/pages/{page.pk}/edit/")
        parent = page.get_parent()
        label = model._meta
        urls.append(f"/admin/pages/add/{label.app_label}/{label.model_name}/{parent.pk}/")
    return urls


def walk_admin(client, start):
    """Every admin view reachable from `start` by the admin's own links (one of
    each URL shape), as {url: strings shown}."""
    queue, shapes, shown = deque(start), set(), {}
    while queue and len(shown) < LIMIT:
        url = queue.popleft()
        shape = re.sub(r"\d+", "N", url)
        if url in shown or (url not in start and shape in shapes):
            continue
        shapes.add(shape)
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code in (301, 302) and response["Location"].startswith("/admin/"):
            queue.append(response["Location"].split("?")[0])
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        shown[url] = shown_strings(response)
        page = html.unescape(response.content.decode())
        for href in LINK.findall(page):
            if not SKIPPED.search(href):
                queue.append(href)
    return shown


def offences(shown, language):
    foreign = foreign_strings(language)
    found = {}
    for url, strings in shown.items():
        for text in sorted(strings & foreign):
            found.setdefault(text, url)
    return [f"{text!r} on {url}" for text, url in sorted(found.items())]


def _in_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("sprache", "s@example.org", "geheim-123")
    return user, client


def walked(client, user, language):
    login_with_second_factor(client, _in_language(user, language))
    return walk_admin(client, ["/admin/", *page_type_urls()])


@pytest.mark.parametrize("language", ["de", "en"])
def test_superuser_meets_only_the_admin_language(superuser_client, demo_sites, language):
    user, client = superuser_client

    shown = walked(client, user, language)

    assert len(shown) > 60, "the walk reaches the admin's views"
    assert not offences(shown, language), "\n".join(offences(shown, language))


def test_press_office_editor_meets_only_german(client, demo_sites):
    editor = site_editor("mitte.localhost", PRESS_OFFICE)

    shown = walked(client, editor, "de")

    assert len(shown) > 30
    assert not offences(shown, "de"), "\n".join(offences(shown, "de"))
