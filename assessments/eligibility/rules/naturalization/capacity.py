"""Age and capacity for naturalization (Nationality Act Art. 5(1)(ii)).

18 or older (20 before 2022-04-01) and of full capacity under the home country's law; the
home law cannot be checked here, so the wording reminds the applicant of it. Spouses (Art. 7)
and children (Art. 8) of Japanese nationals are exempt.
Source: https://laws.e-gov.go.jp/law/325AC0000000147 (国籍法 5条1項2号, 7条, 8条).
"""

from __future__ import annotations

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import ResidenceStatus as S
from assessments.eligibility.rules.base import AT_RISK, EXEMPT, MET, NOT_MET, Finding, cited
from assessments.eligibility.rules.dates import add_years, first_day_satisfied, years_between
from assessments.thresholds.snapshot import Thresholds

ID = "age"
KEY = "naturalization.age.min_years"
EXEMPT_REFERENCE = "国籍法 7条, 8条（5条1項2号の条件を備えないときでも帰化を許可できる）"


def age(a: Answers, t: Thresholds) -> Finding:
    """Check the minimum age on the application date (the age that applies that day)."""
    if a.status in (S.SPOUSE_OF_JAPANESE, S.CHILD_OF_JAPANESE):
        return Finding(ID, EXEMPT, "naturalization.age.exempt", {}, EXEMPT_REFERENCE)
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
