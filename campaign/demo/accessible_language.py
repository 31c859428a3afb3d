"""The demo's pages in Leichte Sprache and Gebärdensprache (§ 4 BITV 2.0), one
of each per employer and for the installation's directory, written for what
that site holds.

Runs after the other apps' builders (hook register_demo_builders), so the
texts can name their pages (the job pages of careers), and before the media
step, which files the films. What a page type in the menu offers is
registered through the hook register_easy_language_topics, so this module
names no other app's page types.

We have no recordings in Deutsche Gebärdensprache: the four DGS films are
PLACEHOLDERS, title cards rendered with ffmpeg whose German subtitles carry the
text, until a DGS interpreter records them. The page says so to its visitors.
"""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape
from wagtail import hooks
from wagtail.models import Site

from campaign.demo import EASY_LANGUAGE_TOPICS_HOOK
from campaign.models import EasyLanguagePage, EmployerDirectoryPage, SignLanguagePage
from media_library.demo import render_title_card

EASY_TITLE = "Leichte Sprache"
SIGN_TITLE = "Gebärdensprache"
EASY_INTRO = (
    "Hier erklären wir unsere Internet·seite in Leichter Sprache.\n"
    "Leichte Sprache ist einfach zu lesen."
)
SIGN_INTRO = (
    "Hier erklären wir diese Website in Deutscher Gebärdensprache (DGS): in vier kurzen "
    "Filmen mit deutschen Untertiteln.\n"
    "Bitte beachten Sie: Die vier Filme sind Platzhalter. Sie zeigen bisher nur eine "
    "Titeltafel mit Untertiteln. Eine Gebärdensprachdolmetscherin oder ein "
    "Gebärdensprachdolmetscher nimmt die Filme noch auf."
)


@dataclass(frozen=True)
class MenuTopic:
    """What a page of one type in the menu offers, in Leichte Sprache."""

    page_type: str  # "app_label.modelname", lower case
    text: str
    # A sentence leading to such a page, "{link}" where its link goes; the
    # navigation text reads them in the order of the hooks that register them.
    invitation: str = ""


TOPICS = [
    MenuTopic(
        "campaign.eventindexpage",
        "Termine: Hier können Sie uns treffen.",
        invitation="Sie suchen einen Termin? Klicken Sie auf {link}.",
    ),
    MenuTopic("campaign.pressindexpage", "Nachrichten für die Presse."),
    MenuTopic("campaign.photocalendarpage", "einen Foto·kalender mit unseren Mitarbeitenden."),
    MenuTopic("campaign.campaignpage", "eine Werbe·aktion: Wir stellen unsere Arbeit vor."),
]


def registered_topics():
    return [
        topic for registered in hooks.get_hooks(EASY_LANGUAGE_TOPICS_HOOK) for topic in registered()
    ]


# The placeholder films: (part, title card, subtitles). Shared by every site.
FILMS = {
    "content": (
        "Inhalt der Website",
        [
            "Diese Website stellt einen öffentlichen Arbeitgeber vor.",
            "Sie finden hier Berufe, freie Stellen und Veranstaltungen.",
        ],
    ),
    "navigation": (
        "Hinweise zur Navigation",
        [
            "Oben ist das Menü. Oben rechts ist die Suche.",
            "Alles geht auch mit der Tastatur: mit der Tabulatortaste.",
        ],
    ),
    "accessibility": (
        "Erklärung zur Barrierefreiheit",
        [
            "Noch ist nicht alles auf dieser Website barrierefrei.",
            "Melden Sie uns Barrieren. Die Adresse steht auf der Seite.",
        ],
    ),
    "more": (
        "Weitere Informationen",
        [
            "Diese Informationen gibt es auch in Leichter Sprache.",
            "Weitere Filme in Gebärdensprache folgen.",
        ],
    ),
}
FILM_SECONDS = 4
PLACEHOLDER_NOTE = (
    "Platzhalter: Eine Titeltafel mit Untertiteln, bis eine Gebärdensprachdolmetscherin "
    "oder ein Gebärdensprachdolmetscher den Film aufnimmt."
)


def build(port=8000, log=print):
    """Give every employer's site and the directory their two pages, where missing."""
    films = None
    for site in Site.objects.select_related("root_page").order_by("pk"):
        home = site.root_page.specific
        directory = isinstance(home, EmployerDirectoryPage)
        # The films first: the page in Leichte Sprache links the one in DGS.
        if not SignLanguagePage.objects.child_of(home).exists():
            films = films if films is not None else placeholder_films(log)
            _sign_language_page(site, home, films, directory=directory)
        if not EasyLanguagePage.objects.child_of(home).exists():
            _easy_language_page(site, home, directory=directory)
        log(f"  {site.hostname}: Leichte Sprache und Gebärdensprache")


