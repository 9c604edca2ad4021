"""Find what would change the points: one answer at a time, scored by the same table.

Each candidate is the profile with one answer improved (the next degree, the next experience
step, the next salary band, one more kind of research achievement, an unclaimed bonus...). Its
gain is the difference in total, so the exclusions (N2 beside N1, the SME addition without the
innovation one, rows a category lacks) are applied by the code that scores, never re-stated
here. Nothing the applicant cannot change (their age) is suggested.

``total(profile, t) -> int`` is passed in by ``points.hsp_points`` (which imports this module).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace

from assessments.hsp.ages import age_on, birthday
from assessments.hsp.choices import Bonus, Education, Position
from assessments.hsp.profile import (
    AGE_BANDED,
    GRADUATE_DEGREES,
    MAX_RESEARCH_ACHIEVEMENTS,
    HspProfile,
)
from assessments.hsp.result import PointsChange, Suggestion
from assessments.thresholds.snapshot import Thresholds

Total = Callable[[HspProfile, Thresholds], int]
Candidate = tuple[str, dict, HspProfile]


def suggestions(
    p: HspProfile, t: Thresholds, points: int, *, total: Total
) -> tuple[Suggestion, ...]:
    """Return, per item, the smallest change that adds points, the largest gain first."""
    found: dict[str, Suggestion] = {}
    for item, params, candidate in _candidates(p, t):
        if item in found:
            continue
        gain = total(candidate, t) - points
        if gain > 0:
            found[item] = Suggestion(item, gain, params)
    return tuple(sorted(found.values(), key=lambda s: -s.gain))  # stable: sheet order on ties


def _candidates(p: HspProfile, t: Thresholds) -> Iterator[Candidate]:
    """Yield improved profiles, each item's smallest step first."""
    yield from _education(p, t)
    if not p.multiple_degrees and p.education in GRADUATE_DEGREES:
        yield "multiple_degrees", {}, replace(p, multiple_degrees=True)
    for step in sorted(s["min_years"] for s in t[f"hsp.{p.category}.experience"]):
        if step > p.experience_years:
            yield "experience", {"years": step}, replace(p, experience_years=step)
    for band in sorted(b["min_salary"] for b in t[f"hsp.{p.category}.salary"]):
        if band > p.annual_salary:
            yield "salary", {"annual_salary": band}, replace(p, annual_salary=band)
    if p.research_achievements < MAX_RESEARCH_ACHIEVEMENTS:
        count = p.research_achievements + 1
        yield "research", {"count": count}, replace(p, research_achievements=count)
    count = p.national_licenses + 1
    yield "national_licenses", {"count": count}, replace(p, national_licenses=count)
    for rank in (Position.DIRECTOR, Position.REPRESENTATIVE):
        yield "position", {"position": rank.value}, replace(p, position=rank.value)
    if not p.investment_100m:
        yield "investment_100m", {}, replace(p, investment_100m=True)
    for code in Bonus.values:
        if code not in p.bonuses:
            claimed = tuple(c for c in Bonus.values if c in p.bonuses or c == code)
            yield code, {}, replace(p, bonuses=claimed)


def _education(p: HspProfile, t: Thresholds) -> Iterator[Candidate]:
    """Yield the degrees worth more than the current one, the least of them first."""
    order = [d for d in Education.values if d != Education.NONE]
    worth = {d: t[f"hsp.{p.category}.education.{d}"] or 0 for d in order}
    # On ties (ハ: doctor = master) suggest the lesser degree: later in the choices' order.
    for degree in sorted(order, key=lambda d: (worth[d], -order.index(d))):
        if worth[degree] > worth.get(p.education, 0):
            yield "education", {"degree": degree}, replace(p, education=degree)


def next_change(p: HspProfile, t: Thresholds, points: int, *, total: Total) -> PointsChange | None:
    """Return the next birthday on which the total falls, other answers unchanged (イ, ロ)."""
    if p.category not in AGE_BANDED or p.birth_date is None:
        return None
    age = age_on(p.birth_date, p.as_of)
    rows = [*t[f"hsp.{p.category}.age"], *t[f"hsp.{p.category}.salary"]]
    limits = sorted({r["below_age"] for r in rows if r["below_age"] and r["below_age"] > age})
    for limit in limits:
        if p.birth_date.year + limit > dt.MAXYEAR:  # a far-future as_of: no such birthday
            return None
        day = birthday(p.birth_date, limit)
        later = total(replace(p, as_of=day), t)
        if later < points:
            return PointsChange(on=day, age=limit, points=later)
    return None
