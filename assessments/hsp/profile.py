"""The HSP profile: a frozen, validated value object (`docs/contract.md`, "HSP points").

The CLI, the API and the page all build ``HspProfile`` through ``profile_from_dict``, so the
same input is checked the same way everywhere. Invalid input raises ``HspProfileInvalid`` with
errors keyed by field (``"bonuses[2]"``), each a code plus params, worded at the edge
(``hsp/messages.py``), exactly as ``answers.py`` does for the PR answers.

Items a category does not have (licences outside ロ, a position outside ハ) are accepted and
reported as not scored, so that one form can serve every category; what the table forbids
(N2 with N1) is scoring, not validation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from assessments.eligibility.answers import _Reader
from assessments.hsp.choices import Bonus, Category, Education, Position, ResearchKind

SCHEMA = "prcheck.hsp_profile/1"
#: Input limits (not legal thresholds): protect the calculator from absurd input.
MAX_EXPERIENCE_YEARS = 80
MAX_NATIONAL_LICENSES = 50
MAX_RESEARCH_ACHIEVEMENTS = len(ResearchKind)
GRADUATE_DEGREES = (Education.DOCTOR, Education.MBA_MOT, Education.MASTER)
#: Categories whose points depend on age (the salary and age bands of イ and ロ).
AGE_BANDED = (Category.ACADEMIC, Category.TECHNICAL)

KNOWN_KEYS = frozenset(
    {
        "schema",
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
    }
)


@dataclass(frozen=True)
class HspProfile:
    """Every field of the contract's HSP profile; ``bonuses`` in the sheet's order, once each."""

    category: str
    as_of: dt.date
    annual_salary: int
    birth_date: dt.date | None = None
    education: str = Education.NONE.value
    multiple_degrees: bool = False
    experience_years: float = 0
    research_achievements: int = 0
    national_licenses: int = 0
    position: str = Position.NONE.value
    investment_100m: bool = False
    bonuses: tuple[str, ...] = ()

    def to_json(self) -> dict:
        data = asdict(self)
        data["as_of"] = self.as_of.isoformat()
        data["birth_date"] = self.birth_date.isoformat() if self.birth_date else None
        data["bonuses"] = list(self.bonuses)
        return data


class HspProfileInvalid(ValueError):
    """The input does not satisfy the contract. ``errors``: {field: [(code, params)]}."""

    def __init__(self, errors: dict[str, list[tuple[str, dict]]]):
        self.errors = errors
        super().__init__(f"invalid HSP profile: {', '.join(sorted(errors))}")


def profile_from_dict(data: Any, *, today: dt.date) -> HspProfile:
    """Validate a profile (parsed JSON or a form's data) and return ``HspProfile``.

    ``today`` is the default ``as_of``; the caller supplies it so that this module never
    reads the clock. Raise ``HspProfileInvalid`` with every error found.
    """
    if not isinstance(data, dict):
        raise HspProfileInvalid({"": [("invalid_type", {"expected": "object"})]})
    r = _Reader(data)
    for key in sorted(set(data) - KNOWN_KEYS):
        r.error(key, "unknown_field")
    if data.get("schema") not in (None, SCHEMA):
        r.error("schema", "invalid_choice", value=str(data.get("schema"))[:40])

    as_of = r.date(data.get("as_of"), "as_of") or today
    category = r.choice(data.get("category"), "category", Category)
    fields = {
        "category": category,
        "as_of": as_of,
        "birth_date": _birth_date(r, data, category, as_of),
        "education": r.choice(_or(data, "education", Education.NONE), "education", Education),
        "multiple_degrees": r.boolean(data.get("multiple_degrees"), "multiple_degrees", False),
        "experience_years": _years(r, data.get("experience_years"), "experience_years"),
        "annual_salary": r.integer(data.get("annual_salary"), "annual_salary", required=True),
        "research_achievements": r.integer(
            data.get("research_achievements"),
            "research_achievements",
            maximum=MAX_RESEARCH_ACHIEVEMENTS,
        ),
        "national_licenses": r.integer(
            data.get("national_licenses"), "national_licenses", maximum=MAX_NATIONAL_LICENSES
        ),
        "position": r.choice(_or(data, "position", Position.NONE), "position", Position),
        "investment_100m": r.boolean(data.get("investment_100m"), "investment_100m", False),
        "bonuses": _bonuses(r, data.get("bonuses")),
    }
    if fields["multiple_degrees"] and fields["education"] not in (None, *GRADUATE_DEGREES):
        r.error("multiple_degrees", "requires_graduate_degree")
    if r.errors:
        raise HspProfileInvalid(r.errors)
    return HspProfile(**fields)


def _or(data: dict, key: str, default) -> Any:
    """Return ``data[key]``, or the default's value when the key is absent or null."""
    value = data.get(key)
    return default.value if value is None else value


def _birth_date(r: _Reader, data: dict, category: str | None, as_of: dt.date):
    """Read the birth date: needed for the age-banded categories, never after ``as_of``."""
    required = category in AGE_BANDED
    birth = r.date(data.get("birth_date"), "birth_date", required=required)
    if birth is not None and birth > as_of:
        r.error("birth_date", "after_as_of", limit=as_of.isoformat())
    return birth


def _years(r: _Reader, value, path: str) -> float:
    """Read a non-negative number of years (fractions allowed: 2.9 years is not 3)."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int | float):
        r.error(path, "invalid_type", expected="number")
        return 0
    if value != value or value < 0:  # NaN never reaches here from JSON, but a form could.
        r.error(path, "negative")
        return 0
    if value > MAX_EXPERIENCE_YEARS:
        r.error(path, "too_large", maximum=MAX_EXPERIENCE_YEARS)
        return 0
    return value


def _bonuses(r: _Reader, value) -> tuple[str, ...]:
    """Read the claimed bonuses; a repeated code counts once (top_university "once")."""
    claimed = set()
    for i, code in enumerate(r.items(value, "bonuses")):
        if r.choice(code, f"bonuses[{i}]", Bonus) is not None:
            claimed.add(code)
    return tuple(code for code in Bonus.values if code in claimed)
