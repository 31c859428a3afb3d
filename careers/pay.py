"""Pay transparency: the euro range of a set of grades on a date.

The range runs from the lowest step of the lowest grade to the highest step
of the highest grade, each amount taken from the rate with the latest
`valid_from` on or before the date. Plain functions, tested without HTTP;
`PayTable` loads the rates of several scales in one query so that list
pages show a range on every card without a query per card.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from careers.grades import parse_grades
from careers.rules import today


@dataclass(frozen=True)
class PayRange:
    minimum: Decimal
    maximum: Decimal

    def __str__(self):
        if self.minimum == self.maximum:
            return euros(self.minimum)
        return f"{euros(self.minimum)} bis {euros(self.maximum)}"


def euros(amount):
    """German notation, whole euros: Decimal("3456.78") -> "3.457 €"."""
    whole = int(Decimal(amount).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    return f"{whole:,}".replace(",", ".") + "\u00a0€"


def range_from_rates(rates, grades):
    """The range from (grade, step, amount, valid_from) rows already cut at the date.

    Rows may hold several amounts per grade and step; the latest valid_from
    wins. Grades without any rate are ignored; no rate at all gives None.
    """
    wanted = set(grades)
    current = {}
    for grade, step, amount, valid_from in rates:
        if grade not in wanted:
            continue
        key = (grade, step)
        if key not in current or valid_from > current[key][1]:
            current[key] = (amount, valid_from)
    if not current:
        return None
    steps = defaultdict(dict)
    for (grade, step), (amount, _valid_from) in current.items():
        steps[grade][step] = amount
    lowest = min(by_step[min(by_step)] for by_step in steps.values())
    highest = max(by_step[max(by_step)] for by_step in steps.values())
    return PayRange(minimum=lowest, maximum=highest)


def salary_range(scale, grades, on=None):
    """The euro range of `grades` (a list or "E 9b, E 10") in `scale` on a date."""
    from careers.models import PayRate

    if isinstance(grades, str):
        grades = parse_grades(grades)
    if scale is None or not grades:
        return None
    rows = PayRate.objects.filter(
        scale=scale, grade__in=grades, valid_from__lte=on or today()
    ).values_list("grade", "step", "amount", "valid_from")
    return range_from_rates(rows, grades)


class PayTable:
    """The rates of several scales up to a date, loaded in one query."""

    def __init__(self, scale_ids, on=None):
        from careers.models import PayRate

        self.rows = defaultdict(list)
        scale_ids = {pk for pk in scale_ids if pk}
        if scale_ids:
            rates = PayRate.objects.filter(
                scale_id__in=scale_ids, valid_from__lte=on or today()
            ).values_list("scale_id", "grade", "step", "amount", "valid_from")
            for scale_id, *row in rates:
                self.rows[scale_id].append(row)

    def range(self, scale_id, grades):
        if isinstance(grades, str):
            grades = parse_grades(grades)
        if not scale_id or not grades:
            return None
        return range_from_rates(self.rows.get(scale_id, []), grades)


def attach_pay_ranges(items, on=None):
    """Set `pay_range` on every item (job fields, postings) with one query in all."""
    items = list(items)
    table = PayTable((item.pay_scale_id for item in items), on)
    for item in items:
        item.pay_range = table.range(item.pay_scale_id, item.pay_grades)
    return items
