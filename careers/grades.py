"""Pay grades as editors type them: "E 9b", "E9B", "a10" all mean one grade."""

import re

GRADE = re.compile(r"^\s*([A-Za-z]+)\s*(\d+)\s*([A-Za-z]?)\s*$")


def normalise_grade(text):
    """ "e9B" -> "E 9b"; text that is no grade comes back stripped."""
    match = GRADE.match(text or "")
    if not match:
        return " ".join((text or "").split())
    group, number, suffix = match.groups()
    return f"{group.upper()} {number}{suffix.lower()}"


def parse_grades(text):
    """ "E 9b, E 10; E11" -> ["E 9b", "E 10", "E 11"], without duplicates."""
    grades = []
    for part in re.split(r"[,;/]", text or ""):
        grade = normalise_grade(part)
        if grade and grade not in grades:
            grades.append(grade)
    return grades