@transaction.atomic
def _easy_language_page(site, home, directory=False):
    from campaign.models import EmployerSettings

    employer = EmployerSettings.for_site(site)
    name = escape(employer.organisation_name or site.site_name)
    email = escape(employer.press_email)
    menu = list(home.get_children().live().in_menu().specific())
    page = EasyLanguagePage(
        title=EASY_TITLE,
        slug="leichte-sprache",
        intro=EASY_INTRO,
        content_text=_directory_content(name) if directory else _content(name, menu),
        navigation_text=_navigation(name, menu),
        accessibility_text=_accessibility(email, employer.accessibility_page),
        more_text=_more(email, home),
    )
    home.add_child(instance=page)
    page.save_revision().publish()


@transaction.atomic
def _sign_language_page(site, home, films, directory=False):
    from campaign.models import EmployerSettings

    employer = EmployerSettings.for_site(site)
    name = employer.organisation_name or site.site_name
    email = employer.press_email or "die im Impressum genannte Adresse"
    page = SignLanguagePage(
        title=SIGN_TITLE,
        slug="gebaerdensprache",
        intro=SIGN_INTRO,
        content_summary=(
            f"{name} führt die öffentlichen Arbeitgeber auf, die hier ihre Karriereseiten haben. "
            "Jeder Arbeitgeber stellt auf seiner eigenen Website Berufe, freie Stellen und "
            "Veranstaltungen vor."
            if directory
            else f"{name} stellt auf dieser Website Berufe, freie Stellen und Veranstaltungen "
            "vor. Bewerberinnen und Bewerber finden hier alles für ihre Bewerbung."
        ),
        navigation_summary=(
            "Das Menü oben führt zu allen Bereichen, die Suche oben rechts findet Stellen und "
            "Seiten. Alles lässt sich auch mit der Tastatur bedienen."
        ),
        accessibility_summary=(
            "Die Website ist noch nicht vollständig barrierefrei. Barrieren melden Sie per "
            f"E-Mail an {email}. Hilft die Antwort nicht weiter, vermittelt eine "
            "Schlichtungsstelle; ihre Anschrift steht in der Erklärung zur Barrierefreiheit."
        ),
        more_summary=(
            "Die Informationen dieser Seite gibt es auch in Leichter Sprache. "
            "Weitere Filme in Gebärdensprache folgen."
        ),
        **{f"{part}_film": film for part, film in (films or {}).items()},
    )
    home.add_child(instance=page)
    page.save_revision().publish()


def _link(page, text=None):
    return f'<a linktype="page" id="{page.pk}">{escape(text or page.title)}</a>'


def _content(name, menu):
    texts = {topic.page_type: topic.text for topic in registered_topics()}
    topics = [texts[key] for key in dict.fromkeys(_type_of(page) for page in menu) if key in texts]
    items = "".join(f"<li>{escape(topic)}</li>" for topic in topics)
    return (
        f"<p>Das ist die Internet·seite von {name}.</p>"
        f"<p>{name} sucht neue Mitarbeiterinnen und Mitarbeiter.</p>"
        + (f"<p>Auf dieser Internet·seite finden Sie:</p><ul>{items}</ul>" if items else "")
        + "<p>Auf manchen Seiten gibt es Filme. Die Filme haben Unter·titel. "
        "Unter·titel sind Texte im Film. Dort steht: Das sagen die Menschen im Film.</p>"
    )


def _directory_content(name):
    """What the installation's directory holds, in Leichte Sprache."""
    return (
        f"<p>Das ist die Internet·seite {name}.</p>"
        "<p>Hier finden Sie eine Liste mit Arbeit·gebern. "
        "Die Arbeit·geber sind Ämter und Städte. "
        "Sie suchen neue Mitarbeiterinnen und Mitarbeiter.</p>"
        "<p>Jeder Arbeit·geber hat eine eigene Internet·seite. "
        "Klicken Sie in der Liste auf einen Namen. "
        "Dann kommen Sie zu der Internet·seite von dem Arbeit·geber.</p>"
    )


def _navigation(name, menu):
    links = "".join(f"<li>{_link(page)}</li>" for page in menu)
    invitations = ""
    for topic in registered_topics():
        page = next((p for p in menu if _type_of(p) == topic.page_type), None)
        if topic.invitation and page is not None:
            invitations += f"<p>{topic.invitation.format(link=_link(page))}</p>"
    return (
        f"<p>Oben auf jeder Seite steht der Name: {name}. "
        "Klicken Sie auf den Namen. Dann kommen Sie zur Start·seite.</p>"
        + (
            f"<p>Darunter ist das Menü. Im Menü stehen die wichtigen Seiten:</p><ul>{links}</ul>"
            if links
            else ""
        )
        + invitations
        + "<p>Oben rechts ist die <strong>Suche</strong>. "
        "Schreiben Sie ein Wort in das Feld. Zum Beispiel: Ausbildung. "
        "Dann klicken Sie auf <strong>Suchen</strong>.</p>"
        "<p>Sie können auch die Tastatur benutzen. "
        "Drücken Sie die Taste <strong>Tab</strong>. Dann springen Sie zum nächsten Link.</p>"
    )


