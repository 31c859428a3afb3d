"""The twelve Zukunftsorte of seed 001, with the matcher's criteria.

Seed 001 names the programme and the Wissenschaftshafen, not the other
places: the twelve profiles below are written for the demo. The places,
industries and institutions are real, the texts are short sketches, the
contacts' addresses use example domains, and the coordinates are rounded.
"""

from dataclasses import dataclass, field
from decimal import Decimal

INDEX_TITLE = "Die zwölf Zukunftsorte"
INDEX_LEAD = (
    "Zwölf Orte in Sachsen-Anhalt, an denen Forschung, Industrie und gutes Leben "
    "zusammenkommen: was es dort gibt, wie man dort arbeitet und lebt, und wen Sie fragen können."
)
MATCHER_TITLE = "Welcher Zukunftsort passt zu mir?"
MATCHER_LEAD = (
    "Mit wenigen Klicks herausfinden, welcher Zukunftsort am besten zu Ihnen passt: nach "
    "Branche, Arbeitsumfeld und der idealen Umgebung zum Leben. Die Empfehlung kann der "
    "Anfang eines Kontakts zu einem Unternehmen oder einer Forschungseinrichtung vor Ort sein."
)

# slug, name, question, [(value slug, name, reason)]
DIMENSIONS = [
    (
        "branche",
        "Branche",
        "In welcher Branche möchten Sie arbeiten?",
        [
            ("chemie", "Chemie", ""),
            ("life-sciences", "Life Sciences", ""),
            ("maschinenbau", "Maschinenbau", ""),
            ("logistik", "Logistik", ""),
            ("it", "IT", ""),
            ("energie", "Erneuerbare Energien", "Branche Erneuerbare Energien"),
            ("tourismus", "Tourismus", ""),
            ("verwaltung", "Öffentliche Verwaltung", "Öffentliche Verwaltung"),
        ],
    ),
    (
        "arbeitsumfeld",
        "Arbeitsumfeld",
        "In welchem Umfeld möchten Sie arbeiten?",
        [
            ("forschung", "Forschung", "Arbeit in der Forschung"),
            ("industrie", "Industrie", "Arbeit in der Industrie"),
            ("start-up", "Start-up", "Start-up-Umfeld"),
            ("verwaltung", "Verwaltung", "Arbeit in der Verwaltung"),
            ("handwerk", "Handwerk", "Arbeit im Handwerk"),
        ],
    ),
    (
        "lebensumfeld",
        "Lebensumfeld",
        "Wie möchten Sie leben?",
        [
            ("grossstadt", "Großstadt", "Leben in der Stadt"),
            ("kleinstadt", "Kleinstadt", "Leben in der Kleinstadt"),
            ("land", "Land", "Leben auf dem Land"),
            ("kultur", "Kultur", "Kultur vor der Tür"),
            ("kinderbetreuung", "Kinderbetreuung", "gute Kinderbetreuung"),
            ("pendeln", "gute Pendelverbindung", "gute Pendelverbindung"),
        ],
    ),
]


@dataclass(frozen=True)
class ContactSpec:
    name: str
    kind: str  # unternehmen, forschung, netzwerk
    description: str
    domain: str  # an example domain: karriere@<domain>, https://<domain>/

    def as_fields(self):
        return {
            "name": self.name,
            "kind": self.kind,
            "description": self.description,
            "email": f"karriere@{self.domain}",
            "url": f"https://{self.domain}/",
        }


@dataclass(frozen=True)
class LocationSpec:
    title: str
    slug: str
    lead: str
    what_is_there: str
    working: str
    living: str
    latitude: Decimal
    longitude: Decimal
    # "dimension:value" -> weight (1 trifft zu, 2 deutlich, 3 prägt den Ort)
    criteria: dict
    contacts: list = field(default_factory=list)
    testimonials_at: str = ""  # the site's testimonials whose place contains this


