"""Calendar arithmetic: anniversaries, 29 February, certifiable years, threshold changes."""

import datetime as dt

import pytest

from assessments.eligibility.rules.dates import (
    add_months,
    add_years,
    certifiable_years,
    first_changeable_year,
    first_day_satisfied,
    years_between,
)
from assessments.thresholds.snapshot import thresholds_from_defaults

D = dt.date


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        (D(2016, 12, 1), 10, D(2026, 12, 1)),
        (
            D(2016, 2, 29),
            10,
            D(2026, 3, 1),
        ),  # no 29 February in 2026: the full years end on 1 March
        (D(2016, 2, 29), 8, D(2024, 2, 29)),  # leap year: the anniversary exists
        (D(2016, 2, 28), 1, D(2017, 2, 28)),
        (D(2026, 12, 1), -5, D(2021, 12, 1)),
        (D(2024, 2, 29), -1, D(2023, 3, 1)),
    ],
    ids=lambda value: str(value),
)
def test_add_years_gives_the_anniversary(start, years, expected):
    assert add_years(start, years) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2024, 1, 1), 6, D(2024, 7, 1)),
        (D(2024, 8, 31), 6, D(2025, 3, 1)),  # 31 February does not exist
        (D(2024, 11, 15), 3, D(2025, 2, 15)),
        (D(2017, 4, 1), 30, D(2019, 10, 1)),
    ],
)
def test_add_months_gives_the_same_day_or_the_next_first(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2016, 12, 1), D(2026, 12, 1), 10.0),
        (D(2016, 12, 2), D(2026, 12, 1), 9.9),  # rounded down, never overstated
        (D(2017, 6, 1), D(2026, 12, 1), 9.5),
        (D(2026, 12, 1), D(2026, 12, 1), 0.0),
        (D(2027, 1, 1), D(2026, 12, 1), 0.0),
    ],
)
def test_years_between_is_rounded_down_to_one_decimal(start, end, expected):
    assert years_between(start, end) == expected


@pytest.mark.parametrize(
    ("on", "count", "expected"),
    [
        (D(2026, 12, 1), 5, [2025, 2024, 2023, 2022, 2021]),  # the contract's own example
        (D(2026, 6, 1), 3, [2025, 2024, 2023]),
        (D(2026, 5, 31), 3, [2024, 2023, 2022]),
        (D(2026, 1, 1), 1, [2024]),
    ],
)
def test_certifiable_years_start_from_the_last_certified_year(on, count, expected):
    assert certifiable_years(on, count, certificate_month=6) == expected


def test_first_day_satisfied_uses_the_values_in_force_on_each_later_day():
    """A 3-year wait ending after 2027-04-01 keeps the 3 years in force: the draft is not law."""
    t = thresholds_from_defaults(on=D(2026, 12, 1))
    key = "residence.spouse.marriage_min_years"
    married = D(2024, 6, 1)
    assert first_day_satisfied(t, t.as_of, lambda s: add_years(married, s[key])) == D(2027, 6, 1)
    married_earlier = D(2024, 1, 15)
    assert first_day_satisfied(t, t.as_of, lambda s: add_years(married_earlier, s[key])) == D(
        2027, 1, 15
    )


def test_first_day_satisfied_as_if_the_draft_were_adopted_uses_its_values_from_its_date():
    """Read as if adopted, the draft's 5 years apply from 2027-04-01 (what the draft would need)."""
    t = thresholds_from_defaults(on=D(2026, 12, 1)).with_drafts()
    key = "residence.spouse.marriage_min_years"
    married = D(2024, 6, 1)
    assert first_day_satisfied(t, t.as_of, lambda s: add_years(married, s[key])) == D(2029, 6, 1)


def test_first_day_satisfied_is_none_when_never_satisfiable():
    t = thresholds_from_defaults(on=D(2026, 12, 1))
    assert first_day_satisfied(t, t.as_of, lambda s: None) is None


def test_the_first_income_year_that_can_still_change_is_the_first_not_yet_begun():
    assert first_changeable_year(dt.date(2026, 12, 31)) == 2027
    assert first_changeable_year(dt.date(2027, 1, 1)) == 2027
    assert first_changeable_year(dt.date(2027, 1, 2)) == 2028
