"""What the HSP calculator returns: lines, items not scored, suggestions, as codes plus params.

Nothing here is worded: the page and the API's consumers translate ``item``, ``reason`` and
``params`` at the edge, so one result reads in Japanese and in English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "prcheck.hsp_points/1"
REFERENCE = (
    "高度専門職ポイント計算表（出入国在留管理庁 参考書式）; "
    "出入国管理及び難民認定法別表第一の二の表の高度専門職の項の下欄の基準を定める省令"
)


def json_value(value: Any) -> Any:
    """Return ``value`` as JSON has it: dates as ISO text, whole floats as integers."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    return value


def _params(params: dict) -> dict:
    return {key: json_value(value) for key, value in params.items()}


@dataclass(frozen=True)
class Line:
    """One scored line of the breakdown: ``item`` is a row of the sheet or a bonus code."""

    item: str
    points: int
    params: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"item": self.item, "points": self.points, "params": _params(self.params)}


@dataclass(frozen=True)
class NotScored:
    """A claimed item that scores nothing, and why (``reason`` is a code)."""

    item: str
    reason: str
    params: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"item": self.item, "reason": self.reason, "params": _params(self.params)}


@dataclass(frozen=True)
class Suggestion:
    """One change to the profile that would add ``gain`` points on its own."""

    item: str
    gain: int
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PointsChange:
    """The next birthday on which the total falls (age and salary bands), with the new total."""

    on: dt.date
    age: int
    points: int


@dataclass(frozen=True)
class JSkipResult:
    """The J-Skip (特別高度人材) check: salary, and a degree or enough experience."""

    available: bool
    eligible: bool = False
    salary_met: bool = False
    education_met: bool = False
    experience_met: bool = False
    min_annual_salary: int | None = None
    min_experience_years: int | None = None

    def to_json(self) -> dict:
        return {key: json_value(value) for key, value in self.__dict__.items()}


@dataclass(frozen=True)
class HspPointsResult:
    """The contract's output (category, points, passes, breakdown) plus compatible extras."""

    category: str
    as_of: dt.date
    age: int | None
    points: int
    passes: bool
    pass_mark: int
    fast_track_mark: int
    minimum_salary: int | None
    salary_floor_met: bool
    breakdown: tuple[Line, ...]
    not_scored: tuple[NotScored, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    next_change: PointsChange | None = None
    j_skip: JSkipResult = JSkipResult(available=False)

    @property
    def gap_to_70(self) -> int:
        """Points missing to the pass mark (named after the contract, valued from data)."""
        return max(self.pass_mark - self.points, 0)

    @property
    def gap_to_80(self) -> int:
        """Points missing to the 1-year PR mark."""
        return max(self.fast_track_mark - self.points, 0)

    def closes(self, suggestion: Suggestion, mark: int) -> bool:
        return self.points < mark <= self.points + suggestion.gain

    def to_json(self) -> dict:
        change = self.next_change
        return {
            "schema": SCHEMA,
            "category": self.category,
            "as_of": self.as_of.isoformat(),
            "age": self.age,
            "points": self.points,
            "passes": self.passes,
            "pass_mark": self.pass_mark,
            "breakdown": [line.to_json() for line in self.breakdown],
            "not_scored": [item.to_json() for item in self.not_scored],
            "gap_to_70": self.gap_to_70,
            "gap_to_80": self.gap_to_80,
            "minimum_salary": self.minimum_salary,
            "salary_floor_met": self.salary_floor_met,
            "suggestions": [
                {
                    "item": s.item,
                    "gain": s.gain,
                    "params": _params(s.params),
                    "closes_gap_to_70": self.closes(s, self.pass_mark),
                    "closes_gap_to_80": self.closes(s, self.fast_track_mark),
                }
                for s in self.suggestions
            ],
            "next_change": (
                {"on": change.on.isoformat(), "age": change.age, "points": change.points}
                if change
                else None
            ),
            "j_skip": self.j_skip.to_json(),
            "reference": REFERENCE,
        }


def counted_points(result: HspPointsResult) -> int:
    """Return the points that count: none below the category's minimum salary (ロ, ハ).

    The table's note says points below the salary floor do not qualify however many they
    are; the engine compares numbers only, so it is given zero and says they fall short.
    """
    return result.points if result.salary_floor_met else 0
