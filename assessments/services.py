"""Services: the only place that joins stored thresholds and the pure rules."""

from __future__ import annotations

from dataclasses import replace

from .answers import Answers
from .rules import evaluate
from .rules.base import Result
from .rules.naturalization import evaluate_naturalization
from .thresholds import Thresholds, thresholds_at


def assessment_evaluate(*, answers: Answers, thresholds: Thresholds | None = None) -> Result:
    """Evaluate ``answers`` with the thresholds in force on their application date.

    The result carries both checks from the same answers: permanent residence, and beside it
    naturalization (the ``naturalization`` key of the result JSON).
    """
    thresholds = thresholds or thresholds_at(on=answers.application_date)
    result = evaluate(answers, thresholds)
    return replace(result, naturalization=evaluate_naturalization(answers, thresholds))
