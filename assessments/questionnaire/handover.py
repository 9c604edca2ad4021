"""Points handed over from the standalone HSP calculator to the check, through the session.

"Use these points in the permanent residence check" on the calculator's result keeps the
points that count for the day they were counted on, under the point date nearest to that day
(the application date, one or three years before it, counted from today). A new run then
starts with them filled in on the HSP pages, typed as if from a calculation sheet, and with
"check the HSP routes" answered Yes. Only points and days are kept, never the profile, and
never in a URL.
"""

from __future__ import annotations

import datetime as dt

from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from assessments.eligibility.rules.dates import add_years
from assessments.hsp.forms import HspProfileForm
from assessments.hsp.result import counted_points
from assessments.hsp.views import TEMPLATE as CALCULATOR_TEMPLATE
from assessments.hsp.views import points_from_form
from assessments.questionnaire.forms import POINT_DATES, PointsSource
from assessments.questionnaire.forms.hsp import YEARS_BEFORE, points_field, source_field
from assessments.web.fields import YesNo

SESSION_KEY = "prcheck_hsp_points"


def point_date_for(as_of: dt.date, *, today: dt.date) -> str:
    """Return the point date (``now``, ``one_year_ago``, ``three_years_ago``) nearest ``as_of``."""
    return min(
        POINT_DATES,
        key=lambda date: abs((add_years(today, -YEARS_BEFORE[date]) - as_of).days),
    )


def hand_over(session, *, points: int, as_of: dt.date, today: dt.date) -> str:
    """Keep ``points`` counted on ``as_of`` for the check; return the point date they fill."""
    date = point_date_for(as_of, today=today)
    kept = dict(session.get(SESSION_KEY) or {})
    kept[date] = {"points": int(points), "as_of": as_of.isoformat()}
    session[SESSION_KEY] = kept
    return date


def handed_over(session) -> dict[str, dict]:
    """Return the points handed over, by point date, newest first (bad entries are skipped)."""
    kept = session.get(SESSION_KEY)
    if not isinstance(kept, dict):
        return {}
    result = {}
    for date in POINT_DATES:
        entry = kept.get(date)
        try:
            result[date] = {
                "points": int(entry["points"]),
                "as_of": dt.date.fromisoformat(entry["as_of"]),
            }
        except (TypeError, KeyError, ValueError):
            continue
    return result


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
    """Carry the points of the posted HSP profile into a new run of the check, by the session.

    The calculator's "Use these points in the permanent residence check" posts its form here:
    the points are counted again, and only they and their day are kept.
    """
    today = timezone.localdate()
    form = HspProfileForm(request.POST)
    result = points_from_form(form, today)
    if result is None:
        context = {"form": form, "error_summary": form.error_summary()}
        return render(request, CALCULATOR_TEMPLATE, context)
    hand_over(request.session, points=counted_points(result), as_of=result.as_of, today=today)
    return redirect("assessments:check")
