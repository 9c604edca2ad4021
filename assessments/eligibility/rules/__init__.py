"""The rules engine: ``evaluate(answers, thresholds) -> Result``.

Every rule runs for every applicable route (never stopping at the first failure); each route
gets an overall verdict and a readiness score, and the result is the route with the best
outcome. Pure: no ORM, no clock, no translation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import REQUIREMENT_IDS, Overall, ResidenceStatus, Route
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
from assessments.eligibility.rules.keep_pr import evaluate_keep_pr
from assessments.eligibility.rules.livelihood import livelihood
from assessments.eligibility.rules.obligations import notifications, social_insurance, taxes
from assessments.eligibility.rules.period_of_stay import period_of_stay
from assessments.eligibility.rules.planned import answers_on, planned_trips_effect, without_planned
from assessments.eligibility.rules.residence import residence_period, status_eligible
from assessments.eligibility.rules.routes import ROUTE_ORDER, applicable_routes
from assessments.eligibility.rules.timeline import timeline_of
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


def established(answers: Answers, route: str) -> bool:
    """Return whether the answers establish what ``route`` rests on.

    The HSP routes rest on points: without the points now they are open only in principle (a
    J-Skip holder, an HSP holder who typed none). Every other route rests on the status or an
    answer that opened it.
    """
    if route in (Route.HSP_70, Route.HSP_80):
        return answers.hsp_points is not None and answers.hsp_points.now is not None
    return True


def _preference(answers: Answers):
    """Order routes: verdict, earliest date, established by the answers, score, fixed order."""

    def key(result: RouteResult):
        return (
            OVERALL_RANK[result.overall],
            result.earliest_date or dt.date.max,
            not established(answers, result.route),
            -result.score,
            ROUTE_ORDER.index(result.route),
        )

    return key


def _considered(answers: Answers, thresholds: Thresholds) -> tuple[RouteResult, ...]:
    """Evaluate every applicable route, best outcome first."""
    return tuple(
        sorted(
            (evaluate_route(answers, thresholds, route) for route in applicable_routes(answers)),
            key=_preference(answers),
        )
    )


def best_on(answers: Answers, day: dt.date, thresholds: Thresholds) -> RouteResult:
    """Return the best route for the answers filed on ``day``, under ``thresholds``.

    The verdict ``evaluate`` gives for that application date (without the planned-trips and
    timeline extras): the file-by planner compares it across rule changes.
    """
    return _considered(answers_on(answers, day), thresholds)[0]


def evaluate(answers: Answers, thresholds: Thresholds) -> Result:
    """Evaluate every applicable route and return the one with the best outcome.

    Trips that leave on or after the application date fall outside its windows; planned trips
    are also weighed at the first day one could apply (``planned``). A permanent resident's
    answers go to the keep-PR check instead (route ``keep_pr``).
    """
    if answers.status == ResidenceStatus.PERMANENT_RESIDENT:
        return evaluate_keep_pr(answers, thresholds)
    considered = _considered(answers_on(answers, answers.application_date), thresholds)
    best = considered[0]
    planned = None
    if any(trip.planned for trip in answers.trips):
        without = _considered(
            answers_on(without_planned(answers), answers.application_date), thresholds
        )[0]
        planned = planned_trips_effect(answers, thresholds, with_trips=best, without_trips=without)
    return Result(
        application_date=answers.application_date,
        thresholds_as_of=thresholds.as_of,
        best=best,
        considered=considered,
        thresholds=thresholds.to_json(),
        threshold_ids=tuple(
            sorted(
                e.pk
                for e in (*thresholds.entries.values(), *thresholds.drafts.values())
                if e.pk is not None
            )
        ),
        planned_trips=planned,
        timeline=timeline_of(answers, thresholds, best, considered),
    )
