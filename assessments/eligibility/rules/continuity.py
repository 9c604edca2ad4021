"""Continuity of residence ("引き続き"): time spent abroad.

The current guideline publishes no day count. Practitioners warn that a single trip of about
3 months, or about 100 days abroad in one year, may break continuity; prcheck flags these as
risks (never as failures), with the thresholds labelled as rules of thumb. The 2026-08-04 draft
would make 6 months in one trip, or 2 years 6 months in total within 10 years, negative in
principle for applications from 2027-04-01. It is not adopted, so it is never the verdict: a
trip over its limits is a risk naming the draft (``with_draft``), beside the rules in force.
Sources: practitioners' columns on 再入国 and continuity; draft 第2の5(6) (e-Gov 315000140).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace

from assessments.eligibility.answers import Answers, Trip
from assessments.eligibility.rules.base import (
    AT_RISK,
    MET,
    NOT_MET,
    Finding,
    cited,
    draft_from,
    with_draft,
    with_remaining,
)
from assessments.eligibility.rules.dates import add_months, add_years, first_day_satisfied
from assessments.eligibility.rules.residence_keys import residence_years_key
from assessments.thresholds.snapshot import Thresholds


def trips_params(trips) -> list[dict]:
    """Return trips as a finding's params: departure, return and days abroad of each."""
    return [{"departure": t.departure, "return": t.return_date, "days": t.days} for t in trips]


def years_params(days_by_year: dict) -> list[dict]:
    """Return the days abroad of each calendar year as a finding's params, in year order."""
    return [{"year": year, "days": days} for year, days in sorted(days_by_year.items())]


def days_abroad_by_year(trips: tuple[Trip, ...]) -> dict[int, int]:
    """Return whole days abroad per calendar year, splitting trips that span a new year."""
    totals: dict[int, int] = defaultdict(int)
    for trip in trips:
        day = trip.departure + dt.timedelta(days=1)
        while day < trip.return_date:
            year_end = min(dt.date(day.year + 1, 1, 1), trip.return_date)
            totals[day.year] += (year_end - day).days
            day = year_end
    return dict(totals)


#: The draft's absence limits (their window is defined by the draft only).
DRAFT_KEYS = ("absence.single_trip_max_months", "absence.cumulative_max_months")


