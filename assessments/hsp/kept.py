"""Points kept for the permanent residence check, in the session: only points and their day.

The calculator's "Use these points in the permanent residence check" keeps the points counted
on one day under the point date they fill (``HspWhen``: the application date, one or three
years before it); ``questionnaire.handover`` decides which one and fills the check with them.
The calculator lists what is kept, since the 80- and 70-point routes need the points of more
than one day: the applicant counts each day before starting the check. Never the profile,
never in a URL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assessments.eligibility.choices import HspWhen

SESSION_KEY = "prcheck_hsp_points"


@dataclass(frozen=True)
class KeptPoints:
    """Points kept for the check: counted on ``as_of``, used as the points ``when``."""

    when: HspWhen
    as_of: dt.date
    points: int


def keep(session, *, when: str, points: int, as_of: dt.date, jskip: bool | None = None) -> None:
    """Keep ``points`` counted on ``as_of`` as the points of ``when`` (replacing earlier ones).

    ``jskip``: whether the same profile met the J-Skip criteria that day (None: not checked).
    """
    kept = dict(session.get(SESSION_KEY) or {})
    kept[when] = {"points": int(points), "as_of": as_of.isoformat()}
    if jskip is not None:
        kept[when]["jskip"] = bool(jskip)
    session[SESSION_KEY] = kept


def handed_over(session) -> dict[str, dict]:
    """Return the points kept, by point date, newest first (bad entries are skipped)."""
    kept = session.get(SESSION_KEY)
    if not isinstance(kept, dict):
        return {}
    result = {}
    for when in HspWhen.values:
        entry = kept.get(when)
        try:
            result[when] = {
                "points": int(entry["points"]),
                "as_of": dt.date.fromisoformat(entry["as_of"]),
                "jskip": entry["jskip"] if isinstance(entry.get("jskip"), bool) else None,
            }
        except (TypeError, KeyError, ValueError):
            continue
    return result


def kept_points(session) -> list[KeptPoints]:
    """Return the points kept, newest point date first, as the calculator lists them."""
    return [
        KeptPoints(when=HspWhen(when), as_of=entry["as_of"], points=entry["points"])
        for when, entry in handed_over(session).items()
    ]
