"""What changed between an earlier result and the one its changed answers gave.

"Change your answers" on a result opens the check again with those answers; the new result
keeps a link to the earlier one (``Assessment.changed_from``). This compares the two stored
answers documents and results, key by key: which answers changed, and what moved (the verdict,
the route, the earliest date, each requirement whose status changed). Plain data, worded by
``assessments/includes/changes.html``; the names of the answers are their questions
(``results.questions``).
"""

from __future__ import annotations

from dataclasses import dataclass

from assessments.eligibility.answers import Answers, answers_to_dict
from assessments.eligibility.choices import REQUIREMENT_IDS, RequirementStatus
from assessments.results.questions import QUESTIONS
from assessments.results.view import Finding, ResultView, stored_answers

#: Each contract key, named by the question that asks it, in the order the check asks them
#: (declared once in ``results.questions``).
ANSWER_NAMES = {question.key: question.question for question in QUESTIONS}


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
