"""Continuous domicile for naturalization ("引き続き"): trips abroad.

The Act publishes no day count. In practice a single trip of three months or more, or 100
days abroad in one calendar year, breaks the continuity the Legal Affairs Bureau looks for,
and the count of years starts again (others say 150 or 180 days). Both are
therefore failures that clear with time: on the day the offending trip or year has left the
window of years examined.

The window, and the count that starts again, are the period of the route the residence
finding is judged on (``period.py`` picks the route with both): Art. 5 five years, Arts. 6 and
7 three years (or one year in Japan for a spouse married three years), Art. 8(ii) one year. A
route that asks no period (Arts. 6(ii) with a parent born in Japan, 8(i), 8(iii)) has no count
to start again: absences are then exempt, citing the article.
Sources: https://laws.e-gov.go.jp/law/325AC0000000147 (国籍法 5条1項1号); practitioners.
"""

from __future__ import annotations

import datetime as dt

from assessments.eligibility.answers import Answers
from assessments.eligibility.rules.base import EXEMPT, MET, NOT_MET, Finding, cited
from assessments.eligibility.rules.continuity import days_abroad_by_year, trips_params, years_params
from assessments.eligibility.rules.dates import add_months, add_years, first_day_satisfied
from assessments.thresholds.snapshot import Thresholds

ID = "absences"
TRIP_KEY = "naturalization.absence.single_trip_months"
YEAR_KEY = "naturalization.absence.days_per_year"
WINDOW_KEY = "naturalization.absence.window_years"


def absences_over(
    a: Answers, t: Thresholds, *, years_key: str | None, path: str, reference: str = ""
) -> Finding:
    """Check trips abroad within the route's period (``years_key``) against the limits.

    ``years_key`` None: the route asks no period, so nothing can start again (exempt).
    """
    if years_key is None:
        return Finding(ID, EXEMPT, "naturalization.absences.exempt", {"path": path}, reference)
    window = t[years_key]
    window_start = add_years(a.application_date, -int(window))
    trips = [trip for trip in a.trips if trip.return_date > window_start]
    limit_months, year_limit = t[TRIP_KEY], t[YEAR_KEY]
    long_trips = [
        trip for trip in trips if trip.return_date >= add_months(trip.departure, limit_months)
    ]
    by_year = days_abroad_by_year(tuple(trips))
    heavy_years = {
        year: days
        for year, days in by_year.items()
        if days >= year_limit and dt.date(year + 1, 1, 1) > window_start
    }
    if not long_trips and not heavy_years:
        return Finding(
            ID,
            MET,
            "naturalization.absences.ok",
            {
                "trips": len(trips),
                "longest_days": max((trip.days for trip in trips), default=0),
                "max_year_days": max(by_year.values(), default=0),
                "window_years": window,
                "path": path,
            },
            **cited(t, TRIP_KEY),
        )
    # The count of years starts again after the last offending trip or year.
    last_end = max(
        [trip.return_date for trip in long_trips]
        + [dt.date(year + 1, 1, 1) for year in heavy_years]
    )
    clears_on = first_day_satisfied(
        t, a.application_date, lambda s: add_years(last_end, s[years_key])
    )
    return Finding(
        ID,
        NOT_MET,
        "naturalization.absences.too_long",
        {
            "long_trips": trips_params(long_trips),
            "heavy_years": years_params(heavy_years),
            "limit_months": limit_months,
            "year_limit": year_limit,
            "window_years": window,
            "path": path,
        },
        clears_on=clears_on,
        **cited(t, TRIP_KEY if long_trips else YEAR_KEY),
    )
