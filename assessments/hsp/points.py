"""Score a profile on the Highly Skilled Professional points table (高度専門職ポイント計算表).

Source: the official sheet for categories イ, ロ and ハ
(https://www.moj.go.jp/isa/content/930001657.pdf). The points are data
(``data/hsp.yaml``, keys ``hsp.*``); this module holds the sheet's *structure*: which rows each
category's sheet has, that only the highest degree counts, and the exclusions between the
special additions. Pure: no ORM, no clock, no gettext; the result is codes plus params.
"""

from __future__ import annotations

from assessments.hsp.ages import age_on
from assessments.hsp.choices import Bonus, Category, Position
from assessments.hsp.jskip import jskip_check
from assessments.hsp.profile import AGE_BANDED, HspProfile
from assessments.hsp.result import HspPointsResult, Line, NotScored
from assessments.hsp.suggestions import next_change, suggestions
from assessments.thresholds.snapshot import Thresholds

ACADEMIC, TECHNICAL, BUSINESS = Category.ACADEMIC, Category.TECHNICAL, Category.BUSINESS
#: Rows that only some categories' sheets have.
RESEARCH_CATEGORIES = (ACADEMIC, TECHNICAL)
LICENSE_CATEGORIES = (TECHNICAL,)
BUSINESS_ONLY = (BUSINESS,)
#: Special additions limited to some categories: investment management is confirmed for ロ
#: and ハ only.
BONUS_CATEGORIES = {Bonus.INVESTMENT_MANAGEMENT: (TECHNICAL, BUSINESS)}
#: A bonus that counts only together with another (the SME addition needs the innovation one).
BONUS_REQUIRES = {Bonus.INNOVATION_SUPPORT_SME: Bonus.INNOVATION_SUPPORT}
#: A bonus that does not count when another has scored (N2 not with N1 nor a Japanese degree).
BONUS_EXCLUDED_BY = {Bonus.JLPT_N2: (Bonus.JLPT_N1, Bonus.JAPANESE_UNIVERSITY)}
#: The count from which the "two or more" row applies (research kinds, licences).
TWO_OR_MORE = 2


def _line(item: str, points: int | None, **params) -> Line | NotScored:
    """Return a scored line, or "not in force" when the sheet had no such row on that day."""
    if points is None:
        return NotScored(item, "not_in_force", params)
    return Line(item, points, params)


def _younger(age: int | None, limit: int) -> bool:
    """Return whether ``age`` is below ``limit``; an unknown age opens no age-limited band."""
    return age is not None and age < limit


def _count_row(key: str, count: int) -> str:
    return f"{key}.two_or_more" if count >= TWO_OR_MORE else f"{key}.one"


def education(p: HspProfile, t: Thresholds, age: int | None):
    """Score the highest degree only (注1: a doctor with a master's scores the doctorate)."""
    if p.education == "none":
        return None
    return _line("education", t[f"hsp.{p.category}.education.{p.education}"], degree=p.education)


def multiple_degrees(p: HspProfile, t: Thresholds, age: int | None):
    """Add the bonus for graduate degrees in two or more fields (on top of the highest)."""
    if not p.multiple_degrees:
        return None
    return _line("multiple_degrees", t["hsp.education.multiple_degrees"])


def experience(p: HspProfile, t: Thresholds, age: int | None):
    """Score the highest experience step reached (3, 5, 7 or 10 years, by category)."""
    steps = [s for s in t[f"hsp.{p.category}.experience"] if p.experience_years >= s["min_years"]]
    if not steps:
        return None
    step = max(steps, key=lambda s: s["points"])
    return Line(
        "experience", step["points"], {"years": p.experience_years, "step": step["min_years"]}
    )


def salary(p: HspProfile, t: Thresholds, age: int | None):
    """Score the salary band; for イ and ロ the lower bands are open only below an age."""
    bands = [b for b in t[f"hsp.{p.category}.salary"] if p.annual_salary >= b["min_salary"]]
    open_bands = [b for b in bands if b["below_age"] is None or _younger(age, b["below_age"])]
    if open_bands:
        band = max(open_bands, key=lambda b: b["points"])
        return Line(
            "salary", band["points"], {"annual_salary": p.annual_salary, "band": band["min_salary"]}
        )
    if bands:  # e.g. ¥4.5M at 31: the ¥4M band is for under-30s only.
        band = max(bands, key=lambda b: b["points"])
        return NotScored(
            "salary",
            "age_band",
            {"band": band["min_salary"], "below_age": band["below_age"], "age": age},
        )
    return None


