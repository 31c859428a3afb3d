"""careers/pay.py and careers/grades.py: euro ranges from pay tables, without HTTP."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.grades import normalise_grade, parse_grades
from careers.pay import PayRange, PayTable, attach_pay_ranges, euros, range_from_rates, salary_range
from tests.careers.conftest import RATES_2024, RATES_2025


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("E 9b", "E 9b"),
        ("e9B", "E 9b"),
        (" A10 ", "A 10"),
        ("S 11b", "S 11b"),
        ("Ausbildung", "Ausbildung"),
    ],
)
def test_grades_are_normalised(text, grade):
    assert normalise_grade(text) == grade


def test_grade_lists_split_on_commas_and_drop_duplicates():
    assert parse_grades("E 9b, e10; E9B / A 10") == ["E 9b", "E 10", "A 10"]
    assert parse_grades("") == []


def test_range_runs_from_lowest_step_of_lowest_grade_to_highest_step_of_highest():
    rows = [
        ("E 9b", 1, Decimal("4000"), RATES_2025),
        ("E 9b", 6, Decimal("5200"), RATES_2025),
        ("E 10", 1, Decimal("4400"), RATES_2025),
        ("E 10", 6, Decimal("5700"), RATES_2025),
        ("E 11", 6, Decimal("9999"), RATES_2025),  # not asked for
    ]

    assert range_from_rates(rows, ["E 9b", "E 10"]) == PayRange(Decimal("4000"), Decimal("5700"))


def test_latest_rate_valid_on_the_date_wins():
    rows = [
        ("E 9b", 1, Decimal("3900"), RATES_2024),
        ("E 9b", 1, Decimal("4000"), RATES_2025),
    ]

    assert range_from_rates(rows, ["E 9b"]).minimum == Decimal("4000")


def test_no_rates_no_range():
    assert range_from_rates([], ["E 9b"]) is None


@pytest.mark.django_db
def test_salary_range_uses_the_table_valid_on_the_date(tvoed):
    # E 9b: 3500..4000 (2024), E 10: 4000..4500 (2024); 2025 adds 150 to each.
    in_2024 = salary_range(tvoed, "E 9b, E 10", on=datetime.date(2024, 12, 31))
    in_2025 = salary_range(tvoed, ["E 9b", "E 10"], on=datetime.date(2025, 4, 1))
    before = salary_range(tvoed, "E 9b", on=datetime.date(2020, 1, 1))

    assert in_2024 == PayRange(Decimal("3500"), Decimal("4500"))
    assert in_2025 == PayRange(Decimal("3650"), Decimal("4650"))
    assert before is None


@pytest.mark.django_db
def test_unknown_grades_are_ignored_and_nothing_known_gives_none(tvoed):
    on = datetime.date(2025, 6, 1)

    assert salary_range(tvoed, "E 5, X 99", on=on) == PayRange(Decimal("3150"), Decimal("3650"))
    assert salary_range(tvoed, "X 99", on=on) is None
    assert salary_range(None, "E 5", on=on) is None


@pytest.mark.django_db
def test_pay_table_computes_ranges_of_many_items_in_one_query(tvoed):
    class Item:
        def __init__(self, grades):
            self.pay_scale_id = tvoed.pk
            self.pay_grades = grades

    items = [Item("E 5"), Item("E 9b, E 10"), Item("E 10"), Item("")]

    with CaptureQueriesContext(connection) as queries:
        attach_pay_ranges(items, on=datetime.date(2025, 6, 1))

    assert len(queries) == 1
    assert [str(item.pay_range) for item in items[:3]] == [
        "3.150\u00a0€ bis 3.650\u00a0€",
        "3.650\u00a0€ bis 4.650\u00a0€",
        "4.150\u00a0€ bis 4.650\u00a0€",
    ]
    assert items[3].pay_range is None
    assert PayTable([], on=datetime.date(2025, 6, 1)).range(None, "E 5") is None


def test_euros_in_german_notation():
    assert euros(Decimal("3456.50")) == "3.457\u00a0€"
    assert str(PayRange(Decimal("1293"), Decimal("1293"))) == "1.293\u00a0€"
