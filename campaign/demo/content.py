"""The four demo employers, told with the text of their real press releases.

Each employer is a dataclass: site, look, contact and pages. The page bodies
are lists of ("text", html) and ("quote", {...}) items, the shape of the
StreamField they end up in. Press releases (seed 003) go below an index "Presse";
the photo calendar of seed 002 is in calendars.py.
"""

import datetime
from dataclasses import dataclass, field

from campaign.demo.calendars import ESSEN_2018, CalendarSpec


@dataclass(frozen=True)
class PageSpec:
    """A content page; with a slogan it is a campaign page (with the demo film as
    hero where `film` is set)."""

    slug: str
    title: str
    lead: str
    body: list
    in_menu: bool = True
    slogan: str = ""
    film: bool = False


@dataclass(frozen=True)
class PictureSpec:
    """A demo picture with its credit: generated, as the demo downloads nothing."""

    title: str
    alt: str
    credit: str
    licence: str = "all-rights-reserved"
    source: str = ""
    caption: str = ""


@dataclass(frozen=True)
class PressReleaseSpec:
    slug: str
    title: str
    release_date: datetime.date
    place: str
    lead: str
    body: list
    picture: PictureSpec | None = None
    campaign: str = ""  # slug of the site's campaign page it belongs to
    # Wagtail's privacy "Private, accessible to logged-in users": for members only.
    members_only: bool = False
    # After the public body, the part only the site's members read (teaser public).
    member_body: list = field(default_factory=list)


@dataclass(frozen=True)
class PressSpec:
    """The employer's press section: an index "Presse" with its releases."""

    lead: str
    releases: list


@dataclass(frozen=True)
class EventSpec:
    """An event; `days_ahead` places a future one relative to the day the demo is built."""

    slug: str
    title: str
    lead: str
    venue_name: str
    venue_street: str
    venue_postal_code: str
    venue_city: str
    hours: tuple  # (start hour, end hour), local time
    date: datetime.date | None = None
    days_ahead: int = 0
    accessibility: str = ""
    body: list = field(default_factory=list)
    partners: list = field(default_factory=list)
    how_to_take_part: str = ""
    registration_open: bool = False
    results: dict = field(default_factory=dict)
    results_note: str = ""


@dataclass(frozen=True)
class EventsSpec:
    """The employer's events section: an index "Veranstaltungen" with its events.

    careers' demo adds the departments taking part and the jobs on offer.
    """

    lead: str
    events: list


@dataclass(frozen=True)
class TestimonialSpec:
    name: str
    role: str
    place: str
    quote: str


@dataclass(frozen=True)
class EmployerSpec:
    hostname: str
    name: str
    initials: str
    tagline: str
    primary: str
    accent: str
    claim: str
    home_title: str
    home_lead: str
    home_body: list
    hero_alt: str
    pages: list
    address: str = ""
    press_office: str = ""
    press_email: str = ""
    press_phone: str = ""
    social: list = field(default_factory=list)
    # Websites that may frame the employer's film player (the district's main site).
    film_embedding_origins: str = ""
    press: PressSpec | None = None
    events: EventsSpec | None = None
    # The Bundesland whose holidays a photo calendar marks.
    state: str = ""
    calendar: CalendarSpec | None = None


def quote(text, speaker, role=""):
    return ("quote", {"quote": text, "speaker": speaker, "role": role})


def testimonials(heading, *people):
    """A testimonials block; the builder turns the specs into snippets of the site."""
    return ("testimonials", {"heading": heading, "testimonials": list(people)})


def key_figures(heading, *figures):
    return (
        "key_figures",
        {"heading": heading, "figures": [{"value": v, "label": label} for v, label in figures]},
    )


def funding(programme, funder):
    return ("funding", {"programme": programme, "funder": funder, "link": ""})


SOCIAL_LINKS = ("social_links", None)


