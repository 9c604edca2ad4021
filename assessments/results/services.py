"""Services: the only place that joins stored thresholds and the pure rules."""

from __future__ import annotations

from assessments.eligibility.answers import Answers
from assessments.eligibility.rules import evaluate
from assessments.eligibility.rules.base import Result
from assessments.thresholds.selectors import thresholds_at
from assessments.thresholds.snapshot import Thresholds


def assessment_evaluate(*, answers: Answers, thresholds: Thresholds | None = None) -> Result:
    """Evaluate ``answers`` with the thresholds in force on their application date."""
    thresholds = thresholds or thresholds_at(on=answers.application_date)
    return evaluate(answers, thresholds)