def _p(*paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


LOCATIONS = [
    LocationSpec(
        title="Wissenschaftshafen Magdeburg",
        slug="wissenschaftshafen-magdeburg",
        lead=(
            "Im alten Handelshafen der Landeshauptstadt arbeiten Forschungsinstitute, "
            "Start-ups und Unternehmen Tür an Tür – mit Blick auf die Elbe."
        ),
        what_is_there=_p(
            "Institute der Fraunhofer- und der Max-Planck-Gesellschaft, ein Innovations- und "
            "Gründerzentrum, Labore der Otto-von-Guericke-Universität und junge Unternehmen "
            "aus Medizintechnik, Automatisierung und IT."
        ),
        working=_p(
            "Kurze Wege zwischen Labor und Werkhalle: Wer forscht, trifft hier die, die "
            "umsetzen. Viele Teams arbeiten international und auf Englisch."
        ),
        living=_p(
            "Großstadt mit bezahlbaren Mieten, Elbradweg und Stadtpark vor der Tür, "
            "Theater, Oper und Clubs; Kitas mit Plätzen für Kinder unter drei Jahren, "
            "ICE-Anschluss nach Berlin und Hannover."
        ),
        latitude=Decimal("52.14300"),
        longitude=Decimal("11.64600"),
        criteria={
            "branche:life-sciences": 2,
            "branche:it": 2,
            "branche:maschinenbau": 1,
            "arbeitsumfeld:forschung": 3,
            "arbeitsumfeld:start-up": 2,
            "lebensumfeld:grossstadt": 3,
            "lebensumfeld:kultur": 2,
            "lebensumfeld:kinderbetreuung": 2,
            "lebensumfeld:pendeln": 2,
        },
        contacts=[
            ContactSpec(
                "Fraunhofer-Institut für Fabrikbetrieb und -automatisierung IFF",
                "forschung",
                "Angewandte Forschung zu Automatisierung und Robotik",
                "iff-magdeburg.example",
            ),
            ContactSpec(
                "Max-Planck-Institut für Dynamik komplexer technischer Systeme",
                "forschung",
                "Grundlagenforschung in Verfahrens- und Systemtechnik",
                "mpi-magdeburg.example",
            ),
            ContactSpec(
                "Hafenlabor MedTech GmbH (Beispiel)",
                "unternehmen",
                "Start-up für Medizintechnik, 25 Beschäftigte",
                "hafenlabor.example",
            ),
        ],
        testimonials_at="Wissenschaftshafen",
    ),
    LocationSpec(
        title="Weinberg Campus Halle",
        slug="weinberg-campus-halle",
        lead=(
            "Einer der größten Technologieparks Ostdeutschlands: Universität, Institute und "
            "Biotech-Unternehmen auf einem Campus am Rand der Saalestadt."
        ),
        what_is_there=_p(
            "Naturwissenschaftliche Institute der Martin-Luther-Universität, Institute von "
            "Fraunhofer, Leibniz und Max Planck, ein Technologie- und Gründerzentrum und "
            "Unternehmen aus Biotechnologie, Pharmazie und Materialforschung."
        ),
        working=_p(
            "Forschung und Unternehmen teilen Geräte und Labore; Promovierende finden hier "
            "den Weg in die Wirtschaft, Gründerinnen und Gründer ihre ersten Räume."
        ),
        living=_p(
            "Halle an der Saale: Großstadt mit Altstadt, Saaleufer und viel Kultur, "
            "Leipzig ist mit der S-Bahn in einer halben Stunde erreichbar."
        ),
        latitude=Decimal("51.49800"),
        longitude=Decimal("11.93700"),
        criteria={
            "branche:life-sciences": 3,
            "branche:chemie": 1,
            "arbeitsumfeld:forschung": 3,
            "arbeitsumfeld:start-up": 2,
            "lebensumfeld:grossstadt": 3,
            "lebensumfeld:kultur": 3,
            "lebensumfeld:pendeln": 2,
            "lebensumfeld:kinderbetreuung": 1,
        },
        contacts=[
            ContactSpec(
                "Fraunhofer-Institut für Mikrostruktur von Werkstoffen und Systemen IMWS",
                "forschung",
                "Werkstoffe und Bauteile, von der Solarzelle bis zum Implantat",
                "imws-halle.example",
            ),
            ContactSpec(
                "Saale BioPharm GmbH (Beispiel)",
                "unternehmen",
                "Biotechnologie und Wirkstoffentwicklung",
                "saale-biopharm.example",
            ),
        ],
    ),
    LocationSpec(
        title="Chemiepark Bitterfeld-Wolfen",
        slug="chemiepark-bitterfeld-wolfen",
        lead=(
            "Mehr als 300 Unternehmen auf einem der großen Chemiestandorte Europas – "
            "vom Weltkonzern bis zum spezialisierten Mittelständler."
        ),
        what_is_there=_p(
            "Chemie, Pharma, Solar- und Batterietechnik, dazu Dienstleister für Logistik, "
            "Instandhaltung und Analytik. Ein Ausbildungsverbund bildet für viele Betriebe "
            "gemeinsam aus."
        ),
        working=_p(
            "Industriearbeit im Schichtbetrieb wie im Labor; wer sich weiterbilden möchte, "
            "findet Meister- und Technikerkurse am Standort."
        ),
        living=_p(
            "Kleinstadt mit Goitzsche-See zum Baden und Segeln, Eigenheime zu fairen Preisen, "
            "mit der S-Bahn in 30 Minuten in Leipzig oder Halle."
        ),
        latitude=Decimal("51.64500"),
        longitude=Decimal("12.29600"),
        criteria={
            "branche:chemie": 3,
            "branche:energie": 1,
            "branche:logistik": 1,
            "arbeitsumfeld:industrie": 3,
            "arbeitsumfeld:handwerk": 1,
            "lebensumfeld:kleinstadt": 2,
            "lebensumfeld:pendeln": 2,
            "lebensumfeld:kinderbetreuung": 2,
        },
        contacts=[
            ContactSpec(
                "Chemiepark-Gesellschaft (Beispiel)",
                "netzwerk",
                "Standortbetreiber und Ansiedlung",
                "chemiepark-bw.example",
            ),
            ContactSpec(
                "Goitzsche Spezialchemie GmbH (Beispiel)",
                "unternehmen",
                "Spezialchemikalien für die Batterieherstellung",
                "goitzsche-chemie.example",
            ),
        ],
    ),
    LocationSpec(
        title="Chemie- und Industriepark Zeitz",
        slug="chemie-und-industriepark-zeitz",
        lead=(
            "Im Süden Sachsen-Anhalts entsteht aus Chemie und Biomasse die Industrie von morgen: "
            "Bioraffinerien, Wasserstoff und Kunststoffrecycling."
        ),
        what_is_there=_p(
            "Unternehmen der Chemie, der Kunststoffverarbeitung und der Bioökonomie, ein "
            "Gleisanschluss und Flächen für neue Anlagen im Mitteldeutschen Revier."
        ),
        working=_p(
            "Der Strukturwandel nach der Braunkohle schafft neue Stellen für "
            "Verfahrenstechnikerinnen, Elektroniker und Chemikantinnen."
        ),
        living=_p(
            "Ländlich, mit der historischen Altstadt von Zeitz und dem Elsterradweg; "
            "Bauland und Kitaplätze sind leicht zu finden."
        ),
        latitude=Decimal("51.08600"),
        longitude=Decimal("12.18100"),
        criteria={
            "branche:chemie": 2,
            "branche:energie": 2,
            "arbeitsumfeld:industrie": 3,
            "arbeitsumfeld:handwerk": 2,
            "lebensumfeld:land": 2,
            "lebensumfeld:kleinstadt": 1,
            "lebensumfeld:kinderbetreuung": 2,
        },
        contacts=[
            ContactSpec(
                "Industriepark Zeitz Entwicklungsgesellschaft (Beispiel)",
                "netzwerk",
                "Standortentwicklung und Ansiedlung",
                "industriepark-zeitz.example",
            ),
            ContactSpec(
                "Elster Bioraffinerie GmbH (Beispiel)",
                "unternehmen",
                "Chemikalien aus Holz und Reststoffen",
                "elster-bio.example",
            ),
        ],
    ),
    LocationSpec(
        title="Chemiestandort Leuna",
        slug="chemiestandort-leuna",
        lead=(
            "Über hundert Jahre Chemiegeschichte und eine Raffinerie, die Mitteldeutschland "
            "versorgt – heute auch mit Forschung zu grünem Wasserstoff."
        ),
        what_is_there=_p(
            "Eine Raffinerie, Gase- und Chemieunternehmen, ein Fraunhofer-Zentrum für "
            "chemisch-biotechnologische Prozesse und ein großer Wasserstoff-Elektrolyseur."
        ),
        working=_p(
            "Große Anlagen, geregelte Schichten, tarifliche Bezahlung; wer forschen möchte, "
            "findet Pilotanlagen direkt neben der Produktion."
        ),
        living=_p(
            "Kleinstadt zwischen Halle und Leipzig, dazu die Saale-Unstrut-Weinberge nicht weit; "
            "viele pendeln mit Bahn und Auto aus beiden Großstädten."
        ),
        latitude=Decimal("51.31600"),
        longitude=Decimal("12.01600"),
        criteria={
            "branche:chemie": 3,
            "branche:energie": 2,
            "arbeitsumfeld:industrie": 3,
            "arbeitsumfeld:forschung": 1,
            "lebensumfeld:kleinstadt": 2,
            "lebensumfeld:pendeln": 3,
        },
        contacts=[
            ContactSpec(
                "Fraunhofer-Zentrum für Chemisch-Biotechnologische Prozesse CBP",
                "forschung",
                "Pilotanlagen für biobasierte Chemie",
                "cbp-leuna.example",
            ),
            ContactSpec(
                "Leuna Wasserstoff GmbH (Beispiel)",
                "unternehmen",
                "Elektrolyse und Wasserstofflogistik",
                "leuna-h2.example",
            ),
        ],
    ),
    LocationSpec(
        title="Dessau-Roßlau",
        slug="dessau-rosslau",
        lead=(
            "Die Bauhausstadt: Sitz des Umweltbundesamts, einer Hochschule für Architektur "
            "und Design und von Unternehmen aus Luftfahrt und Maschinenbau."
        ),
        what_is_there=_p(
            "Das Umweltbundesamt mit über tausend Beschäftigten, die Hochschule Anhalt mit "
            "dem Fachbereich Architektur, Unternehmen aus Maschinen- und Fahrzeugbau."
        ),
        working=_p(
            "Wer für Umwelt und Klima arbeiten möchte, findet hier die größte Umweltbehörde "
            "Deutschlands und Ingenieurbüros, die für sie planen."
        ),
        living=_p(
            "Bauhaus-Welterbe, Gartenreich Dessau-Wörlitz, Elbe und Mulde: eine grüne "
            "Stadt mit Theater und bezahlbarem Wohnraum."
        ),
        latitude=Decimal("51.83900"),
        longitude=Decimal("12.22700"),
        criteria={
            "branche:verwaltung": 3,
            "branche:maschinenbau": 2,
            "branche:tourismus": 1,
            "arbeitsumfeld:verwaltung": 3,
            "arbeitsumfeld:forschung": 2,
            "lebensumfeld:kleinstadt": 2,
            "lebensumfeld:kultur": 3,
            "lebensumfeld:kinderbetreuung": 2,
        },
        contacts=[
            ContactSpec(
                "Umweltbundesamt",
                "forschung",
                "Wissenschaftliche Umweltbehörde des Bundes",
                "uba-dessau.example",
            ),
            ContactSpec(
                "Mulde Flugzeugtechnik GmbH (Beispiel)",
                "unternehmen",
                "Wartung und Umbau von Regionalflugzeugen",
                "mulde-flugtechnik.example",
            ),
        ],
    ),
    LocationSpec(
        title="Lutherstadt Wittenberg",
        slug="lutherstadt-wittenberg",
        lead=(
            "Weltkulturerbe der Reformation und ein Agro-Chemie-Park, der Dünger für halb "
            "Europa herstellt."
        ),
        what_is_there=_p(
            "Der Agro-Chemie Park Piesteritz mit Düngemittel- und Chemieproduktion, "
            "ein Institut für Agrarchemie und Betriebe aus Tourismus und Handwerk."
        ),
        working=_p(
            "Industrie und Forschung für die Landwirtschaft; im Sommer brauchen Hotels und "
            "Museen der Lutherstadt viele helfende Hände."
        ),
        living=_p(
            "Kleinstadt an der Elbe mit Altstadt, Festspielen und ICE-Halt: "
            "in 40 Minuten in Berlin."
        ),
        latitude=Decimal("51.86900"),
        longitude=Decimal("12.58500"),
        criteria={
            "branche:chemie": 2,
            "branche:tourismus": 2,
            "arbeitsumfeld:industrie": 2,
            "arbeitsumfeld:handwerk": 1,
            "lebensumfeld:kleinstadt": 3,
            "lebensumfeld:kultur": 2,
            "lebensumfeld:pendeln": 3,
        },
        contacts=[
            ContactSpec(
                "Agro-Chemie Park Piesteritz",
                "netzwerk",
                "Standort der Düngemittel- und Chemieindustrie",
                "acp-piesteritz.example",
            ),
            ContactSpec(
                "Elbe Agrarforschung gGmbH (Beispiel)",
                "forschung",
                "Forschung zu Düngung und Bodenschutz",
                "elbe-agrar.example",
            ),
        ],
    ),
    LocationSpec(
        title="Harz (Wernigerode)",
        slug="harz-wernigerode",
        lead=(
            "Fachwerk, Berge und eine Hochschule: Im Harz verbinden sich Tourismus, "
            "Verwaltungswissenschaften und mittelständische Industrie."
        ),
        what_is_there=_p(
            "Die Hochschule Harz mit Studiengängen für Tourismus und öffentliche Verwaltung, "
            "Zulieferer des Maschinenbaus und Hotels, die ganzjährig Gäste haben."
        ),
        working=_p(
            "Arbeiten, wo andere Urlaub machen: in Hotellerie, Verwaltung oder in "
            "Familienunternehmen mit kurzen Entscheidungswegen."
        ),
        living=_p(
            "Kleinstadt mit Schloss und Brockenbahn, Wandern und Langlauf vor der Haustür, "
            "Kitas in jedem Ortsteil."
        ),
        latitude=Decimal("51.83500"),
        longitude=Decimal("10.78500"),
        criteria={
            "branche:tourismus": 3,
            "branche:verwaltung": 2,
            "branche:maschinenbau": 1,
            "arbeitsumfeld:verwaltung": 2,
            "arbeitsumfeld:handwerk": 1,
            "lebensumfeld:kleinstadt": 2,
            "lebensumfeld:land": 2,
            "lebensumfeld:kinderbetreuung": 2,
        },
        contacts=[
            ContactSpec(
                "Hochschule Harz",
                "forschung",
                "Tourismus, Wirtschaft, Verwaltungswissenschaften",
                "hs-harz.example",
            ),
            ContactSpec(
                "Brockenblick Hotels GmbH (Beispiel)",
                "unternehmen",
                "Hotellerie mit Ausbildung in Küche und Service",
                "brockenblick.example",
            ),
        ],
    ),
    LocationSpec(
        title="Altmark (Stendal)",
        slug="altmark-stendal",
        lead=(
            "Weites Land im Norden: Logistik an der A 14, Windparks und eine Hochschule "
            "in der Hansestadt Stendal."
        ),
        what_is_there=_p(
            "Logistikzentren an der neuen Autobahn, Betriebe der Windenergie und der "
            "Lebensmittelindustrie und der Standort Stendal der Hochschule Magdeburg-Stendal."
        ),
        working=_p(
            "Viel Platz für neue Hallen, Anlagen und Ideen; wer Verantwortung übernehmen "
            "möchte, bekommt sie hier früh."
        ),
        living=_p(
            "Land mit Seen, Backsteingotik und Storchendörfern; mit dem ICE in einer Stunde "
            "in Berlin, Häuser mit Garten zu fairen Preisen."
        ),
        latitude=Decimal("52.60600"),
        longitude=Decimal("11.85800"),
        criteria={
            "branche:logistik": 3,
            "branche:energie": 2,
            "arbeitsumfeld:industrie": 2,
            "arbeitsumfeld:handwerk": 2,
            "lebensumfeld:land": 3,
            "lebensumfeld:pendeln": 1,
            "lebensumfeld:kinderbetreuung": 1,
        },
        contacts=[
            ContactSpec(
                "Altmark Logistik KG (Beispiel)",
                "unternehmen",
                "Kontraktlogistik an der A 14",
                "altmark-logistik.example",
            ),
            ContactSpec(
                "Wirtschaftsförderung Altmark (Beispiel)",
                "netzwerk",
                "Ansprechpartner für Zuziehende und Betriebe",
                "wf-altmark.example",
            ),
        ],
    ),
    LocationSpec(
        title="Burgenlandkreis (Naumburg)",
        slug="burgenlandkreis-naumburg",
        lead=(
            "Dom, Wein und Mittelstand: Im Süden Sachsen-Anhalts wächst eine Region mit "
            "Maschinenbau, Lebensmitteln und Tourismus zusammen."
        ),
        what_is_there=_p(
            "Der Naumburger Dom als Welterbe, Weingüter an Saale und Unstrut, "
            "Maschinenbauer und Zulieferer der Autoindustrie, eine Kreisverwaltung mit vielen "
            "Berufen."
        ),
        working=_p(
            "Familienunternehmen, Handwerksbetriebe und Verwaltung suchen Fachkräfte, "
            "die bleiben wollen."
        ),
        living=_p(
            "Kleinstadt und Weinberge, Radwege an Saale und Unstrut, Kinderbetreuung "
            "ohne Wartelisten; Halle, Leipzig und Jena sind nah."
        ),
        latitude=Decimal("51.15300"),
        longitude=Decimal("11.81000"),
        criteria={
            "branche:maschinenbau": 2,
            "branche:tourismus": 2,
            "branche:verwaltung": 1,
            "arbeitsumfeld:handwerk": 3,
            "arbeitsumfeld:verwaltung": 1,
            "lebensumfeld:kleinstadt": 2,
            "lebensumfeld:land": 1,
            "lebensumfeld:kultur": 2,
            "lebensumfeld:kinderbetreuung": 3,
        },
        contacts=[
            ContactSpec(
                "Unstrut Präzisionstechnik GmbH (Beispiel)",
                "unternehmen",
                "Zerspanung und Baugruppen für den Maschinenbau",
                "unstrut-praezision.example",
            ),
            ContactSpec(
                "Kreisverwaltung Burgenlandkreis (Beispiel)",
                "netzwerk",
                "Verwaltung mit Ausbildung und Quereinstieg",
                "burgenlandkreis.example",
            ),
        ],
    ),
    LocationSpec(
        title="Merseburg",
        slug="merseburg",
        lead=(
            "Hochschulstadt zwischen Leuna und Schkopau: Ingenieurwissenschaften, "
            "Chemie und Kunststofftechnik."
        ),
        what_is_there=_p(
            "Die Hochschule Merseburg mit Ingenieur- und Kulturstudiengängen, Kunststoff- "
            "und Chemieunternehmen in den Parks ringsum, ein Gründerzentrum."
        ),
        working=_p(
            "Studium und Beruf liegen nah beieinander: Viele Studierende arbeiten schon "
            "während des Studiums in den Betrieben der Region."
        ),
        living=_p(
            "Kleinstadt mit Dom und Schloss an der Saale, in 15 Minuten in Halle, in 30 in Leipzig."
        ),
        latitude=Decimal("51.34500"),
        longitude=Decimal("11.98400"),
        criteria={
            "branche:chemie": 2,
            "branche:maschinenbau": 1,
            "branche:it": 1,
            "arbeitsumfeld:forschung": 2,
            "arbeitsumfeld:start-up": 1,
            "arbeitsumfeld:industrie": 1,
            "lebensumfeld:kleinstadt": 2,
            "lebensumfeld:pendeln": 3,
        },
        contacts=[
            ContactSpec(
                "Hochschule Merseburg",
                "forschung",
                "Ingenieurwissenschaften, Chemie, Kultur",
                "hs-merseburg.example",
            ),
            ContactSpec(
                "Saalekreis Kunststofftechnik GmbH (Beispiel)",
                "unternehmen",
                "Kunststoffteile für Fahrzeuge und Medizin",
                "saale-kunststoff.example",
            ),
        ],
    ),
    LocationSpec(
        title="Köthen (Anhalt)",
        slug="koethen-anhalt",
        lead=(
            "Bachstadt und Hochschulstandort: Informatik, Lebensmitteltechnik und "
            "Pharma mitten im Anhalt."
        ),
        what_is_there=_p(
            "Der Standort Köthen der Hochschule Anhalt mit Informatik, Lebensmittel- und "
            "Verfahrenstechnik, IT-Dienstleister und pharmazeutische Betriebe."
        ),
        working=_p(
            "Kleine Teams, die Software für Verwaltung und Industrie entwickeln, viele "
            "davon mit mobilem Arbeiten an mehreren Tagen der Woche."
        ),
        living=_p(
            "Kleinstadt mit Bachfesttagen und Schloss, Bahnknoten zwischen Magdeburg, "
            "Halle und Dessau; Kitaplätze gibt es ohne lange Wartezeit."
        ),
        latitude=Decimal("51.75100"),
        longitude=Decimal("11.97400"),
        criteria={
            "branche:it": 3,
            "branche:life-sciences": 1,
            "arbeitsumfeld:start-up": 2,
            "arbeitsumfeld:forschung": 1,
            "lebensumfeld:kleinstadt": 2,
            "lebensumfeld:kultur": 1,
            "lebensumfeld:pendeln": 2,
            "lebensumfeld:kinderbetreuung": 2,
        },
        contacts=[
            ContactSpec(
                "Hochschule Anhalt, Standort Köthen",
                "forschung",
                "Informatik, Lebensmittel- und Verfahrenstechnik",
                "hs-anhalt.example",
            ),
            ContactSpec(
                "Anhalt Software GmbH (Beispiel)",
                "unternehmen",
                "Software für Verwaltungen, mobiles Arbeiten möglich",
                "anhalt-software.example",
            ),
        ],
    ),
]
