"""Re-entry permits: a permanent resident who stays abroad beyond the permit loses the status.

Leaving without a permit ends the status on departure; a special re-entry permit
(みなし再入国許可, 入管法 26条の2) lasts ``keep_pr.special_reentry_years`` from the day of
departure and cannot be extended from abroad; a re-entry permit (再入国許可, 26条) lasts until
its own expiry, which an embassy may extend up to ``keep_pr.reentry_extension_max_years`` from
the day it took effect. Only trips that left on or after the grant are judged (earlier ones
were the application's business). A trip not yet over (planned, or returning after the
check's day) is looked at ahead: return by the day the permit lapses.
"""

from __future__ import annotations

import datetime as dt

from assessments.eligibility.answers import Answers, Trip
from assessments.eligibility.choices import ReentryPermit
from assessments.eligibility.rules.base import AT_RISK, MET, NOT_MET, Finding, cited
from assessments.eligibility.rules.dates import add_years
from assessments.thresholds.snapshot import Thresholds

SPECIAL_KEY = "keep_pr.special_reentry_years"
MAX_KEY = "keep_pr.reentry_permit_max_years"
EXTENSION_KEY = "keep_pr.reentry_extension_max_years"
RULE_ID = "reentry"
#: Worst first: how a trip's outcome ranks when one finding names the worst trip.
OUTCOME_ORDER = ("lapsed", "will_lapse", "return_by", "permit_missing", "expiry_missing", "ok")


def lapses_on(trip: Trip, t: Thresholds) -> dt.date | None:
    """Return the last day the trip's permit lets its holder re-enter (None: not answered).

    A blank expiry of a full permit reads the most favourable way: the longest an extended
    permit can last from the departure.
    """
    if trip.reentry_permit == ReentryPermit.NONE:
        return trip.departure
    if trip.reentry_permit == ReentryPermit.SPECIAL:
        return add_years(trip.departure, t[SPECIAL_KEY])
    if trip.reentry_permit == ReentryPermit.PERMIT:
        return trip.reentry_permit_expiry or add_years(trip.departure, t[EXTENSION_KEY])
    return None


def _outcome(trip: Trip, t: Thresholds, on: dt.date) -> tuple[str, dt.date | None]:
    """Return the trip's outcome code (see ``OUTCOME_ORDER``) and the day its permit lapses."""
    lapse = lapses_on(trip, t)
    ahead = trip.planned or trip.return_date > on
    if trip.reentry_permit == ReentryPermit.NONE:
        # Leaving without a permit ends the status on departure: a trip to come must not start.
        return ("will_lapse" if trip.departure > on else "lapsed"), lapse
    if lapse is None:
        longest = add_years(trip.departure, t[EXTENSION_KEY])
        if trip.return_date > longest:
            # No permit lasts that long: whichever was used, it lapsed.
            return ("will_lapse" if ahead else "lapsed"), longest
        special = add_years(trip.departure, t[SPECIAL_KEY])
        return ("permit_missing" if trip.return_date > special else "ok"), None
    if trip.return_date > lapse:
        return ("will_lapse" if ahead and lapse >= on else "lapsed"), lapse
    if ahead:
        return "return_by", lapse
    if trip.reentry_permit == ReentryPermit.PERMIT and trip.reentry_permit_expiry is None:
        special = add_years(trip.departure, t[SPECIAL_KEY])
        return ("expiry_missing" if trip.return_date > special else "ok"), lapse
    return "ok", lapse


def reentry(a: Answers, t: Thresholds) -> Finding:
    """Judge every trip since the grant; the finding names the worst one and lists them all."""
    on, grant = a.application_date, a.status_grant_date
    judged = []
    for trip in a.trips:
        if grant is not None and trip.departure < grant:
            continue
        outcome, lapse = _outcome(trip, t, on)
        judged.append((trip, outcome, lapse))
    rows = [
        {
            "departure": trip.departure,
            "return": trip.return_date,
            "permit": trip.reentry_permit,
            "lapses_on": lapse,
            "outcome": outcome,
            **({"planned": True} if trip.planned else {}),
        }
        for trip, outcome, lapse in judged
    ]
    if not judged or all(outcome == "ok" for _, outcome, _ in judged):
        return Finding(
            RULE_ID,
            MET,
            "keep_pr.reentry.ok",
            {"count": len(judged), "trips": rows},
            **cited(t, SPECIAL_KEY),
        )
    trip, outcome, lapse = min(
        judged, key=lambda item: (OUTCOME_ORDER.index(item[1]), item[2] or dt.date.max)
    )
    params = {"departure": trip.departure, "return": trip.return_date, "trips": rows}
    key = SPECIAL_KEY if trip.reentry_permit == ReentryPermit.SPECIAL else EXTENSION_KEY
    if outcome == "lapsed":
        params |= {"permit": trip.reentry_permit, "lapses_on": lapse}
        return Finding(RULE_ID, NOT_MET, "keep_pr.reentry.lapsed", params, **cited(t, key))
    if outcome == "will_lapse":
        # Before leaving: get a permit; abroad: come back (or extend a full permit) by the lapse.
        act_by = trip.departure if trip.departure > on else lapse
        params |= {
            "permit": trip.reentry_permit,
            "lapses_on": lapse,
            "act_by": act_by,
            "max_years": t[MAX_KEY],
            "extension_max_years": t[EXTENSION_KEY],
        }
        return Finding(RULE_ID, AT_RISK, "keep_pr.reentry.will_lapse", params, **cited(t, key))
    if outcome == "return_by":
        params |= {"permit": trip.reentry_permit, "lapses_on": lapse}
        return Finding(RULE_ID, MET, "keep_pr.reentry.return_by", params, **cited(t, key))
    if outcome == "permit_missing":
        params |= {"special_years": t[SPECIAL_KEY]}
        return Finding(
            RULE_ID, MET, "keep_pr.reentry.permit_missing", params, **cited(t, SPECIAL_KEY)
        )
    params |= {"longest_on": lapse, "max_years": t[MAX_KEY]}
    return Finding(RULE_ID, MET, "keep_pr.reentry.expiry_missing", params, **cited(t, key))
