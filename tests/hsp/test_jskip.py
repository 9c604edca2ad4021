"""jskip_check(): the J-Skip criteria, a separate check from the points."""

import datetime as dt

import pytest

from assessments.hsp.jskip import jskip_check
from tests.hsp.conftest import make_profile, table

JSKIP = [
    ("ロ: a master's and ¥20M qualify", "technical", "master", 0, 20_000_000, True),
    ("ロ: a master's and ¥19,999,999 do not", "technical", "master", 0, 19_999_999, False),
    ("ロ: an MBA counts as a master's or higher", "technical", "mba_mot", 0, 20_000_000, True),
    (
        "ロ: a bachelor's with 10 years and ¥20M qualify",
        "technical",
        "bachelor",
        10,
        20_000_000,
        True,
    ),
    ("ロ: a bachelor's with 9.9 years do not", "technical", "bachelor", 9.9, 20_000_000, False),
    ("イ: a doctorate and ¥20M qualify", "academic", "doctor", 0, 20_000_000, True),
    ("イ: no degree but 10 years and ¥25M qualify", "academic", "none", 10, 25_000_000, True),
    ("ハ: 5 years of management and ¥40M qualify", "business", "none", 5, 40_000_000, True),
    ("ハ: 5 years and ¥39,999,999 do not", "business", "none", 5, 39_999_999, False),
    ("ハ: a doctorate does not replace the 5 years", "business", "doctor", 4.9, 40_000_000, False),
]


@pytest.mark.parametrize(
    ("category", "education", "years", "salary", "eligible"),
    [c[1:] for c in JSKIP],
    ids=[c[0] for c in JSKIP],
)
def test_j_skip_needs_the_salary_and_a_degree_or_the_experience(
    category, education, years, salary, eligible
):
    profile = make_profile(
        category=category, education=education, experience_years=years, annual_salary=salary
    )
    result = jskip_check(profile, table(dt.date(2026, 12, 1)))
    assert result.available is True
    assert result.eligible is eligible


def test_j_skip_is_not_available_the_day_before_it_started_on_2023_04_21():
    profile = make_profile(education="doctor", annual_salary=50_000_000)
    assert jskip_check(profile, table(dt.date(2023, 4, 20))).available is False
    on_the_day = jskip_check(profile, table(dt.date(2023, 4, 21)))
    assert (on_the_day.available, on_the_day.eligible) == (True, True)
