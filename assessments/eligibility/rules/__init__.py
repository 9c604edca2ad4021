"""The rules engine: ``evaluate(answers, thresholds) -> Result``.

Every rule runs for every applicable route (never stopping at the first failure); each route
gets an overall verdict and a readiness score, and the result is the route with the best
outcome. Pure: no ORM, no clock, no translation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import REQUIREMENT_IDS, Overall
from assessments.eligibility.rules.base import (
    AT_RISK,
    EXEMPT,
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    Finding,
    Result,
    RouteResult,
)
from assessments.eligibility.rules.conduct import conduct
from assessments.eligibility.rules.continuity import continuity
from assessments.eligibility.rules.declarations import guarantor, landing_standards, public_health
from assessments.eligibility.rules.livelihood import livelihood
from assessments.eligibility.rules.obligations import notifications, social_insurance, taxes
from assessments.eligibility.rules.period_of_stay import period_of_stay
from assessments.eligibility.rules.residence import residence_period, status_eligible
from assessments.eligibility.rules.routes import ROUTE_ORDER, applicable_routes
from assessments.thresholds.snapshot import Thresholds

Rule = Callable[[Answers, Thresholds, str], Finding]

#: One rule per requirement id, in the contract's order.
RULES: dict[str, Rule] = {
    "status_eligible": status_eligible,
    "residence_period": residence_period,
    "continuity": continuity,
    "period_of_stay": period_of_stay,
    "livelihood": livelihood,
    "taxes": taxes,
    "social_insurance": social_insurance,
    "notifications": notifications,
    "conduct": conduct,
    "guarantor": guarantor,
    "landing_standards": landing_standards,
    "public_health": public_health,
}
assert tuple(RULES) == REQUIREMENT_IDS

OVERALL_RANK = {
    Overall.LIKELY_ELIGIBLE: 0,
    Overall.ELIGIBLE_WITH_RISKS: 1,
    Overall.NOT_YET_ELIGIBLE: 2,
    Overall.NOT_ELIGIBLE: 3,
}
CREDIT = {MET: 1.0, EXEMPT: 1.0, AT_RISK: 0.5, NOT_MET: 0.0}


def overall_of(findings: tuple[Finding, ...]) -> tuple[str, dt.date | None]:
    """Return the verdict and earliest date, exactly as the contract defines them."""
    not_met = [f for f in findings if f.status == NOT_MET]
    if any(f.clears_on is None for f in not_met):
        return Overall.NOT_ELIGIBLE.value, None
    if not_met:
        return Overall.NOT_YET_ELIGIBLE.value, max(f.clears_on for f in not_met)
    if any(f.status == AT_RISK for f in findings):
        return Overall.ELIGIBLE_WITH_RISKS.value, None
    return Overall.LIKELY_ELIGIBLE.value, None


def score_of(findings: tuple[Finding, ...], t: Thresholds) -> int:
    """Return the readiness score, 0–100, from the admin-editable weights."""
    weighted = [
        (t[f"score.weight.{f.id}"], CREDIT[f.status])
        for f in findings
        if f.status != NOT_APPLICABLE
    ]
    total = sum(weight for weight, _ in weighted)
    if not total:
        return 0
    return round(100 * sum(weight * credit for weight, credit in weighted) / total)


def evaluate_route(answers: Answers, t: Thresholds, route: str) -> RouteResult:
    """Run every rule for one route."""
    findings = tuple(rule(answers, t, route) for rule in RULES.values())
    overall, earliest = overall_of(findings)
    return RouteResult(
        route=route,
        overall=overall,
        score=score_of(findings, t),
        earliest_date=earliest,
        requirements=findings,
    )


def _preference(result: RouteResult):
    return (
        OVERALL_RANK[result.overall],
        result.earliest_date or dt.date.max,
        -result.score,
        ROUTE_ORDER.index(result.route),
    )


def evaluate(answers: Answers, thresholds: Thresholds) -> Result:
    """Evaluate every applicable route and return the one with the best outcome."""
    considered = tuple(
        evaluate_route(answers, thresholds, route) for route in applicable_routes(answers)
    )
    best = min(considered, key=_preference)
    return Result(
        application_date=answers.application_date,
        thresholds_as_of=thresholds.as_of,
        best=best,
        considered=tuple(sorted(considered, key=_preference)),
        thresholds=thresholds.to_json(),
        threshold_ids=tuple(sorted(e.pk for e in thresholds.entries.values() if e.pk is not None)),
    )
