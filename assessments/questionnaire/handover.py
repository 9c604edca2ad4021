"""Points handed over from the standalone HSP calculator to the check, through the session.

"Use these points in the permanent residence check" on the calculator's result keeps the
points that count for the day they were counted on, under the point date nearest to that day
(the application date, one or three years before it, counted from today), in ``hsp.kept``.
The calculator comes back listing the days kept, so that another day can be counted before
going on. A new run then starts with them filled in on the HSP pages, typed as if from a
calculation sheet, and with "check the HSP routes" answered Yes. When the calculator checked
J-Skip on both days J-Skip looks at, the check does not ask it again. Only points and days are
kept, never the profile, and never in a URL.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from assessments.eligibility.rules.dates import add_years
from assessments.hsp.forms import HspProfileForm
from assessments.hsp.kept import SESSION_KEY, handed_over, keep
from assessments.hsp.result import counted_points
from assessments.hsp.views import calculator_page, points_from_form
from assessments.questionnaire.forms import POINT_DATES, PointsSource
from assessments.questionnaire.forms.hsp import (
    JSKIP_DATES,
    YEARS_BEFORE,
    points_field,
    source_field,
)
from assessments.web.fields import YesNo


def point_date_for(as_of: dt.date, *, today: dt.date) -> str:
    """Return the point date (``now``, ``one_year_ago``, ``three_years_ago``) nearest ``as_of``."""
    return min(
        POINT_DATES,
        key=lambda date: abs((add_years(today, -YEARS_BEFORE[date]) - as_of).days),
    )


def hand_over(
    session, *, points: int, as_of: dt.date, today: dt.date, jskip: bool | None = None
) -> str:
    """Keep ``points`` counted on ``as_of`` for the check; return the point date they fill.

    ``jskip``: the calculator's J-Skip check of the same profile on that day.
    """
    date = point_date_for(as_of, today=today)
    keep(session, when=date, points=points, as_of=as_of, jskip=jskip)
    return date


def jskip_answered(session) -> bool | None:
    """Return J-Skip as the calculator answered it, or None if the check must ask it.

    J-Skip needs the criteria met on the application date and one year before: answered when
    the calculator checked both days (met on both, or not met on one of them).
    """
    kept = handed_over(session)
    checked = [kept.get(date, {}).get("jskip") for date in JSKIP_DATES]
    if False in checked:
        return False
    return True if all(value is True for value in checked) else None


def sources_initial(session) -> dict:
    """Return the HSP step's initial answers: the days handed over are known."""
    return {source_field(date): PointsSource.KNOWN for date in handed_over(session)}


def typed_initial(session) -> dict:
    """Return the typed points' initial answers: the points handed over."""
    return {points_field(date): entry["points"] for date, entry in handed_over(session).items()}


def hsp_route_initial(session) -> dict:
    """Answer "check the HSP routes" Yes when points were handed over."""
    return {"hsp_route": YesNo.YES} if handed_over(session) else {}


def forget(session) -> None:
    """Drop the handed-over points (the check that used them is finished)."""
    session.pop(SESSION_KEY, None)


@never_cache
@require_http_methods(["POST"])
def use_in_check(request):
    """Keep the points of the posted HSP profile for the check, and show the calculator again.

    The calculator's "Use these points in the permanent residence check" posts its form here:
    the points are counted again, and only they and their day are kept. The page comes back
    with the profile still filled in and the days kept listed, so that another day can be
    counted by changing the day of the calculation, before going on to the check.
    """
    today = timezone.localdate()
    form = HspProfileForm(request.POST)
    result = points_from_form(form, today)
    if result is not None:
        hand_over(
            request.session,
            points=counted_points(result),
            as_of=result.as_of,
            today=today,
            jskip=result.j_skip.eligible if result.j_skip.available else None,
        )
    return calculator_page(request, form, result)
