"""Career levels (Laufbahngruppen): the search facet "Entgelt" groups pay grades.

Visitors do not think in "E 9b" or "A 10" but in the level a grade belongs
to: einfacher, mittlerer, gehobener or höherer Dienst, the same four levels
for employees (TVöD/TV-L "E", social and care "S"/"P") and civil servants
("A", "B"). Training pay has a level of its own.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from careers.grades import normalise_grade

GRADE = re.compile(r"^([A-Z]+) (\d+)([a-z]?)$")


class CareerLevel(models.TextChoices):
    TRAINING = "ausbildung", _("Ausbildungsvergütung")
    BASIC = "einfach", _("Einfacher Dienst (bis E 4, A 5)")
    MIDDLE = "mittel", _("Mittlerer Dienst (E 5 bis E 8, A 6 bis A 8)")
    UPPER = "gehoben", _("Gehobener Dienst (E 9a bis E 12, A 9 bis A 12)")
    SENIOR = "hoeher", _("Höherer Dienst (ab E 13, A 13)")


# Per pay group letter: the first number of each level above "einfach".
# S (social and educational services) and P (care) start gehoben at S 9/P 9.
THRESHOLDS = {
    "E": (5, 9, 13),
    "A": (6, 9, 13),
    "S": (2, 9, 99),
    "P": (5, 9, 99),
}


def career_level(grade):
    """ "E 9b" -> CareerLevel.UPPER; None for what is no known grade."""
    grade = normalise_grade(grade)
    if grade.lower().startswith(("ausbildung", "duales studium", "tvaöd", "praktikum")):
        return CareerLevel.TRAINING
    match = GRADE.match(grade)
    if not match:
        return None
    group, number = match.group(1), int(match.group(2))
    if group == "B" or group == "W":
        return CareerLevel.SENIOR
    if group not in THRESHOLDS:
        return None
    middle, upper, senior = THRESHOLDS[group]
    if number >= senior:
        return CareerLevel.SENIOR
    if number >= upper:
        return CareerLevel.UPPER
    if number >= middle:
        return CareerLevel.MIDDLE
    return CareerLevel.BASIC


def career_levels(grades):
    """The levels of a list of grades, without duplicates."""
    levels = {career_level(grade) for grade in grades}
    return frozenset(level for level in levels if level is not None)
