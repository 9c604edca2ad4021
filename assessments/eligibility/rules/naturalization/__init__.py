"""Naturalization (帰化) beside permanent residence: ``evaluate_naturalization(answers, t)``.

The same answers, the same ``Finding`` shape, the same verdict and earliest date
(``overall_of``) as the permanent-residence engine, for the requirements of Nationality Act
Arts. 5–8 and the Legal Affairs Bureau's practice. One small module per requirement group;
every rule runs. Pure: no ORM, no clock, no translation.
Source: https://laws.e-gov.go.jp/law/325AC0000000147 (国籍法).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from assessments.eligibility.answers import Answers
from assessments.eligibility.naturalization_choices import NATURALIZATION_IDS
from assessments.eligibility.rules import overall_of
from assessments.eligibility.rules.base import Finding
from assessments.eligibility.rules.naturalization.capacity import age
from assessments.eligibility.rules.naturalization.conduct import conduct
from assessments.eligibility.rules.naturalization.declarations import (
    constitution,
    japanese,
    nationality,
)
from assessments.eligibility.rules.naturalization.livelihood import livelihood
from assessments.eligibility.rules.naturalization.period import absences, residence
from assessments.thresholds.snapshot import Thresholds

NaturalizationRule = Callable[[Answers, Thresholds], Finding]

#: One rule per requirement id, in the contract's order.
NATURALIZATION_RULES: dict[str, NaturalizationRule] = {
    "residence": residence,
    "absences": absences,
    "age": age,
    "conduct": conduct,
    "livelihood": livelihood,
    "nationality": nationality,
    "constitution": constitution,
    "japanese": japanese,
}
assert tuple(NATURALIZATION_RULES) == NATURALIZATION_IDS


@dataclass(frozen=True)
class NaturalizationResult:
    """The ``naturalization`` object of the result: verdict, earliest date, findings."""

    overall: str
    earliest_date: dt.date | None
    requirements: tuple[Finding, ...]

    def to_json(self) -> dict:
        return {
            "overall": self.overall,
            "earliest_date": self.earliest_date.isoformat() if self.earliest_date else None,
            "requirements": [finding.to_json() for finding in self.requirements],
        }


def evaluate_naturalization(answers: Answers, thresholds: Thresholds) -> NaturalizationResult:
    """Run every naturalization rule and return the verdict, as the PR result computes it."""
    findings = tuple(rule(answers, thresholds) for rule in NATURALIZATION_RULES.values())
    overall, earliest = overall_of(findings)
    return NaturalizationResult(overall=overall, earliest_date=earliest, requirements=findings)
