"""Default wording of the notices every German public job ad carries.

Editors adapt them per employer in the site setting RecruitmentSettings;
these defaults are what a new site starts with (rich text storage format).
"""

DISABILITY_NOTICE = (
    "<p>Schwerbehinderte und ihnen gleichgestellte Bewerber*innen werden bei gleicher "
    "Eignung bevorzugt berücksichtigt. Als öffentlicher Arbeitgeber laden wir sie nach "
    "§ 165 SGB IX zu einem Vorstellungsgespräch ein, sofern die fachliche Eignung nicht "
    "offensichtlich fehlt. Bitte weisen Sie zur Wahrung Ihrer Interessen bereits in Ihrer "
    "Bewerbung auf eine Schwerbehinderung oder Gleichstellung hin und fügen Sie einen "
    "Nachweis bei.</p>"
)

EQUAL_OPPORTUNITY = (
    "<p>Wir begrüßen Bewerbungen aller Menschen, unabhängig von Geschlecht, Alter, "
    "Herkunft, Religion oder Weltanschauung, Behinderung und sexueller Identität. "
    "Wir fördern die Gleichstellung von Frauen und Männern; in Bereichen, in denen Frauen "
    "unterrepräsentiert sind, werden sie bei gleicher Eignung, Befähigung und fachlicher "
    "Leistung nach Maßgabe des Gleichstellungsrechts bevorzugt berücksichtigt. Bewerbungen "
    "von Menschen mit Migrationsgeschichte sind ausdrücklich erwünscht.</p>"
)

PRIVACY_NOTICE = (
    "<p>Wir verarbeiten Ihre Bewerbungsdaten ausschließlich für das Auswahlverfahren, auf "
    "Grundlage der Datenschutz-Grundverordnung (Art. 6 und Art. 88 DSGVO) und der für uns "
    "geltenden Datenschutzgesetze. Zugang zu Ihren Unterlagen haben nur die am Verfahren "
    "Beteiligten, einschließlich der Personalvertretung, der Frauen- bzw. "
    "Gleichstellungsbeauftragten und gegebenenfalls der Schwerbehindertenvertretung. "
    "Sechs Monate nach Abschluss des Verfahrens löschen wir Ihre Daten, sofern Sie nicht "
    "einer längeren Speicherung zugestimmt haben. Sie haben das Recht auf Auskunft, "
    "Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf Beschwerde bei der "
    "zuständigen Datenschutzaufsichtsbehörde.</p>"
)
