"""Check the J-Skip criteria (特別高度人材制度, from 2023-04-21), separately from the points.

Source: ISA, J-Skip overview (https://www.moj.go.jp/isa/content/001395002.pdf): academic and technical work need a master's degree or higher *or* 10 years' experience,
plus ¥20M a year; business management needs 5 years' management experience plus ¥40M a year.
The numbers and the qualifying degrees are data (``hsp.jskip.*``); before J-Skip existed the
salary key is empty and the check says "not available".
"""

from __future__ import annotations

from assessments.hsp.profile import HspProfile
from assessments.hsp.result import JSkipResult
from assessments.thresholds.snapshot import Thresholds


def jskip_check(profile: HspProfile, t: Thresholds) -> JSkipResult:
    """Return whether ``profile`` meets the J-Skip criteria of its category on ``t.as_of``."""
    prefix = f"hsp.jskip.{profile.category}"
    min_salary = t[f"{prefix}.min_annual_salary"]
    if min_salary is None:
        return JSkipResult(available=False)
    min_years = t[f"{prefix}.min_experience_years"]
    salary_met = profile.annual_salary >= min_salary
    education_met = profile.education in t[f"{prefix}.qualifying_degrees"]
    experience_met = profile.experience_years >= min_years
    return JSkipResult(
        available=True,
        eligible=salary_met and (education_met or experience_met),
        salary_met=salary_met,
        education_met=education_met,
        experience_met=experience_met,
        min_annual_salary=min_salary,
        min_experience_years=min_years,
    )
