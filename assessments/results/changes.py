"""What changed between an earlier result and the one its changed answers gave.

"Change your answers" on a result opens the check again with those answers; the new result
keeps a link to the earlier one (``Assessment.changed_from``). This compares the two stored
answers documents and results, key by key: which answers changed, and what moved (the verdict,
the route, the earliest date, each requirement whose status changed). Plain data, worded by
``assessments/includes/changes.html``; the names of the answers are their questions' labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from assessments.eligibility.answers import Answers, answers_to_dict
from assessments.eligibility.choices import REQUIREMENT_IDS, RequirementStatus
from assessments.results.view import Finding, ResultView, stored_answers

#: Each contract key, named by the question that asks it (in the order the check asks them).
ANSWER_NAMES = {
    "application_date": _("When do you plan to apply?"),
    "status": _("Your current status of residence"),
    "immigration_bureau": _("Which regional immigration bureau will you apply at?"),
    "period_of_stay_years": _("Period of stay granted with this status"),
    "status_expiry_date": _("When does your period of stay end?"),
    "meets_landing_standards": _(
        "Does your current job or activity still meet the requirements of your status?"
    ),
    "business_manager_standards": _(
        "Does your business meet the Business Manager standards now in force?"
    ),
    "residence_start_date": _("When did your current continuous residence in Japan start?"),
    "qualifying_status_start_date": _(
        "Since when have you lived in Japan on a work or residence-based status?"
    ),
    "contribution_to_japan": _("Has your contribution to Japan been recognised?"),
    "marriage_date": _("When did you marry?"),
    "status_grant_date": _(
        "When were you granted your current status, or recognised as a refugee?"
    ),
    "hsp_points": _("Highly Skilled Professional points"),
    "hsp_points_changes": _("Highly Skilled Professional points"),
    "hsp_points_maintained": _("Did you keep at least that many points the whole time in between?"),
    "jskip_eligible": _("Do you meet the J-Skip criteria now, and did you one year ago?"),
    "trips": _("Your trips abroad"),
    "dependents": _("How many dependants do you claim for tax?"),
    "dependents_abroad": _("Of those, how many live outside Japan?"),
    "assets": _("Savings and other assets, in yen"),
    "public_assistance": _("Does anyone in your household receive public assistance (生活保護)?"),
    "employment": _("Your main job"),
    "income": _("Your income"),
    "payments": _("Which payments were late, or are still unpaid?"),
    "pension_enrolled": _("Are you enrolled in the public pension, or lawfully exempted?"),
    "health_insurance_enrolled": _("Are you enrolled in public health insurance?"),
    "missed_notifications": _("Which notifications were filed late, or not at all?"),
    "criminal_records": _("Which sentences have you received in Japan?"),
    "traffic_violations": _("Which traffic violations have you had in Japan?"),
    "unauthorized_work": _("Have you ever worked outside what your status allows?"),
    "public_health_risk": _(
        "Do you have a condition that could harm public health, such as drug addiction?"
    ),
    "guarantor": _("Who will be your guarantor (身元保証人)?"),
    "birth_date": _("Your date of birth"),
    "born_in_japan": _("Were you born in Japan?"),
    "parent_former_japanese": _("Was your father or mother ever a Japanese national?"),
    "former_japanese_national": _("Were you ever a Japanese national yourself?"),
    "adopted_by_japanese_as_minor": _(
        "Were you adopted by a Japanese national while you were under age?"
    ),
    "japanese_level": _("Your level of Japanese"),
    "nationality_renounceable": _("Can you give up your current nationality?"),
    "monthly_take_home": _("Monthly take-home pay of your household (yen)"),
    "last_job_change_date": _(
        "If you changed jobs in the last year: the day you started your current job"
    ),
    "family_arrears": _("Does anyone in your household have taxes or social insurance overdue?"),
    "parent_born_in_japan": _("Was your father or mother also born in Japan?"),
    "stateless_since_birth": _("Have you had no nationality at all since you were born?"),
}


#: The status of a requirement one of the two results does not have.
NONE = RequirementStatus.NOT_APPLICABLE.value


#: Findings whose advice is to answer a question and run the check again -> that question's
#: contract key. The result page links the advice to the question ("Answer this question").
QUESTION_OF_FINDING = {
    "period_of_stay.missing_expiry": "status_expiry_date",
    "residence_period.grant_date_missing": "status_grant_date",
    "residence_period.marriage_date_missing": "marriage_date",
    "residence_period.hsp_points_missing": "hsp_points",
    "livelihood.income_missing": "income",
    "naturalization.age.birth_date_missing": "birth_date",
    "naturalization.japanese.level_missing": "japanese_level",
    "naturalization.livelihood.income_missing": "monthly_take_home",
    "naturalization.nationality.renounceable_missing": "nationality_renounceable",
    "naturalization.residence.marriage_date_missing": "marriage_date",
}


def question_of(finding: Finding) -> str | None:
    """Return the contract key a finding (``results.view.Finding``) asks to answer, or None."""
    return QUESTION_OF_FINDING.get(finding.code)


@dataclass(frozen=True)
class Moved:
    """A value of the result before and after (a verdict, a route, a date, a status)."""

    before: object
    after: object


@dataclass(frozen=True)
class RequirementMoved:
    id: str
    before: str
    after: str


@dataclass(frozen=True)
class Changes:
    """What the changed answers changed. Empty fields: nothing of that kind moved."""

    answers: tuple[str, ...]  # the questions, named (ANSWER_NAMES), each once, in check order
    overall: Moved | None
    route: Moved | None
    earliest_date: Moved | None
    requirements: tuple[RequirementMoved, ...]

    @property
    def result_moved(self) -> bool:
        return bool(self.overall or self.route or self.earliest_date or self.requirements)


def changed_keys(before: Answers | None, after: Answers | None) -> tuple[str, ...]:
    """Return the contract keys whose values differ, in the order the check asks them.

    A trip's ``planned`` flag follows the day of the check, not an answer, so it is ignored.
    """
    before, after = _comparable(before), _comparable(after)
    keys = [k for k in ANSWER_NAMES if before.get(k) != after.get(k)]
    return tuple(keys)


def _comparable(answers: Answers | None) -> dict:
    """The answers as contract JSON (parsed first, so both sides are written alike)."""
    if answers is None:
        return {}
    data = answers_to_dict(answers)
    data["trips"] = [{k: v for k, v in t.items() if k != "planned"} for t in data["trips"]]
    return data


def _moved(before, after) -> Moved | None:
    return None if before == after else Moved(before=before, after=after)


def result_changes(
    *, before_answers: dict, after_answers: dict, before_result: dict, after_result: dict
) -> Changes:
    """Compare an earlier stored check with the one its changed answers gave.

    Both results are read through the typed view (``ResultView``), the answers parsed back to
    ``Answers``: the verdicts compared are the ones each page shows.
    """
    before = ResultView.from_json(before_result)
    after = ResultView.from_json(after_result)
    keys = changed_keys(
        stored_answers(before_answers, application_date=before.application_date),
        stored_answers(after_answers, application_date=after.application_date),
    )
    names = dict.fromkeys(ANSWER_NAMES[k] for k in keys)
    old = {f.id: f.status for f in before.requirements if f.id}
    new = {f.id: f.status for f in after.requirements if f.id}
    order = [*REQUIREMENT_IDS, *(k for k in {**old, **new} if k not in REQUIREMENT_IDS)]
    requirements = tuple(
        RequirementMoved(id=key, before=old.get(key, NONE), after=new.get(key, NONE))
        for key in order
        if (key in old or key in new) and old.get(key) != new.get(key)
    )
    return Changes(
        answers=tuple(names),
        overall=_moved(before.overall, after.overall),
        route=_moved(before.route, after.route),
        earliest_date=_moved(before.earliest_date, after.earliest_date),
        requirements=requirements,
    )
