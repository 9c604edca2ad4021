"""Age and capacity for naturalization (Nationality Act Art. 5(1)(ii)).

18 or older (20 before 2022-04-01) and of full capacity under the home country's law; the
home law cannot be checked here, so the wording reminds the applicant of it. Art. 7 (spouses of
Japanese nationals) and every route of Art. 8 waive it (``routes.waived``), from the day the
route's period has run.
Source: https://laws.e-gov.go.jp/law/325AC0000000147 (国籍法 5条1項2号, 7条, 8条).
"""

from __future__ import annotations

from assessments.eligibility.answers import Answers
from assessments.eligibility.rules.base import AT_RISK, MET, NOT_MET, Finding, cited
from assessments.eligibility.rules.dates import add_years, first_day_satisfied, years_between
from assessments.eligibility.rules.naturalization.routes import waived
from assessments.thresholds.snapshot import Thresholds

ID = "age"
KEY = "naturalization.age.min_years"


def age(a: Answers, t: Thresholds) -> Finding:
    """Check the minimum age, unless a route of Art. 7 or 8 waives it."""
    return waived(_minimum_age(a, t), a, t)


def _minimum_age(a: Answers, t: Thresholds) -> Finding:
    """Check the minimum age on the application date (the age that applies that day)."""
    if a.birth_date is None:
        return Finding(
            ID,
            AT_RISK,
            "naturalization.age.birth_date_missing",
            {"required": t[KEY]},
            **cited(t, KEY),
        )
    due = first_day_satisfied(t, a.application_date, lambda s: add_years(a.birth_date, s[KEY]))
    params = {"age": int(years_between(a.birth_date, a.application_date)), "required": t[KEY]}
    if due == a.application_date:
        return Finding(ID, MET, "naturalization.age.ok", params, **cited(t, KEY))
    return Finding(
        ID, NOT_MET, "naturalization.age.too_young", params, clears_on=due, **cited(t, KEY)
    )
