"""The applicant's timeline: what the result rests on, laid out in time (``timeline`` of the result).

Pure data for the result JSON, the result page's chart and the report's first page: periods of
residence, trips, each requirement's look-back window (ending on the application date), marks
(late payments, missed notifications, sentences, traffic violations) with the day each leaves
its window, milestones, and why the earliest date is not earlier. Dates and codes only, no
wording; no ORM, clock or translation. Each piece reads the same thresholds as the rule that
decides it (guideline 1(3)イ and note, 2(1)–(8); https://www.moj.go.jp/isa/applications/resources/nyukan_nyukan50.html).
"""

from __future__ import annotations

import datetime as dt

from assessments.eligibility.answers import Answers
from assessments.eligibility.rules.base import RouteResult
from assessments.eligibility.rules.dates import add_years
from assessments.eligibility.rules.timeline.actions import also_on
from assessments.eligibility.rules.timeline.explain import clears, hsp_outlook, would_clear
from assessments.eligibility.rules.timeline.parts import (
    RULE_CHANGES,
    iso,
    marks,
    milestones,
    periods,
    trips,
    windows,
)
from assessments.thresholds.snapshot import Thresholds

SCHEMA = "prcheck.timeline/1"
#: Presentation limits (not legal thresholds): the axis runs a little past the last date, and
#: shows the rule changes of the next two years even when no other date reaches them.
AXIS_MARGIN_DAYS = 90
RULE_CHANGE_HORIZON_YEARS = 2


def timeline_of(
    a: Answers, t: Thresholds, best: RouteResult, considered: tuple[RouteResult, ...] = ()
) -> dict:
    """Return the ``timeline`` object of the result for the route ``best``.

    ``considered`` (every route evaluated) lets the HSP outlook speak of an HSP route that is
    not the best one today.
    """
    route = best.route
    parts = {
        "periods": periods(a),
        "trips": trips(a, t, route),
        "windows": windows(a, t, route),
        "marks": marks(a, t, route),
    }
    hsp = hsp_outlook(a, t, considered or (best,))
    moved = would_clear(a, t, best)
    parts["milestones"] = milestones(a, t, best)
    start, end = _axis(parts, horizon=add_years(a.application_date, RULE_CHANGE_HORIZON_YEARS))
    parts["milestones"] = [m for m in parts["milestones"] if start <= m["date"] <= end]
    timeline = {
        "schema": SCHEMA,
        "start": start,
        "end": end,
        **parts,
        "clears": clears(best),
        "would_clear": moved["items"],
        "earliest_if_moved": moved["earliest"],
        "earliest_also": also_on(a, t, best.earliest_date),
        "hsp_points": hsp,
    }
    return iso(timeline)


def _axis(parts: dict, *, horizon: dt.date) -> tuple[dt.date, dt.date]:
    """Return the first and last day drawn: every period, trip, window and mark fits."""
    days: list[dt.date] = []
    for key in ("periods", "windows"):
        days += [p["start"] for p in parts[key]] + [p["end"] for p in parts[key]]
    days += [t["departure"] for t in parts["trips"]] + [t["return"] for t in parts["trips"]]
    for mark in parts["marks"]:
        days += [d for d in (mark["date"], mark.get("leaves_window_on")) if d is not None]
    days += [m["date"] for m in parts["milestones"] if m["code"] not in RULE_CHANGES]
    start, end = min(days), max(days)
    # Rule changes widen the axis only forwards, up to the horizon: 2006 stays off the chart.
    changes = [
        m["date"] for m in parts["milestones"] if m["code"] in RULE_CHANGES and m["date"] > start
    ]
    end = max([end, *(day for day in changes if day <= horizon)])
    return start, end + dt.timedelta(days=AXIS_MARGIN_DAYS)
