"""Livelihood for naturalization (Nationality Act Art. 5(1)(iv)).

The applicant must be able to live on their own or their household's assets or skills
(生計を一にする配偶者その他の親族). No amount is published: practitioners treat about 180,000
yen a month take-home for the household as stable, and advise a year in the current job
before applying. Public assistance fails. Every route of Art. 8 waives it (``routes.waived``),
from the day the route's period has run.
Sources: https://laws.e-gov.go.jp/law/325AC0000000147; practitioners (see the thresholds).
"""

from __future__ import annotations

from assessments.eligibility.answers import Answers
from assessments.eligibility.rules.base import AT_RISK, MET, NOT_MET, Finding, cited
from assessments.eligibility.rules.dates import add_years, first_day_satisfied
from assessments.eligibility.rules.naturalization.routes import waived
from assessments.thresholds.snapshot import Thresholds

ID = "livelihood"
INCOME_KEY = "naturalization.livelihood.min_monthly_take_home"
JOB_KEY = "naturalization.livelihood.job_change_wait_years"
REFERENCE = "国籍法 5条1項4号（自己又は生計を一にする配偶者その他の親族の資産又は技能によつて生計を営むことができること）"


def livelihood(a: Answers, t: Thresholds) -> Finding:
    """Check the household's livelihood, unless a route of Art. 8 waives it."""
    return waived(_household_livelihood(a, t), a, t)


def _household_livelihood(a: Answers, t: Thresholds) -> Finding:
    """Check public assistance, the household's take-home pay, and a recent job change."""
    if a.public_assistance:
        return Finding(ID, NOT_MET, "naturalization.livelihood.public_assistance", {}, REFERENCE)
    required = t[INCOME_KEY]
    if a.monthly_take_home is not None and a.monthly_take_home < required:
        params = {"income": a.monthly_take_home, "required": required}
        return Finding(
            ID, NOT_MET, "naturalization.livelihood.income_below", params, **cited(t, INCOME_KEY)
        )
    changed = a.last_job_change_date
    if changed is not None:
        due = first_day_satisfied(t, a.application_date, lambda s: add_years(changed, s[JOB_KEY]))
        if due > a.application_date:
            params = {"date": changed, "wait_years": t[JOB_KEY]}
            return Finding(
                ID,
                NOT_MET,
                "naturalization.livelihood.job_changed",
                params,
                clears_on=due,
                **cited(t, JOB_KEY),
            )
    if a.monthly_take_home is None:
        return Finding(
            ID,
            AT_RISK,
            "naturalization.livelihood.income_missing",
            {"required": required},
            **cited(t, INCOME_KEY),
        )
    params = {"income": a.monthly_take_home, "required": required}
    return Finding(ID, MET, "naturalization.livelihood.ok", params, **cited(t, INCOME_KEY))
