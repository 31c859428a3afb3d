"""The job field matcher of the Bezirksamt Mitte: how one works, how one gets in.

Written for the demo: each job field's way of working follows from its
category (the first value weighs 2), its entry from its entry paths.
"""

MATCHER_TITLE = "Welches Berufsfeld passt zu mir?"
MATCHER_LEAD = (
    "Sagen Sie uns, wie Sie arbeiten möchten und wie Sie einsteigen wollen: Wir zeigen "
    "Ihnen die Berufsfelder des Bezirksamts, die am besten passen, mit offenen Stellen."
)

# slug, name, question, [(value slug, name, reason)]
DIMENSIONS = [
    (
        "arbeitsweise",
        "Arbeitsweise",
        "Wie möchten Sie arbeiten?",
        [
            ("draussen", "Draußen", "Arbeit draußen"),
            ("buero", "Im Büro", "Arbeit im Büro"),
            ("menschen", "Mit Menschen", "Arbeit mit Menschen"),
            ("technik", "Mit Technik", "Arbeit mit Technik"),
        ],
    ),
    (
        "einstieg",
        "Einstieg",
        "Wie möchten Sie einsteigen?",
        [
            ("ausbildung", "Ausbildung", "Einstieg mit Ausbildung"),
            ("studium", "Studium", "Einstieg mit Studium"),
            ("quereinstieg", "Quereinstieg", "Quereinstieg möglich"),
        ],
    ),
]

# job category slug -> ways of working, the first the most typical
WAYS_OF_WORKING = {
    "verwaltung": ["buero", "menschen"],
    "soziales": ["menschen", "buero"],
    "gesundheit": ["menschen", "technik"],
    "technik-it": ["technik", "buero"],
    "bauen-umwelt": ["draussen", "technik"],
    "ordnung-sicherheit": ["draussen", "menschen"],
    "bildung-kultur": ["menschen"],
    "ausbildung-studium": ["buero", "menschen"],
}

# entry path code (careers.choices.EntryPath) -> value of "einstieg"
ENTRIES = {
    "ausbildung": "ausbildung",
    "duales-studium": "studium",
    "beamtenlaufbahn": "studium",
    "quereinstieg": "quereinstieg",
}
