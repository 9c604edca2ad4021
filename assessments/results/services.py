"""Services of results: evaluate answers, store a completed check, delete it.

``assessment_evaluate`` is the only place that joins stored thresholds and the pure rules;
the wizard, the command line and the API all call it.
"""

from __future__ import annotations

from dataclasses import replace

from django.db import transaction

from assessments.eligibility.answers import Answers, answers_to_dict
from assessments.eligibility.rules import evaluate
from assessments.eligibility.rules.base import Result
from assessments.eligibility.rules.file_by import plan_filing
from assessments.eligibility.rules.naturalization import evaluate_naturalization
from assessments.results.models import Assessment
from assessments.results.page_cache import page_cache_delete
from assessments.thresholds.selectors import thresholds_at
from assessments.thresholds.snapshot import Thresholds


def assessment_evaluate(*, answers: Answers, thresholds: Thresholds | None = None) -> Result:
    """Evaluate ``answers`` with the thresholds in force on their application date.

    The result carries both checks from the same answers: permanent residence, and beside it
    naturalization (the ``naturalization`` key of the result JSON), and the file-by planner:
    what the dated changes of the next two years change for these answers (``rule_changes``,
    ``file_by``). A permanent resident's answers get the keep-PR check alone.
    """
    thresholds = thresholds or thresholds_at(on=answers.application_date)
    result = evaluate(answers, thresholds)
    if result.keep_pr is not None:
        # A permanent resident's check: nothing to apply for, so no naturalization or filing plan.
        return result
    return replace(
        result,
        naturalization=evaluate_naturalization(answers, thresholds),
        filing_plan=plan_filing(answers, thresholds),
    )


@transaction.atomic
def assessment_store(
    *, answers: Answers, result: Result, language: str, changed_from: Assessment | None = None
) -> Assessment:
    """Store a completed check under a fresh unguessable token, with the thresholds it used.

    ``changed_from``: the earlier result whose answers the applicant changed to get this one
    (its page then says what changed). The earlier one is kept as it was.
    """
    assessment = Assessment.objects.create(
        changed_from=changed_from,
        language=language,
        application_date=answers.application_date,
        route=result.route,
        overall=result.overall,
        score=result.best.score,
        answers=answers_to_dict(answers),
        result=result.to_json(),
    )
    assessment.thresholds_used.set(result.threshold_ids)
    return assessment


def assessment_delete(*, token: str) -> bool:
    """Delete the assessment behind ``token`` (expired or not), with everything it holds.

    Answers, result and the stored PDF live in the one row, so the link stops working at once.
    Return whether there was one.
    """
    deleted, _ = Assessment.objects.filter(token=token).delete()
    page_cache_delete(token=token)
    return bool(deleted)


def assessment_delete_earlier(*, token: str) -> bool:
    """Delete the earlier result the one behind ``token`` was changed from; return whether any.

    The new result's page offers it, so the applicant never needs the earlier link.
    """
    earlier = Assessment.objects.filter(changed_into__token=token).only("token").first()
    if earlier is None:
        return False
    deleted, _ = Assessment.objects.filter(pk=earlier.pk).delete()
    page_cache_delete(token=earlier.token)
    return bool(deleted)
