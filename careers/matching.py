"""The matching engine: which place or job field fits a visitor's answers?

Plain values in, plain values out: no ORM inside, so the ranking is tested
without a database and a matcher page loads its profiles in a fixed number
of queries, however many there are (see `careers/models/matcher.py`).

The questionnaire has *dimensions* (Branche, Arbeitsumfeld, Lebensumfeld, …),
each with *values* (Life Sciences, Forschung, Großstadt, …). Editors tag
every profile (a location or a job field) with values, each with a weight
from 1 (trifft zu) to 3 (prägt den Ort besonders). The visitor ticks values
and may mark dimensions as "besonders wichtig".

Scoring:

- Each ticked value a profile has earns its weight in points; in a dimension
  marked "wichtig" the points count double (`IMPORTANT_FACTOR`).
- The best possible is what a profile would earn that has every ticked value
  as strongly as the strongest profile of the collection has it. The score
  is the share of that, in whole percent: 100 % means nothing better exists
  here for these answers.
- Profiles are ranked by points (not by the rounded percentage); equal
  points share a place (`Match.rank`), and within it profiles follow their
  titles alphabetically, so the order is stable and predictable.
- Profiles without any ticked value are not matches; they are returned
  apart (`Ranking.others`), alphabetically.
- Without any answer nothing is ranked: every profile comes alphabetically
  in `others`, and `Ranking.answered` is false, so the page can say so.

Each match says why in plain words, from the values it has, those of the
important dimensions first: "passt, weil: Branche Life Sciences, Leben in
der Stadt".
"""

import unicodedata
from collections import Counter
from dataclasses import dataclass, field

IMPORTANT_FACTOR = 2
DEFAULT_WEIGHT = 1


@dataclass(frozen=True)
class Value:
    slug: str
    label: str
    reason: str = ""  # e.g. "Leben in der Stadt"; else "<dimension> <label>"


@dataclass(frozen=True)
class Dimension:
    slug: str
    label: str
    values: tuple = ()  # of Value, in the order of the questionnaire

    def value(self, slug):
        return next((value for value in self.values if value.slug == slug), None)


@dataclass(frozen=True)
class Profile:
    """Something to match: `key` identifies it (a page's pk), `weights` maps
    (dimension slug, value slug) to the weight the editors gave it."""

    key: object
    title: str
    weights: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Answers:
    """What the visitor chose: dimension slug -> value slugs, and the
    dimensions that matter most."""

    chosen: dict = field(default_factory=dict)
    important: frozenset = frozenset()

    def __bool__(self):
        return any(self.chosen.values())


@dataclass(frozen=True)
class Reason:
    dimension: str
    value: str
    text: str
    important: bool


@dataclass(frozen=True)
class Match:
    profile: Profile
    points: int
    score: int  # percent of the best possible
    rank: int  # 1 for the best; equal points share a rank
    reasons: tuple = ()
    shared: bool = False  # another match has the same points, so the same rank

    @property
    def reason_text(self):
        return ", ".join(reason.text for reason in self.reasons)


@dataclass(frozen=True)
class Ranking:
    matches: list  # of Match, best first
    others: list  # of Profile without any chosen value (all profiles without answers)
    answered: bool
    best_possible: int = 0


def sort_key(title):
    """Alphabetical as a German reader expects: case and accents aside (Ä with A)."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def rank(profiles, answers, dimensions):
    """Rank `profiles` by `answers` over `dimensions`; see the module docstring."""
    profiles = sorted(profiles, key=lambda profile: (sort_key(profile.title), str(profile.key)))
    wanted = _wanted(answers, dimensions)
    if not wanted:
        return Ranking(matches=[], others=profiles, answered=False)

    strongest = {
        key: max((profile.weights.get(key, 0) for profile in profiles), default=0)
        for key in (item[:2] for item in wanted)
    }
    best_possible = sum(strongest[(d, v)] * factor for d, v, factor, _reason in wanted)
    scored, others = [], []
    for profile in profiles:
        points = 0
        reasons = []
        for dimension, value, factor, reason in wanted:
            weight = profile.weights.get((dimension, value), 0)
            if weight:
                points += weight * factor
                reasons.append(reason)
        if points:
            reasons.sort(key=lambda reason: not reason.important)  # stable: important first
            scored.append((points, profile, tuple(reasons)))
        else:
            others.append(profile)

    scored.sort(key=lambda item: -item[0])  # stable: the alphabetical order stays within ties
    ties = Counter(points for points, _profile, _reasons in scored)
    matches = []
    for position, (points, profile, reasons) in enumerate(scored, start=1):
        place = matches[-1].rank if matches and matches[-1].points == points else position
        score = min(100, round(100 * points / best_possible))
        matches.append(Match(profile, points, score, place, reasons, shared=ties[points] > 1))
    return Ranking(matches=matches, others=others, answered=True, best_possible=best_possible)


def _wanted(answers, dimensions):
    """(dimension, value, factor, Reason) of each chosen value, in questionnaire order."""
    wanted = []
    for dimension in dimensions:
        chosen = answers.chosen.get(dimension.slug) or ()
        important = dimension.slug in answers.important
        for value in dimension.values:
            if value.slug in chosen:
                text = value.reason or f"{dimension.label} {value.label}"
                wanted.append(
                    (
                        dimension.slug,
                        value.slug,
                        IMPORTANT_FACTOR if important else 1,
                        Reason(dimension.label, value.label, text, important),
                    )
                )
    return wanted
