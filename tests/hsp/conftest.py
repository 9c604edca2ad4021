"""Helpers for the HSP calculator tests: a pinned table and profiles built from overrides."""

import datetime as dt
from dataclasses import replace

import pytest

from assessments.hsp.profile import HspProfile
from assessments.hsp.services import hsp_thresholds_from_defaults

#: Every test pins its dates; this is the default day of the calculation.
AS_OF = dt.date(2026, 12, 1)

#: The profile's fields as the contract names them, written out here rather than read from
#: the code under test, so that fuzzing keeps sending a field the code might stop knowing.
PROFILE_FIELDS = (
    "category",
    "as_of",
    "birth_date",
    "education",
    "multiple_degrees",
    "experience_years",
    "annual_salary",
    "research_achievements",
    "national_licenses",
    "position",
    "investment_100m",
    "bonuses",
)


def born_aged(age: int, *, on: dt.date = AS_OF, days_before_birthday: int = 0) -> dt.date:
    """Return a birth date giving ``age`` on ``on`` (that very birthday unless told otherwise)."""
    birthday = on.replace(year=on.year - age) + dt.timedelta(days=days_before_birthday)
    return birthday


def make_profile(**fields) -> HspProfile:
    """Return a technical (ロ) profile aged 45 with nothing to score, changed by ``fields``."""
    base = HspProfile(
        category="technical",
        as_of=AS_OF,
        birth_date=born_aged(45),
        annual_salary=3_000_000,
    )
    return replace(base, **fields)


def table(on: dt.date = AS_OF):
    return hsp_thresholds_from_defaults(on=on)


@pytest.fixture
def t():
    return table()
