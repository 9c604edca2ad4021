"""Livelihood for naturalization (Nationality Act Art. 5(1)(iv)).

The applicant must be able to live on their own or their household's assets or skills
(生計を一にする配偶者その他の親族). No amount is published: practitioners treat about 180,000
yen a month take-home as stable for one person, add about 42,000 for each further member of
the household, and advise a year in the current job before applying. Public assistance fails.
Below the one-person figure fails; below the figure for the household (the applicant and the
dependants answered, as the permanent-residence livelihood counts them) is a risk, since the
bureau weighs the household's income against its outgoings. Every route of Art. 8 waives it (``routes.waived``),
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
PER_PERSON_KEY = "naturalization.livelihood.per_person_monthly_take_home"
JOB_KEY = "naturalization.livelihood.job_change_wait_years"
REFERENCE = "国籍法 5条1項4号（自己又は生計を一にする配偶者その他の親族の資産又は技能によつて生計を営むことができること）"


def livelihood(a: Answers, t: Thresholds) -> Finding:
    """Check the household's livelihood, unless a route of Art. 8 waives it."""
    return waived(_household_livelihood(a, t), a, t)


def household_size(a: Answers) -> int:
    """Return the people sharing the livelihood: the applicant and the dependants answered."""
    return 1 + a.dependents


def household_take_home(a: Answers, t: Thresholds) -> int:
    """Return the monthly take-home practitioners expect of the applicant's household."""
    return int(t[INCOME_KEY] + t[PER_PERSON_KEY] * (household_size(a) - 1))


def _household_livelihood(a: Answers, t: Thresholds) -> Finding:
    """Check public assistance, the household's take-home pay, and a recent job change."""
    if a.public_assistance:
        return Finding(ID, NOT_MET, "naturalization.livelihood.public_assistance", {}, REFERENCE)
    required, size = t[INCOME_KEY], household_size(a)
    scaled = household_take_home(a, t)
    if a.monthly_take_home is not None and a.monthly_take_home < required:
        params = {
            "income": a.monthly_take_home,
            "required": required,
            "household_size": size,
            "required_household": scaled,
        }
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
            {"required": scaled, "household_size": size},
            **cited(t, INCOME_KEY),
        )
    params = {"income": a.monthly_take_home, "required": scaled, "household_size": size}
    if a.monthly_take_home < scaled:
        params = {**params, "required_single": required, "per_person": t[PER_PERSON_KEY]}
        return Finding(
            ID,
            AT_RISK,
            "naturalization.livelihood.household_below",
            params,
            **cited(t, PER_PERSON_KEY),
        )
    return Finding(ID, MET, "naturalization.livelihood.ok", params, **cited(t, INCOME_KEY))
