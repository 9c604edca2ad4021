"""Residence and absences for naturalization, judged on one route together.

The residence period and the absences that can start it again belong to the same route: a
spouse of a Japanese national married three years is examined over one year in Japan, a former
Japanese national over no period at all. Every route the answers open is judged on both
findings, and the route whose pair is most favourable is reported on both cards, so the card
that says "no period is required" never sits above a count that starts again. Most favourable:
the verdict of the pair (as ``overall_of`` orders verdicts), then its earliest date, then the
residence finding (exempt before met), then the status's own route.
Source: https://laws.e-gov.go.jp/law/325AC0000000147 (国籍法 5条1項1号, 6条, 7条, 8条).
"""

from __future__ import annotations

import datetime as dt

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import Overall
from assessments.eligibility.rules.base import AT_RISK, NOT_MET, Finding
from assessments.eligibility.rules.naturalization.absences import absences_over
from assessments.eligibility.rules.naturalization.residence import (
    FAVOUR,
    RoutePeriod,
    route_periods,
)
from assessments.thresholds.snapshot import Thresholds

#: The order of verdicts, from the best (as the contract defines ``overall``).
VERDICT_ORDER = (
    Overall.LIKELY_ELIGIBLE,
    Overall.ELIGIBLE_WITH_RISKS,
    Overall.NOT_YET_ELIGIBLE,
    Overall.NOT_ELIGIBLE,
)


def _pair(a: Answers, t: Thresholds, route: RoutePeriod) -> tuple[Finding, Finding]:
    absences = absences_over(
        a, t, years_key=route.years_key, path=route.path, reference=route.reference
    )
    return route.finding, absences


def _rank(pair: tuple[Finding, Finding]):
    """Order pairs as the verdict they give, then their date, then the residence finding."""
    not_met = [f for f in pair if f.status == NOT_MET]
    if any(f.clears_on is None for f in not_met):
        verdict, day = Overall.NOT_ELIGIBLE, dt.date.max
    elif not_met:
        verdict, day = Overall.NOT_YET_ELIGIBLE, max(f.clears_on for f in not_met)
    elif any(f.status == AT_RISK for f in pair):
        verdict, day = Overall.ELIGIBLE_WITH_RISKS, dt.date.min
    else:
        verdict, day = Overall.LIKELY_ELIGIBLE, dt.date.min
    residence = pair[0]
    return (VERDICT_ORDER.index(verdict), day, FAVOUR.get(residence.status, 3))


def chosen_pair(a: Answers, t: Thresholds) -> tuple[Finding, Finding]:
    """Return the residence and absences findings of the most favourable route."""
    # ``min`` keeps the first of equals: the status's own route comes first.
    return min((_pair(a, t, route) for route in route_periods(a, t)), key=_rank)


def residence(a: Answers, t: Thresholds) -> Finding:
    """Check the residence period of the most favourable naturalization route."""
    return chosen_pair(a, t)[0]


def absences(a: Answers, t: Thresholds) -> Finding:
    """Check trips abroad over the period of the same route."""
    return chosen_pair(a, t)[1]