def age_points(p: HspProfile, t: Thresholds, age: int | None):
    """Score the age band on ``as_of`` (イ and ロ only; ハ has no age row)."""
    if p.category not in AGE_BANDED:
        return None
    bands = [b for b in t[f"hsp.{p.category}.age"] if _younger(age, b["below_age"])]
    if not bands:
        return None
    return Line("age", max(b["points"] for b in bands), {"age": age})


def research(p: HspProfile, t: Thresholds, age: int | None):
    """Score the research achievements: one kind, or two or more (イ 20/25, ロ 15)."""
    count = p.research_achievements
    if not count:
        return None
    if p.category not in RESEARCH_CATEGORIES:
        return NotScored("research", "not_in_category", {"count": count})
    return _line("research", t[_count_row(f"hsp.{p.category}.research", count)], count=count)


def national_licenses(p: HspProfile, t: Thresholds, age: int | None):
    """Score Japanese national qualifications related to the work (ロ only: 1 or 2+)."""
    count = p.national_licenses
    if not count:
        return None
    if p.category not in LICENSE_CATEGORIES:
        return NotScored("national_licenses", "not_in_category", {"count": count})
    key = _count_row(f"hsp.{p.category}.national_license", count)
    return _line("national_licenses", t[key], count=count)


def position(p: HspProfile, t: Thresholds, age: int | None):
    """Score the position in the company (ハ only)."""
    if p.position == Position.NONE:
        return None
    if p.category not in BUSINESS_ONLY:
        return NotScored("position", "not_in_category", {"position": p.position})
    return _line("position", t[f"hsp.business.position.{p.position}"], position=p.position)


def investment_100m(p: HspProfile, t: Thresholds, age: int | None):
    """Score an investment of at least ¥100M in the business run (ハ only)."""
    if not p.investment_100m:
        return None
    if p.category not in BUSINESS_ONLY:
        return NotScored("investment_100m", "not_in_category")
    return _line("investment_100m", t["hsp.business.investment_100m"])


ITEMS = (
    education,
    multiple_degrees,
    experience,
    salary,
    age_points,
    research,
    national_licenses,
    position,
    investment_100m,
)


def bonuses(p: HspProfile, t: Thresholds) -> list[Line | NotScored]:
    """Score the special additions in the sheet's order, applying the exclusions."""
    results, scored = [], set()
    for code in p.bonuses:
        required = BONUS_REQUIRES.get(code)
        excluded_by = [c for c in BONUS_EXCLUDED_BY.get(code, ()) if c in scored]
        if p.category not in BONUS_CATEGORIES.get(code, Category.values):
            result = NotScored(code, "not_in_category")
        elif required and required not in scored:
            result = NotScored(code, "requires", {"other": required})
        elif excluded_by:
            result = NotScored(code, "excluded_by", {"other": excluded_by[0]})
        else:
            result = _line(code, t[f"hsp.bonus.{code}"])
        if isinstance(result, Line):
            scored.add(code)
        results.append(result)
    return results


def score(p: HspProfile, t: Thresholds) -> tuple[tuple[Line, ...], tuple[NotScored, ...]]:
    """Return the scored lines and the claimed items that score nothing, in the sheet's order."""
    age = age_on(p.birth_date, p.as_of) if p.birth_date else None
    results = [item(p, t, age) for item in ITEMS] + bonuses(p, t)
    lines = tuple(r for r in results if isinstance(r, Line))
    return lines, tuple(r for r in results if isinstance(r, NotScored))


def total(p: HspProfile, t: Thresholds) -> int:
    return sum(line.points for line in score(p, t)[0])


def hsp_points(profile: HspProfile, t: Thresholds) -> HspPointsResult:
    """Score ``profile`` with the table ``t`` and say whether it passes.

    It passes with at least the pass mark (``hsp.points_70``) *and*, for ロ and ハ, at least
    the minimum salary: below ¥3M the points do not qualify, however many.
    """
    lines, not_scored = score(profile, t)
    points = sum(line.points for line in lines)
    minimum = t[f"hsp.{profile.category}.min_annual_salary"]
    floor_met = minimum is None or profile.annual_salary >= minimum
    return HspPointsResult(
        category=profile.category,
        as_of=profile.as_of,
        age=age_on(profile.birth_date, profile.as_of) if profile.birth_date else None,
        points=points,
        passes=floor_met and points >= t["hsp.points_70"],
        pass_mark=t["hsp.points_70"],
        fast_track_mark=t["hsp.points_80"],
        minimum_salary=minimum,
        salary_floor_met=floor_met,
        breakdown=lines,
        not_scored=not_scored,
        suggestions=suggestions(profile, t, points, total=total),
        next_change=next_change(profile, t, points, total=total),
        j_skip=jskip_check(profile, t),
    )