def text(*paragraphs):
    return ("text", "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))


MITTE = EmployerSpec(
    hostname="mitte.localhost",
    state="BE",
    name="Bezirksamt Mitte von Berlin",
    initials="BA",
    tagline="Karriere im Bezirksamt",
    primary="#1d4f91",
    accent="#d4002d",
    claim="#WirmachenMitte",
    home_title="Wir machen Mitte – mit Ihnen",
    home_lead=(
        "Das Bezirksamt Mitte ist ein Arbeitgeber mit mehr als 80 Berufsfeldern. In den "
        "kommenden Jahren werden zahlreiche neue Mitarbeiterinnen und Mitarbeiter benötigt, "
        "um altersbedingt ausscheidende Beschäftigte zu ersetzen und zusätzliche Aufgaben "
        "bewältigen zu können."
    ),
    home_body=[
        text(
            "„Wissen Se was? Berlin Mitte ist ein einziges Chaos …“ – so beginnt unser Imagefilm "
            "#WirmachenMitte. Gedreht wurde er an den drei Rathaus-Standorten in Tiergarten, "
            "Mitte und Wedding sowie an verschiedenen Schauplätzen im Bezirk. Zahlreiche "
            "Beschäftigte wirken darin mit.",
            "Es gibt ihn als knapp dreiminütige Langversion und als Kurzfassung, beide auch mit "
            "Untertiteln.",
        ),
        quote(
            "Ich bin sehr froh, dass es uns gelungen ist, einen frischen und frechen und zugleich "
            "sehr gehaltvollen Imagefilm zu drehen. Er soll nicht nur das Wir-Gefühl der "
            "Beschäftigten des Bezirksamts Mitte fördern, sondern sich vor allem an Menschen "
            "wenden, die auf der Suche sind nach einer anspruchsvollen und attraktiven "
            "beruflichen Herausforderung mit vielen Karriere- und Fortbildungsmöglichkeiten.",
            "Stephan von Dassel",
            "Bezirksbürgermeister von Mitte",
        ),
        text(
            "Gefördert wird das Projekt mit Mitteln aus dem Gender-Budgeting-Wettbewerb der "
            "Berliner Senatsverwaltung für Gesundheit, Pflege und Gleichstellung."
        ),
    ],
    hero_alt="Grafik in Blau und Rot mit geschwungenen Flächen und Kreisen",
    address="Bezirksamt Mitte von Berlin\nMathilde-Jacob-Platz 1\n10551 Berlin",
    press_office="Bezirksamt Mitte, Pressestelle",
    press_email="presse@ba-mitte.berlin.de",
    social=[
        ("facebook", "@BAMitteBerlin", "https://www.facebook.com/BAMitteBerlin/"),
        ("x", "@ba_mitte_berlin", "https://twitter.com/BA_Mitte_Berlin"),
        ("instagram", "@ba_mitte_berlin", "https://www.instagram.com/ba_mitte_berlin"),
    ],
    # "abrufbar auf der Startseite der Bezirkshomepage" (seed 000).
    film_embedding_origins="https://www.berlin.de",
    press=PressSpec(
        lead=(
            "Pressemitteilungen des Bezirksamts Mitte rund um die Beschäftigten und die "
            "Arbeit im Bezirksamt."
        ),
        releases=[
            PressReleaseSpec(
                slug="imagefilm-online",
                title=(
                    "#WirmachenMitte – Imagefilm für die gleichstellungsorientierte "
                    "Personalgewinnung ist online"
                ),
                # Seed 000 gives no date; Stephan von Dassel was mayor from 2016 to
                # 2021. The date is made up.
                release_date=datetime.date(2019, 5, 14),
                place="Berlin",
                lead=(
                    "„Wissen Se was? Berlin Mitte ist ein einziges Chaos …“ – so beginnt der "
                    "Imagefilm #WirmachenMitte des Bezirksamts Mitte, der seit heute online "
                    "ist: eine knapp drei Minuten lange Fassung und eine Kurzfassung, beide "
                    "auch mit Untertiteln."
                ),
                campaign="imagefilm",
                body=[
                    text(
                        "Gedreht wurde an den drei Rathaus-Standorten in Tiergarten, Mitte und "
                        "Wedding sowie an verschiedenen Schauplätzen im Bezirk. Produziert hat "
                        "den Film die „Gesellschaft für digitalen Ungehorsam“, die den Zuschlag "
                        "in einer Ausschreibung erhalten hatte, gemeinsam mit der bezirklichen "
                        "Pressestelle. Gefördert wird das Projekt mit Mitteln aus dem "
                        "Gender-Budgeting-Wettbewerb der Berliner Senatsverwaltung für "
                        "Gesundheit, Pflege und Gleichstellung.",
                        "Zahlreiche Beschäftigte wirken im Film mit; er wurde ihnen bei einer "
                        "internen Versammlung vorab gezeigt. Die Reaktionen fielen bisher sehr "
                        "positiv aus.",
                    ),
                    quote(
                        "Ich bin sehr froh, dass es uns gelungen ist, einen frischen und "
                        "frechen und zugleich sehr gehaltvollen Imagefilm zu drehen. Er soll "
                        "nicht nur das Wir-Gefühl der Beschäftigten fördern, sondern sich vor "
                        "allem an Menschen wenden, die auf der Suche sind nach einer "
                        "anspruchsvollen und attraktiven beruflichen Herausforderung.",
                        "Stephan von Dassel",
                        "Bezirksbürgermeister",
                    ),
                    text(
                        "Das Bezirksamt Mitte ist ein Arbeitgeber mit mehr als 80 "
                        "Berufsfeldern. In den kommenden Jahren werden zahlreiche neue "
                        "Mitarbeiterinnen und Mitarbeiter benötigt, um altersbedingt "
                        "ausscheidende Beschäftigte zu ersetzen und zusätzliche Aufgaben zu "
                        "bewältigen."
                    ),
                ],
            ),
            PressReleaseSpec(
                slug="homeoffice",
                title="500 neue Notebooks für die Beschäftigten",
                # The demo's teaser (seed 003): headline, lead and the first paragraph
                # for everyone, the figures for Mitte's members.
                # Seed 003 names neither date nor place: "bis Weihnachten" and "hohe
                # Inzidenzen" place it in the autumn of 2020, the date is made up.
                release_date=datetime.date(2020, 11, 12),
                place="Berlin",
                lead="Im Bezirksamt Mitte wird mit modernsten Mitteln gearbeitet.",
                # A generated stand-in for the seed's photo: credited to the demo, not
                # to pixabay, and released under CC0 like the original.
                picture=PictureSpec(
                    title="Neue Notebooks für das Bezirksamt Mitte",
                    alt="Platzhalter-Grafik für ein Foto der neuen Notebooks",
                    credit=(
                        "Grafik: Stellwerk-Demo (Platzhalter für das Foto der Mitteilung, "
                        "dort: CC0 via pixabay.com)"
                    ),
                    licence="cc0",
                    source="",
                    caption="Die neuen Notebooks werden für die Auslieferung vorbereitet.",
                ),
                body=[
                    text(
                        "Das Bezirksamt Mitte hat damit begonnen, die Geräte für den Betrieb "
                        "vorzubereiten, nachdem die vom Senat bestellten tragbaren Computer "
                        "sowie das notwendige Zubehör und die Lizenzen eingetroffen sind. Da "
                        "die meisten Einrichtungsschritte automatisiert erfolgen, verbleiben "
                        "nur wenige Handgriffe für die Beschäftigten.",
                    ),
                ],
                member_body=[
                    text("Bis Weihnachten könnten so mindestens 500 Notebooks ausgeliefert sein."),
                    quote(
                        "Es geht voran mit der Digitalisierung. Die 500 Notebooks kommen wie "
                        "gerufen. Wir können nun kurzfristig die Arbeit von zuhause verstärken "
                        "und damit einen Beitrag leisten, die Kontakte in den Rathäusern "
                        "effektiv runterzufahren. In Zeiten hoher Inzidenzen ist das der "
                        "Schlüssel, um Infektionsketten zu unterbrechen!",
                        "Ephraim Gothe",
                        "Bezirksstadtrat",
                    ),
                    text(
                        "Technisch sind von den insgesamt 3.222 Beschäftigten des Bezirksamts "
                        "mit den 500 neuen Notebooks rund 1.300 in der Lage, tageweise von "
                        "zuhause zu arbeiten.",
                        "Homeoffice ermöglicht größere Flexibilität und erleichtert die "
                        "Vereinbarkeit von Familien- und Berufsleben. Zugleich hat es dort "
                        "seine Grenzen, wo der direkte Kontakt zu unseren Bürgerinnen und "
                        "Bürgern erforderlich ist, etwa im Gesundheitsamt, im Sozialamt oder "
                        "im Amt für Bürgerdienste.",
                    ),
                ],
            ),
        ],
    ),
    pages=[
        PageSpec(
            slug="imagefilm",
            slogan="#WirmachenMitte",
            film=True,
            title="Imagefilm #WirmachenMitte",
            lead=(
                "Der Imagefilm des Bezirksamts Mitte für die gleichstellungsorientierte "
                "Personalgewinnung ist online."
            ),
            body=[
                text(
                    "Produziert wurden eine knapp drei Minuten dauernde Langversion sowie eine "
                    "Kurzfassung. Beide Varianten gibt es auch mit Untertiteln; sie sind auf "
                    "der Startseite der Bezirkshomepage und auf den Social-Media-Kanälen des "
                    "Bezirksamts abrufbar.",
                    "Produziert hat den Film die „Gesellschaft für digitalen Ungehorsam“, die "
                    "den Zuschlag in einer Ausschreibung erhalten hatte, gemeinsam mit der "
                    "bezirklichen Pressestelle. Den Beschäftigten wurde er bei einer internen "
                    "Versammlung vorab gezeigt, auch die Bezirksverordneten haben ihn schon "
                    "gesehen. Die Reaktionen fielen bisher sehr positiv aus.",
                ),
                quote(
                    "Das alles im Herzen der Hauptstadt, wo alles noch etwas größer und "
                    "spannender ist als in anderen Bezirken. Ich bin mir sicher, dass wir mit "
                    "unserem Imagefilm neugierig machen werden und hoffe, dass sich viele "
                    "Menschen dann auch bei uns bewerben werden.",
                    "Stephan von Dassel",
                    "Bezirksbürgermeister von Mitte",
                ),
                key_figures(
                    "Das Bezirksamt Mitte in Zahlen",
                    ("80+", "Berufsfelder"),
                    ("3", "Rathaus-Standorte: Tiergarten, Mitte und Wedding"),
                    ("2", "Fassungen des Films, beide mit Untertiteln"),
                ),
                funding(
                    "Gender-Budgeting-Wettbewerb",
                    "Berliner Senatsverwaltung für Gesundheit, Pflege und Gleichstellung",
                ),
                SOCIAL_LINKS,
            ],
        ),
    ],
)

ZUKUNFTSORTE = EmployerSpec(
    hostname="zukunftsorte.localhost",
    state="ST",
    name="Zukunftsorte Sachsen-Anhalt",
    initials="ZO",
    tagline="Fachkräfte-Kampagne der zwölf Zukunftsorte und der IMG",
    primary="#00665e",
    accent="#f2a900",
    claim="HIER kommt deins zum anderen.",
    home_title="Zwölf Zukunftsorte suchen Fachkräfte",
    home_lead=(
        "Unter dem Titel „HIER kommt deins zum anderen.“ stellen sich die zwölf Zukunftsorte "
        "Sachsen-Anhalts vor und zeigen attraktive Berufsfelder in zukunftsorientierten "
        "Branchen – für alle, die wissen wollen, wo sie ihre Kompetenzen künftig einsetzen "
        "können."
    ),
    home_body=[
        text(
            "Im Mittelpunkt stehen Menschen, die ihr Know-how bereits an einem der Zukunftsorte "
            "einsetzen. Sie sprechen darüber, wie es sich anfühlt, dort zu arbeiten und zu "
            "leben.",
            "Mit wenigen Klicks finden Sie heraus, welcher Zukunftsort am besten zu Ihnen "
            "passt: nach Branchen, Arbeitsumfeld und der idealen Umgebung zum Leben. Die "
            "Empfehlung kann der Anfang eines Kontakts zu einem Unternehmen oder einer "
            "Forschungseinrichtung vor Ort sein.",
        ),
        quote(
            "Noch nie gab es so viele offene Stellen in Sachsen-Anhalt, noch nie war die "
            "durchschnittliche Dauer, Stellen wieder zu besetzen, länger. Fachkräfte stehen "
            "ganz oben auf der Sorgenliste der Unternehmen.",
            "Thomas Einsfelder",
            "Geschäftsführer der Investitions- und Marketinggesellschaft Sachsen-Anhalt (IMG)",
        ),
    ],
    hero_alt="Grafik in Petrol und Gelb mit Flächen und Kreisen",
    address="Investitions- und Marketinggesellschaft Sachsen-Anhalt mbH\nMagdeburg",
    press_office="IMG Sachsen-Anhalt, Kommunikation",
    pages=[
        PageSpec(
            slug="kampagne",
            slogan="HIER kommt deins zum anderen.",
            title="Die Fachkräfte-Kampagne",
            lead=(
                "Alle zwölf Zukunftsorte und die IMG starten die gemeinsame "
                "Fachkräfte-Kampagne „HIER kommt deins zum anderen.“"
            ),
            body=[
                text(
                    "In mehreren Werkstattgesprächen haben Marketingspezialistinnen und "
                    "-spezialisten der Zukunftsorte und der IMG die Kampagne erarbeitet, die "
                    "in den kommenden Jahren online wie offline um Talente für die "
                    "Zukunftsorte werben soll.",
                    "Die zwölf Zukunftsorte wurden durch das Wirtschaftsministerium mit dem "
                    "Titel gewürdigt, der mit einem Gütesiegel vergleichbar ist. In den "
                    "kommenden Jahren sollen weitere dazukommen.",
                ),
                # Seed 001 names no one: these two voices are marked as examples.
                testimonials(
                    "Hier arbeiten, hier leben",
                    TestimonialSpec(
                        name="Lena M. (Beispiel)",
                        role="Verfahrensingenieurin",
                        place="Zukunftsort Wissenschaftshafen, Magdeburg",
                        quote=(
                            "Ich habe hier meinen Zukunftsjob gefunden – Forschung und "
                            "Unternehmen Tür an Tür, und abends bin ich in zehn Minuten am Wasser."
                        ),
                    ),
                    TestimonialSpec(
                        name="Jonas K. (Beispiel)",
                        role="Softwareentwickler",
                        place="Zukunftsort Wissenschaftshafen, Magdeburg",
                        quote=(
                            "Ich bin für die Stelle zurück nach Sachsen-Anhalt gekommen. Hier "
                            "kommt meins zum anderen: spannende Arbeit und bezahlbares Wohnen."
                        ),
                    ),
                ),
                quote(
                    "Die von uns angesiedelten und betreuten Unternehmen spiegeln uns das, genau "
                    "wie unsere Partner in den regionalen Wirtschaftsförderungen, von Kammern "
                    "und Verbänden.",
                    "Thomas Einsfelder",
                    "Geschäftsführer der Investitions- und Marketinggesellschaft Sachsen-Anhalt",
                ),
                SOCIAL_LINKS,
            ],
        ),
        PageSpec(
            slug="wissenschaftshafen",
            title="Zukunftsort Wissenschaftshafen",
            lead="Forschung, Gründungen und Wohnen am Wasser in Magdeburg.",
            body=[
                text(
                    "Der Wissenschaftshafen ist einer der zwölf Zukunftsorte. Hier arbeiten "
                    "Forschungseinrichtungen und Unternehmen Tür an Tür – und die Menschen, "
                    "die hier ihren Zukunftsjob gefunden haben, erzählen, wie es sich anfühlt, "
                    "hier zu arbeiten und zu leben."
                ),
            ],
        ),
    ],
)

JOBCENTER_ESSEN = EmployerSpec(
    hostname="jobcenter-essen.localhost",
    name="JobCenter Essen",
    initials="JC",
    tagline="Menschen arbeiten für Menschen",
    primary="#005ca9",
    accent="#e5007d",
    claim="Was geht",
    home_title="Was geht – im JobCenter Essen",
    home_lead=(
        "Das JobCenter wird häufig nur mit der Leistungsauszahlung in Verbindung gebracht. "
        "Dabei reichen seine Aufgaben von der Arbeits- und Ausbildungsvermittlung über die "
        "Förderung von Weiterbildung bis zur Beratung von Geflüchteten."
    ),
    home_body=[
        text(
            "Mit zwölf Fotos aus realen Arbeitssituationen nimmt der Kalender „Was geht“ "
            "einige Arbeitsfelder des JobCenters in den Fokus: von der Oldtimer-Werkstatt über "
            "die Job- und Weiterbildungsmesse und Beratungsgespräche am Schreibtisch bis zu "
            "Impressionen aus dem Ernährungskurs."
        ),
        quote(
            "Wir wollen mit dem Kalender Vorurteile, die es über das JobCenter, aber auch über "
            "seine Kundinnen und Kunden gibt, abbauen.",
            "Anastacia Böhm",
            "Beauftragte für Chancengleichheit am Arbeitsmarkt",
        ),
    ],
    hero_alt="Grafik in Blau und Magenta mit Flächen und Kreisen",
    address="JobCenter Essen\nRuhrallee 175\n45136 Essen",
    press_office="JobCenter Essen, Pressestelle",
    press_email="pressestelle@jobcenter.essen.de",
    press_phone="+49 201 88 56007",
    state="NW",
    pages=[],
    calendar=ESSEN_2018,
)

SPEED_DATING_ACCESS = (
    "Die Zentralbibliothek ist stufenlos erreichbar, mit Aufzügen zu allen Etagen und "
    "einem barrierefreien WC im Erdgeschoss. Eine Verdolmetschung in Deutsche "
    "Gebärdensprache stellen wir auf Anfrage bis zwei Wochen vorher bereit."
)
SPEED_DATING_PARTNERS = [
    {"name": "Agentur für Arbeit Düsseldorf", "url": ""},
    {"name": "Jobcenter Düsseldorf", "url": ""},
]

DUESSELDORF = EmployerSpec(
    hostname="duesseldorf.localhost",
    state="NW",
    name="Landeshauptstadt Düsseldorf",
    initials="D",
    tagline="Karriere bei der Stadtverwaltung",
    primary="#a4001d",
    accent="#1a1a1a",
    claim="Job-Speed-Dating",
    home_title="Ins Gespräch kommen mit der Stadtverwaltung",
    home_lead=(
        "Beim Job-Speed-Dating in der Zentralbibliothek im KAP1 kamen 675 Arbeits- und "
        "Ausbildungssuchende mit Vertreterinnen und Vertretern aus rund 20 Ämtern und "
        "Instituten der Landeshauptstadt ins Gespräch."
    ),
    home_body=[
        text(
            "Insgesamt wurden 1.988 Beratungsgespräche zu 84 verschiedenen "
            "Einsatzmöglichkeiten geführt und noch vor Ort 444 Bewerbungen eingereicht – etwa "
            "als Verwaltungskraft im Bürgerbüro, als zahnmedizinische Fachangestellte oder im "
            "IT-Support."
        ),
        quote(
            "Dieser offene Weg der Ansprache weckt Neugierde und wir erreichen neue "
            "Zielgruppen. Durch die lockere Atmosphäre im KAP1 kommt man zudem leichter und "
            "besser miteinander ins Gespräch – so profitieren beide Seiten!",
            "Olaf Wagner",
            "Personaldezernent",
        ),
    ],
    hero_alt="Grafik in Rot und Anthrazit mit Flächen und Kreisen",
    address="Landeshauptstadt Düsseldorf\nMarktplatz 2\n40213 Düsseldorf",
    press_office="Landeshauptstadt Düsseldorf, Amt für Kommunikation",
    pages=[],
    events=EventsSpec(
        lead=(
            "Ins Gespräch kommen statt Formulare ausfüllen: Bei unseren Veranstaltungen "
            "lernen Sie die Ämter und Institute der Landeshauptstadt persönlich kennen."
        ),
        events=[
            EventSpec(
                slug="job-speed-dating",
                title="Job-Speed-Dating in der Zentralbibliothek",
                # Seed 004 names the day, not the hours: 10 to 16 o'clock is made up.
                date=datetime.date(2024, 1, 10),
                hours=(10, 16),
                lead=(
                    "Das Job-Speed-Dating am 10. Januar 2024 erwies sich als großartige "
                    "Gelegenheit für Arbeits- und Ausbildungssuchende und die Verwaltung, "
                    "effizient in den direkten Austausch zu treten."
                ),
                venue_name="Zentralbibliothek im KAP1",
                venue_street="Konrad-Adenauer-Platz 1",
                venue_postal_code="40210",
                venue_city="Düsseldorf",
                accessibility=SPEED_DATING_ACCESS,
                body=[
                    text(
                        "Den 675 Teilnehmenden bot sich in der Zentralbibliothek im KAP1 eine "
                        "einzigartige Plattform: Sie kamen mit Vertreterinnen und Vertretern aus "
                        "rund 20 Ämtern und Instituten der Landeshauptstadt in kurzen Gesprächen "
                        "unmittelbar in Kontakt und konnten sich auch direkt bewerben.",
                        "In enger Zusammenarbeit mit der Agentur für Arbeit sowie dem Jobcenter "
                        "Düsseldorf wurden auch knapp 280 aktuell Arbeitssuchende erreicht.",
                    ),
                    quote(
                        "Wir sind mit dem Job-Speed-Dating ein Experiment eingegangen und ich "
                        "freue mich sehr, dass so viele Menschen ihr Interesse an der "
                        "Stadtverwaltung Düsseldorf bekundet und die Einladung angenommen "
                        "haben. Dieser offene Weg der Ansprache weckt Neugierde und wir "
                        "erreichen neue Zielgruppen.",
                        "Olaf Wagner",
                        "Personaldezernent",
                    ),
                ],
                partners=SPEED_DATING_PARTNERS,
                results={
                    "participants": 675,
                    "conversations": 1988,
                    "opportunities_offered": 84,
                    "applications": 444,
                },
                results_note=(
                    "Einige Teilnehmende laden ihre Bewerbungsunterlagen im Nachgang selbst im "
                    "Online-Karriereportal hoch, weshalb mit weiteren Bewerbungen gerechnet "
                    "wird. Weitere Initiativen dieser Art sind bereits in Planung."
                ),
            ),
            EventSpec(
                # Seed 004: "Weitere Initiativen dieser Art sind bereits in Planung." This
                # is that next one, made up for the demo and named as an example.
                slug="job-speed-dating-naechstes",
                title="Job-Speed-Dating: die nächste Runde (Beispiel)",
                days_ahead=45,
                hours=(10, 16),
                lead=(
                    "Nach 675 Teilnehmenden beim ersten Mal laden wir wieder in die "
                    "Zentralbibliothek ein: kurze Gespräche mit rund 20 Ämtern und "
                    "Instituten, ohne Anschreiben, gern mit Lebenslauf."
                ),
                venue_name="Zentralbibliothek im KAP1",
                venue_street="Konrad-Adenauer-Platz 1",
                venue_postal_code="40210",
                venue_city="Düsseldorf",
                accessibility=SPEED_DATING_ACCESS,
                partners=SPEED_DATING_PARTNERS,
                how_to_take_part=(
                    "<p>Kommen Sie einfach vorbei – oder buchen Sie vorab ein Gespräch mit "
                    "dem Bereich, der Sie interessiert. Ein Gespräch dauert 15 Minuten. "
                    "Bringen Sie gern Ihren Lebenslauf mit; die Teilnahme ist kostenlos.</p>"
                ),
                registration_open=True,
            ),
        ],
    ),
)

EMPLOYERS = [MITTE, ZUKUNFTSORTE, JOBCENTER_ESSEN, DUESSELDORF]

DIRECTORY_TITLE = "Karriereseiten öffentlicher Arbeitgeber"
DIRECTORY_LEAD = (
    "Stellwerk betreibt die Karriere- und Kampagnenseiten mehrerer öffentlicher Arbeitgeber. "
    "Jeder Arbeitgeber hat hier seine eigene Website."
)


@dataclass(frozen=True)
class LegalFacts:
    """What an imprint names beyond the seeds' name and address.

    Invented for the demo (the seeds give none of it): legal forms,
    supervisory bodies and e-mail addresses under the reserved `.example`
    domain. People are named by their function only, never by name.
    """

    domain: str  # of the invented addresses
    legal_form: str
    represented_by: str
    responsible: str
    supervisory_authority: str = ""
    email: str = ""  # where the seeds give no press e-mail


LEGAL_FACTS = {
    "localhost": LegalFacts(
        domain="stellwerk.example",
        legal_form="",
        represented_by="Die Betreiberin der Installation",
        responsible="Die Redaktion der Demo-Installation",
        email="kontakt@stellwerk.example",
    ),
    "mitte.localhost": LegalFacts(
        domain="mitte.example",
        legal_form="Bezirksverwaltung des Landes Berlin (Körperschaft des öffentlichen Rechts)",
        represented_by="Die Bezirksbürgermeisterin oder der Bezirksbürgermeister",
        responsible="Die Leitung der Pressestelle des Bezirksamts",
        supervisory_authority="Senatsverwaltung für Inneres und Sport, Bezirksaufsicht",
    ),
    "zukunftsorte.localhost": LegalFacts(
        domain="zukunftsorte.example",
        legal_form="GmbH, eine Gesellschaft des Landes Sachsen-Anhalt",
        represented_by="Die Geschäftsführung",
        responsible="Die Leitung der Kommunikation",
        email="kontakt@zukunftsorte.example",
    ),
    "jobcenter-essen.localhost": LegalFacts(
        domain="jobcenter-essen.example",
        legal_form="Einrichtung der Stadt Essen (Körperschaft des öffentlichen Rechts)",
        represented_by="Die Oberbürgermeisterin oder der Oberbürgermeister der Stadt Essen",
        responsible="Die Leitung der Pressestelle des JobCenters",
        supervisory_authority="Ministerium für Arbeit, Gesundheit und Soziales des Landes "
        "Nordrhein-Westfalen",
    ),
    "duesseldorf.localhost": LegalFacts(
        domain="duesseldorf.example",
        legal_form="Körperschaft des öffentlichen Rechts",
        represented_by="Die Oberbürgermeisterin oder der Oberbürgermeister",
        responsible="Die Leitung des Amts für Kommunikation",
        supervisory_authority="Bezirksregierung Düsseldorf",
        email="presse@duesseldorf.example",
    ),
}

# The data protection authority of each Land (public knowledge, not from the seeds).
DATA_PROTECTION_AUTHORITIES = {
    "BE": (
        "Berliner Beauftragte für Datenschutz und Informationsfreiheit",
        "https://www.datenschutz-berlin.de/",
    ),
    "NW": (
        "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen",
        "https://www.ldi.nrw.de/",
    ),
    "ST": (
        "Landesbeauftragter für den Datenschutz Sachsen-Anhalt",
        "https://datenschutz.sachsen-anhalt.de/",
    ),
}
# The directory's operator is fictitious; so is its authority's entry.
UNKNOWN_AUTHORITY = ("Die für den Sitz der Betreiberin zuständige Datenschutz-Aufsichtsbehörde", "")


def _purpose(purpose, basis, data, retention, recipients="", note=""):
    return (
        "purpose",
        {
            "purpose": purpose,
            "legal_basis": basis,
            "legal_basis_note": note,
            "data_categories": data,
            "recipients": recipients,
            "retention": retention,
        },
    )


def legal_pages(
    hostname,
    name,
    address,
    *,
    email="",
    phone="",
    office="",
    state="",
    events=False,
    careers=False,
    calendar_orders=False,
):
    """Field values of the imprint, privacy and accessibility statement pages of a site.

    Name, address, press e-mail and phone come from the seeds; the rest is
    LEGAL_FACTS, the Land's data protection authority and the invented
    dates and retention periods below.
    """
    facts = LEGAL_FACTS[hostname]
    contact = email or facts.email
    # The seeds' addresses begin with the legal body's name: publisher and controller.
    publisher, _, postal = address.partition("\n")
    postal = postal or address
    authority, authority_url = DATA_PROTECTION_AUTHORITIES.get(state, UNKNOWN_AUTHORITY)
    imprint = {
        "slug": "impressum",
        "title": "Impressum",
        "publisher_name": publisher,
        "legal_form": facts.legal_form,
        "publisher_address": postal,
        "represented_by": facts.represented_by,
        "phone": phone,
        "email": contact,
        "supervisory_authority": facts.supervisory_authority,
        "content_responsible_name": facts.responsible,
        "content_responsible_address": address,
        "extra_text": (
            "<h2>Bildnachweise</h2><p>Die Urheberinnen und Urheber der Bilder stehen unter "
            "jedem Bild und gesammelt auf der Seite „Bildnachweise“.</p>"
        ),
    }
    purposes = [
        # Retention periods invented for the demo.
        _purpose(
            "Bereitstellung der Website",
            "e",
            "IP-Adresse, Zeitpunkt des Abrufs, aufgerufene Adresse, Browser-Kennung",
            "Server-Protokolle sieben Tage, dann gelöscht",
        ),
        _purpose(
            "Rückmeldungen zur Barrierefreiheit",
            "c",
            "Ihre Nachricht, die Seite, um die es geht; freiwillig Name und E-Mail-Adresse",
            "ein Jahr nach unserer Antwort, dann gelöscht",
            note="in Verbindung mit § 12b Behindertengleichstellungsgesetz",
        ),
    ]
    # Every site has member accounts (the login is one for the installation).
    purposes.append(
        _purpose(
            "Mitgliedskonto",
            "a",
            "E-Mail-Adresse, Passwort (nur als Hash), Zeitpunkt der Registrierung und der "
            "Bestätigung",
            "bis Sie das Konto löschen; nicht bestätigte Konten nach sieben Tagen",
        )
    )
    if careers:
        purposes += [
            _purpose(
                "Stellenalarm",
                "a",
                "E-Mail-Adresse, gewählte Berufsfelder oder Suche",
                "bis Sie ihn abbestellen; nicht bestätigte nach sieben Tagen",
            ),
            _purpose(
                "Online-Bewerbung",
                "b",
                "Angaben zur Person, Anschreiben, Unterlagen (PDF, verschlüsselt gespeichert), "
                "freiwillig Angaben zu einer Schwerbehinderung",
                "sechs Monate nach Abschluss des Verfahrens; mit Ihrer Einwilligung in den "
                "Talentpool zwei Jahre",
                note="in Verbindung mit § 26 BDSG und Art. 88 DSGVO",
            ),
        ]
    if events:
        purposes.append(
            _purpose(
                "Anmeldung zu Gesprächsterminen bei Veranstaltungen",
                "a",
                "Name, E-Mail-Adresse, gebuchter Termin",
                "30 Tage nach der Veranstaltung, dann gelöscht",
            )
        )
    if events and careers:
        purposes.append(
            _purpose(
                "Kurzbewerbung am Kiosk (Tablet) einer Veranstaltung",
                "b",
                "Name, E-Mail-Adresse, freiwillig Telefonnummer und Ihr Interesse; später "
                "hochgeladene Unterlagen (PDF, verschlüsselt gespeichert). Auf dem Tablet "
                "bleibt nichts gespeichert; gezählte Gespräche sind bloße Zahlen",
                "wie die Online-Bewerbung: sechs Monate nach Abschluss des Verfahrens; der "
                "Link zum Nachreichen der Unterlagen gilt 14 Tage",
                note="in Verbindung mit § 26 BDSG und Art. 88 DSGVO",
            )
        )
    if calendar_orders:
        purposes.append(
            _purpose(
                "Bestellung des gedruckten Fotokalenders",
                "a",
                "Organisation, Name, Anschrift, E-Mail-Adresse, Anzahl, freiwillig der "
                "Verwendungszweck",
                "die Anschrift 90 Tage nach dem Versand, dann gelöscht; nicht bestätigte "
                "Bestellungen nach sieben Tagen",
            )
        )
    privacy = {
        "slug": "datenschutz",
        "title": "Datenschutzerklärung",
        "controller_name": publisher,
        "controller_address": postal,
        "controller_email": contact,
        "controller_phone": phone,
        "dpo_name": "Behördliche Datenschutzbeauftragte",
        "dpo_address": address,
        "dpo_email": f"datenschutz@{facts.domain}",
        "purposes": purposes,
        "authority_name": authority,
        "authority_url": authority_url,
    }
    accessibility = {
        "slug": "barrierefreiheit",
        "title": "Erklärung zur Barrierefreiheit",
        "conformance": "partial",
        "barriers": [
            (
                "barrier",
                {
                    "description": (
                        "Einige ältere PDF-Dokumente in der Pressemappe sind nicht "
                        "barrierefrei: Überschriften und Tabellen sind nicht ausgezeichnet."
                    ),
                    "alternative": (
                        "Auf Anfrage schicken wir Ihnen den Inhalt als barrierefreies Dokument "
                        "oder als Text per E-Mail."
                    ),
                },
            )
        ],
        # Dates and method invented for the demo.
        "prepared_on": datetime.date(2026, 3, 2),
        "reviewed_on": datetime.date(2026, 9, 1),
        "assessment_method": "self",
        "assessment_note": "automatische Prüfungen (axe-core) und Tests mit der Tastatur",
        "feedback_name": office or name,
        # Empty where the seeds give a press e-mail: the form's mail goes there.
        "feedback_email": "" if email else f"barrierefreiheit@{facts.domain}",
        "feedback_phone": phone,
    }
    return imprint, privacy, accessibility