def continuity(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check trips abroad under the rules in force, and say what the pending draft would need."""
    law = _rules_of_thumb(a, t, route)
    return with_draft(
        law, _as_if_adopted(a, t.with_drafts(), route), codes={}, draft_on=draft_from(t, DRAFT_KEYS)
    )


def _as_if_adopted(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check trips as if the draft were adopted: its limits first, then rules of thumb.

    A draft failure clears when its trips leave the draft's window; a long trip that is only a
    risk may still be in the route's window then, so the failure names it (``remaining``).
    """
    draft = _draft_limits(a, t)
    if draft is None:
        return _rules_of_thumb(a, t, route)
    later = replace(a, application_date=draft.clears_on)
    return with_remaining(draft, _rules_of_thumb(later, t.at(draft.clears_on), route))


def _rules_of_thumb(a: Answers, t: Thresholds, route: str) -> Finding:
    """Flag long trips and heavy years in the route's period as risks (practitioners' limits)."""
    years_key = residence_years_key(route)
    # A route not yet in force (None) has no period over which to look at trips.
    window_start = add_years(a.application_date, -int(t[years_key] or 0))
    trips = [trip for trip in a.trips if trip.return_date > window_start]
    trip_limit = t["absence.single_trip_warning_days"]
    year_limit = t["absence.days_per_year_warning"]
    long_trips = [trip for trip in trips if trip.days >= trip_limit]
    by_year = days_abroad_by_year(tuple(trips))
    heavy_years = {
        year: days
        for year, days in by_year.items()
        if days >= year_limit and dt.date(year + 1, 1, 1) > window_start
    }
    if not long_trips and not heavy_years:
        return Finding(
            "continuity",
            MET,
            "continuity.ok",
            {
                "trips": len(trips),
                "reported": len(a.trips),
                "window_start": window_start,
                "longest_days": max((trip.days for trip in trips), default=0),
                "max_year_days": max(by_year.values(), default=0),
            },
            **cited(t, "absence.single_trip_warning_days"),
        )
    # If the office treated these absences as a break, the period would run again from the
    # end of the last one: it clears when the route's full period has passed since then.
    last_end = max(
        [trip.return_date for trip in long_trips]
        + [dt.date(year + 1, 1, 1) for year in heavy_years]
    )
    clears_on = first_day_satisfied(
        t, a.application_date, lambda s: add_years(last_end, s[years_key])
    )
    key = "absence.single_trip_warning_days" if long_trips else "absence.days_per_year_warning"
    return Finding(
        "continuity",
        AT_RISK,
        "continuity.long_trips",
        {
            "long_trips": trips_params(long_trips),
            "heavy_years": years_params(heavy_years),
            "trip_limit": trip_limit,
            "year_limit": year_limit,
            "trips": len(trips),
            "reported": len(a.trips),
            "window_start": window_start,
        },
        clears_on=clears_on,
        **cited(t, key),
    )


def _draft_limits(a: Answers, t: Thresholds) -> Finding | None:
    """Apply the draft's limits where they are in force on the application date.

    When both limits fail, the one that clears later is reported: on the other's date the
    person would still be over a limit.
    """
    window = t["absence.window_years"]
    if window is None:
        return None
    window_start = add_years(a.application_date, -int(window))
    trips = [trip for trip in a.trips if trip.return_date > window_start]
    failures = [
        f for f in (_draft_single(t, trips, window), _draft_total(t, trips, window_start)) if f
    ]
    return max(failures, key=lambda f: f.clears_on, default=None)


def _draft_single(t: Thresholds, trips: list[Trip], window) -> Finding | None:
    """Return the latest trip at or over the draft's single-trip limit, if any."""
    trip_months = t["absence.single_trip_max_months"]
    if trip_months is not None:
        for trip in sorted(trips, key=lambda trip: trip.return_date, reverse=True):
            if trip.return_date >= add_months(trip.departure, trip_months):
                return Finding(
                    "continuity",
                    NOT_MET,
                    "continuity.draft_single_trip",
                    {
                        "departure": trip.departure,
                        "return": trip.return_date,
                        "months": _months(trip.departure, trip.return_date),
                        "limit_months": trip_months,
                    },
                    clears_on=add_years(trip.return_date, window),
                    **cited(t, "absence.single_trip_max_months"),
                )
    return None


def _draft_total(t: Thresholds, trips: list[Trip], window_start: dt.date) -> Finding | None:
    """Return the draft's cumulative failure over the window, if the total reaches the limit."""
    total_months = t["absence.cumulative_max_months"]
    window = t["absence.window_years"]
    if total_months is not None:
        total = sum(trip.days for trip in trips)
        limit_days = (add_months(window_start, total_months) - window_start).days
        if total >= limit_days:
            return Finding(
                "continuity",
                NOT_MET,
                "continuity.draft_cumulative",
                {
                    "months": round(total * 12 / 365.25, 1),
                    "limit_months": total_months,
                    "window_years": window,
                },
                clears_on=_cumulative_clears_on(trips, total, limit_days, window),
                **cited(t, "absence.cumulative_max_months"),
            )
    return None


def _cumulative_clears_on(trips, total: int, limit_days: int, window) -> dt.date:
    """Return the day enough of the oldest trips have left the window to fall under the limit."""
    for trip in sorted(trips, key=lambda trip: trip.return_date):
        total -= trip.days
        if total < limit_days:
            return add_years(trip.return_date, window)
    raise AssertionError("unreachable: dropping every trip leaves nothing abroad")


def _months(start: dt.date, end: dt.date) -> int:
    """Return whole months from ``start`` to ``end``."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if add_months(start, months) > end else months