def _accessibility(email, statement):
    contact = (
        f'<p>Schreiben Sie uns eine E-Mail an: <a href="mailto:{email}">{email}</a></p>'
        if email
        else "<p>Schreiben Sie uns einen Brief. Die Adresse steht unten auf der Seite.</p>"
    )
    more = (
        f"<p>Alles genau steht in der {_link(statement, 'Erklärung zur Barriere·freiheit')}. "
        "Der Text dort ist schwerer zu lesen.</p>"
        if statement
        else ""
    )
    return (
        "<p><strong>Barriere·frei</strong> heißt: Alle Menschen können die Internet·seite "
        "gut benutzen. Auch Menschen mit Behinderung.</p>"
        "<p>Wir möchten: Unsere Internet·seite ist barriere·frei. "
        "Das steht auch in einem Gesetz.</p>"
        "<p><strong>Nicht alles auf dieser Seite ist barriere·frei.</strong> Zum Beispiel:</p>"
        "<ul><li>Manche PDF-Dateien sind schwer zu lesen.</li>"
        "<li>Manche Filme gibt es noch nicht in Gebärden·sprache.</li></ul>"
        "<p>Wir arbeiten daran.</p>"
        "<p>Sie finden eine Barriere? Dann sagen Sie es uns.</p>"
        + contact
        + "<p>Wir antworten Ihnen. Sie sind mit der Antwort nicht zufrieden? "
        "Dann fragen Sie die <strong>Schlichtungs·stelle</strong>. "
        "Die Schlichtungs·stelle hilft Ihnen. Das kostet nichts.</p>" + more
    )


def _more(email, home):
    sign = SignLanguagePage.objects.child_of(home).live().first()
    items = [
        "Die Bundes·regierung erklärt viele Themen in Leichter Sprache: "
        '<a href="https://www.bundesregierung.de/breg-de/leichte-sprache">'
        "www.bundesregierung.de</a>"
    ]
    if sign is not None:
        items.insert(0, f"Diese Informationen gibt es auch in {_link(sign, 'Gebärden·sprache')}.")
    if email:
        items.append(
            f'Sie haben eine Frage? Schreiben Sie uns: <a href="mailto:{email}">{email}</a>'
        )
    return (
        "<p>Mehr in Leichter Sprache:</p><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    )


def _type_of(page):
    return page.specific_class._meta.label_lower


@transaction.atomic
def placeholder_films(log=print):
    """The four DGS placeholder films by part, reused by title; {} without ffmpeg."""
    from media_library.models import Film, FilmVersion, SubtitleTrack, TrackKind, VersionKind

    films = {}
    for part, (heading, lines) in FILMS.items():
        title = f"Gebärdensprache: {heading} (Platzhalter)"
        film = Film.objects.filter(title=title).first()
        if film is None:
            video = render_title_card(f"Gebärdensprache\n{heading}", FILM_SECONDS)
            if video is None:
                log("  Gebärdensprache: Filme übersprungen (ffmpeg ist nicht installiert)")
                return {}
            film = Film(
                title=title,
                description=PLACEHOLDER_NOTE,
                transcript=f"[Titeltafel: Gebärdensprache – {heading}]\n\n" + "\n".join(lines),
                duration=FILM_SECONDS,
                type="video",
            )
            version = FilmVersion(kind=VersionKind.SIGN_LANGUAGE, duration=FILM_SECONDS)
            version.file.save(f"dgs-{part}.mp4", ContentFile(video), save=False)
            track = SubtitleTrack(language="de", kind=TrackKind.SUBTITLES)
            track.file.save(f"dgs-{part}-de.vtt", ContentFile(_webvtt(lines).encode()), save=False)
            version.subtitle_tracks = [track]
            film.versions.add(version)
            film.save()
        films[part] = film
    return films


def _webvtt(lines):
    """The lines as cues shown one after the other over the film's length."""
    step = FILM_SECONDS / len(lines)
    cues = [
        f"00:{index * step:06.3f} --> 00:{(index + 1) * step:06.3f}\n{line}\n"
        for index, line in enumerate(lines)
    ]
    return "WEBVTT\n\n" + "\n".join(cues)
