"""Why the earliest date is not earlier, what would move it, and HSP points over time.

``clears`` lists every requirement still in the way with its own date; ``would_clear`` says,
for a requirement that time alone does not clear, the earliest day an action would clear it
(``actions``: income raised from the next year, an unpaid payment settled now, a renewal, a
guarantor found, …); ``hsp_outlook`` says when known changes of the points (an age band, from
the HSP calculator) cross the route's mark.
"""

from __future__ import annotations

import datetime as dt

from assessments.eligibility.answers import Answers
from assessments.eligibility.rules.base import AT_RISK, NOT_MET, RouteResult
from assessments.eligibility.rules.dates import add_years
from assessments.eligibility.rules.residence import HSP_ROUTES
from assessments.eligibility.rules.timeline.actions import action_for
from assessments.thresholds.snapshot import Thresholds


def clears(best: RouteResult) -> list[dict]:
    """Return each requirement not met or at risk with the day it clears, the latest first."""
    rows = [
        {
            "requirement": f.id,
            "status": f.status,
            "code": f.code,
            "clears_on": f.clears_on,
            "sets_earliest": f.status == NOT_MET
            and f.clears_on is not None
            and f.clears_on == best.earliest_date,
        }
        for f in best.requirements
        if f.status in (NOT_MET, AT_RISK)
    ]
    return sorted(rows, key=lambda row: (row["clears_on"] is None, row["clears_on"] or dt.date.min))


def would_clear(a: Answers, t: Thresholds, best: RouteResult) -> dict:
    """Return the actions that would clear what time alone does not, and the earliest date then.

    ``earliest`` is None unless every such requirement has an action here.
    """
    stuck = [f for f in best.requirements if f.status == NOT_MET and f.clears_on is None]
    items = [item for f in stuck if (item := action_for(a, t, best.route, f)) is not None]
    earliest = None
    if stuck and len(items) == len(stuck):
        timed = [f.clears_on for f in best.requirements if f.status == NOT_MET and f.clears_on]
        earliest = max([*timed, *(item["clears_on"] for item in items)])
    return {"items": items, "earliest": earliest}


def hsp_outlook(a: Answers, t: Thresholds, considered) -> list[dict]:
    """Return when known changes of the HSP points cross an HSP route's mark (guideline 2(6), 2(7)).

    Every HSP route considered is looked at, not only the best one: a rise can open a route
    that today loses to another. A fall below the mark before the waiting period completes
    means the route will not clear then; a rise opens it once the points have been held for
    its years.
    """
    if not a.hsp_points_changes:
        return []
    found = []
    for result in considered:
        if result.route in HSP_ROUTES:
            found += _crossings(a, t, result)
    return found


def _crossings(a: Answers, t: Thresholds, result: RouteResult) -> list[dict]:
    points_key, years_key, _ = HSP_ROUTES[result.route]
    required, years = t[points_key], t[years_key]
    if required is None or years is None:
        return []
    residence = next(f for f in result.requirements if f.id == "residence_period")
    completes = residence.clears_on or a.application_date
    points = a.hsp_points.now if a.hsp_points else None
    found = []
    for change in a.hsp_points_changes:
        before, points = points, change.points
        base = {"route": result.route, "date": change.date, "points": points, "required": required}
        if before is not None and before >= required > points:
            found.append(
                {
                    **base,
                    "code": "hsp.points_fall",
                    "before_period_completes": change.date <= completes,
                    "period_completes": completes,
                }
            )
        elif (before is None or before < required) and points >= required:
            opens = max(add_years(change.date, years), completes)
            found.append({**base, "code": "hsp.points_rise", "route_opens_on": opens})
    return found
