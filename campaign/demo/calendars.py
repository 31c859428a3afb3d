"""The demo's photo calendar: JobCenter Essen, „Was geht“ 2018 (seed 002).

The press release names four of the twelve motifs (the Oldtimer-Werkstatt,
the Job- und Weiterbildungsmesse, a Beratungsgespräch am Schreibtisch and
the Ernährungskurs); the other eight are invented here from the tasks the
release lists (Ausbildungsvermittlung, Hilfen für Alleinerziehende, Bildung
und Teilhabe, Beratung von Geflüchteten, …). The photographers are the two
the release names, alternating; the pictures are generated compositions.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class MotifSpec:
    caption: str
    work_field: str
    photographer: str


@dataclass(frozen=True)
class EditionSpec:
    """An earlier edition without a page of its own."""

    year: int
    motto: str
    description: str


@dataclass(frozen=True)
class OrderSpec:
    """An order of the printed calendar, as the press office finds it in the admin."""

    organisation: str
    name: str
    street: str
    postcode: str
    city: str
    quantity: int
    purpose: str
    sent: bool = False


@dataclass(frozen=True)
class CalendarSpec:
    slug: str
    title: str
    year: int
    motto: str
    lead: str
    distribution: str
    motifs: list  # twelve MotifSpec, January first
    body: list = field(default_factory=list)
    editions: list = field(default_factory=list)
    printed_copies: int | None = None  # None: not ordered on the site
    orders: list = field(default_factory=list)  # OrderSpec


AREND, SCHALLER = "Stefan Arend", "Bernd Schaller"


def _quote(text, speaker, role):
    return ("quote", {"quote": text, "speaker": speaker, "role": role})


def _text(*paragraphs):
    return ("text", "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))


ESSEN_2018 = CalendarSpec(
    slug="kalender-was-geht",
    title="Kalender 2018: „Was geht“",
    year=2018,
    motto="Was geht",
    lead=(
        "Von der Oldtimer-Werkstatt über die Job- und Weiterbildungsmesse und "
        "Beratungsgespräche am Schreibtisch bis zu Impressionen aus dem Ernährungskurs: Zwölf "
        "Fotos zeigen einige der Arbeitsfelder des JobCenters Essen."
    ),
    distribution=(
        "Das JobCenter verteilt die Kalender für 2018 kostenfrei an seine Kundinnen und "
        "Kunden, an Arbeitgeber, Unternehmen und Betriebe in Essen sowie an seine "
        "Kooperations- und Netzwerkpartner."
    ),
    motifs=[
        # From the press release:
        MotifSpec(
            "In der Oldtimer-Werkstatt bringen Teilnehmende einer Beschäftigungsmaßnahme "
            "einen alten Käfer wieder zum Laufen.",
            "Beschäftigung und Qualifizierung",
            AREND,
        ),
        MotifSpec(
            "Auf der Job- und Weiterbildungsmesse kommen Arbeitsuchende mit Essener "
            "Arbeitgebern ins Gespräch.",
            "Arbeitsvermittlung",
            SCHALLER,
        ),
        MotifSpec(
            "Beratungsgespräch am Schreibtisch: Eine Arbeitsvermittlerin geht mit einem Kunden "
            "passende Stellenangebote durch.",
            "Beratung und Vermittlung",
            AREND,
        ),
        MotifSpec(
            "Im Ernährungskurs wird gemeinsam gekocht – gesund und mit kleinem Budget.",
            "Gesundheitsförderung",
            SCHALLER,
        ),
        # Invented for the demo, from the tasks the release lists:
        MotifSpec(
            "Eine junge Frau unterschreibt ihren Ausbildungsvertrag als Kauffrau im Einzelhandel.",
            "Ausbildungsvermittlung",
            AREND,
        ),
        MotifSpec(
            "Eine alleinerziehende Mutter plant mit ihrer Beraterin, wie Kinderbetreuung und "
            "Teilzeitausbildung zusammenpassen.",
            "Hilfen für Alleinerziehende",
            SCHALLER,
        ),
        MotifSpec(
            "Lernförderung am Küchentisch: Eine Nachhilfestunde, die das Bildungs- und "
            "Teilhabepaket bezahlt.",
            "Bildung und Teilhabe",
            AREND,
        ),
        MotifSpec(
            "Mit Unterstützung einer Dolmetscherin geht es um den Sprachkurs und die "
            "Anerkennung eines Berufsabschlusses.",
            "Beratung von Geflüchteten",
            SCHALLER,
        ),
        MotifSpec(
            "Eine Umschülerin lernt in der Pflegeschule, den Blutdruck zu messen.",
            "Förderung von Weiterbildung",
            AREND,
        ),
        MotifSpec(
            "Der Arbeitgeberservice besucht einen Handwerksbetrieb, der Auszubildende sucht.",
            "Arbeitgeberservice",
            SCHALLER,
        ),
        MotifSpec(
            "Im Bewerbungstraining üben Teilnehmende das Vorstellungsgespräch vor der Kamera.",
            "Bewerbungscoaching",
            AREND,
        ),
        MotifSpec(
            "Erster Arbeitstag: Ein früherer Kunde des JobCenters fängt als Fahrer bei einem "
            "Essener Logistikunternehmen an.",
            "Arbeitsvermittlung",
            SCHALLER,
        ),
    ],
    body=[
        _text(
            "Sozialdezernent Peter Renzel und Dietmar Gutschmidt, Fachbereichsleiter des "
            "Essener JobCenters, haben die neue Ausgabe des Kalenders am 20. Juli 2017 im "
            "Rathaus vorgestellt."
        ),
        _quote(
            "Das JobCenter wird häufig lediglich mit der zuverlässigen Leistungsauszahlung in "
            "Verbindung gebracht. Die Aufgaben und Leistungen sind mit der Arbeits- und "
            "Ausbildungsvermittlung, mit der Förderung von Weiterbildung, mit Hilfen für "
            "Alleinerziehende, den Bildungs- und Teilhabeleistungen für Kinder und Jugendliche, "
            "der Beratung und Betreuung von Geflüchteten und vielem anderem mehr aber "
            "wesentlich umfangreicher.",
            "Peter Renzel",
            "Geschäftsbereichsvorstand",
        ),
        _quote(
            "Wir wollen mit dem Kalender Vorurteile, die es über das JobCenter, aber auch über "
            "seine Kundinnen und Kunden gibt, abbauen. Der Titel „Was geht“ ist ganz wörtlich "
            "zu nehmen. Wir zeigen, wie viele Chancen das JobCenter Arbeitssuchenden bietet.",
            "Anastacia Böhm",
            "Beauftragte für Chancengleichheit am Arbeitsmarkt",
        ),
        _text(
            "Entstanden sind die Fotos nicht im Studio, sondern in realen Arbeitssituationen – "
            "nicht mit Fotomodellen, sondern mit Kundinnen und Kunden des JobCenters sowie "
            "Mitarbeiterinnen und Mitarbeitern. Hinter der Kamera standen die Fotografen "
            "Stefan Arend und Bernd Schaller."
        ),
        _quote(
            "Die Bilder brechen auch einmal mehr mit dem Vorurteil der anonymen "
            "Behörden-Maschine. Sie zeigen, dass im JobCenter Menschen für Menschen arbeiten. "
            "Und auch wie viel Potential in unserer Dienstleistung steckt, wenn die Kundinnen "
            "und Kunden sich darauf einlassen.",
            "Dietmar Gutschmidt",
            "Fachbereichsleiter des JobCenters Essen",
        ),
    ],
    editions=[
        EditionSpec(
            2014,
            "Zu Potte kommen",
            "Kleine und große berufliche Erfolgsgeschichten von Migrantinnen und Migranten "
            "in Essen.",
        ),
        EditionSpec(2016, "Was Frauen wollen", "Die Wünsche von Frauen an ihren Arbeitsplatz."),
    ],
    # The release names no print run; invented, like the orders (addresses made up).
    printed_copies=500,
    orders=[
        OrderSpec(
            "Kfz-Werkstatt Beispiel GmbH",
            "Erika Musterfrau",
            "Musterweg 12",
            "45127",
            "Essen",
            5,
            "für unseren Kundenraum",
            sent=True,
        ),
        OrderSpec(
            "Beispiel-Bildungswerk e. V.",
            "Max Beispiel",
            "Am Beispielplatz 3",
            "45136",
            "Essen",
            20,
            "für die Teilnehmenden unserer Kurse",
        ),
    ],
)
