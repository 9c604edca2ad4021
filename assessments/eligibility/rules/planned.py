"""Planned trips: trips still to come, and what they do to the first day one can apply.

A requirement's window ends on the application date, so a trip counts on a given day only if it
has begun by then (``answers_on``). A planned trip after the application date changes nothing
for an application filed on that date; it matters when the person cannot apply before the trip
leaves. This module finds the first day one can apply with and without the planned trips: the
application date when the verdict allows applying on it, else the earliest date; then, with the
planned trips, it moves that day on while the trips abroad by then keep continuity unmet (the
only requirement that reads trips), or while the person would be abroad on it.
Pure: no ORM, no clock, no translation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from assessments.eligibility.answers import Answers, Trip
from assessments.eligibility.choices import Overall
from assessments.eligibility.rules.base import NOT_MET, Finding, RouteResult
from assessments.eligibility.rules.continuity import continuity
from assessments.thresholds.snapshot import Thresholds

#: Not a legal threshold: a bound on the search, far above any honest list of trips.
MAX_STEPS = 50
CAN_APPLY = (Overall.LIKELY_ELIGIBLE.value, Overall.ELIGIBLE_WITH_RISKS.value)


def answers_on(answers: Answers, day: dt.date) -> Answers:
    """Return the answers as they stand for an application filed on ``day``.

    Only trips that have begun before ``day`` fall in a window ending on it.
    """
    trips = tuple(trip for trip in answers.trips if trip.departure < day)
    return dataclasses.replace(answers, application_date=day, trips=trips)


def apply_from(result: RouteResult, application_date: dt.date) -> dt.date | None:
    """Return the first day one can apply: the application date, the earliest date, or None."""
    if result.overall in CAN_APPLY:
        return application_date
    return result.earliest_date


#: Why a day does not do: the person is abroad on it (else the continuity code that blocks it).
ABROAD = "planned_trips.abroad"


@dataclass(frozen=True)
class Move:
    """One reason the first day moved: on ``on``, ``code`` held until ``until``."""

    code: str
    on: dt.date
    until: dt.date | None


@dataclass(frozen=True)
class PlannedTrips:
    """The planned trips and the first day one can apply without and with them."""

    trips: tuple[Trip, ...]
    apply_from_without: dt.date | None
    apply_from_with: dt.date | None
    #: Why the first day moved, in order (empty when the trips change nothing).
    moves: tuple[Move, ...] = ()
    #: Continuity with the planned trips on the last day checked (it may still be a risk).
    continuity: Finding | None = None

    def to_json(self) -> dict:
        return {
            "trips": [
                {"departure": t.departure.isoformat(), "return": t.return_date.isoformat()}
                for t in self.trips
            ],
            "apply_from_without": _iso(self.apply_from_without),
            "apply_from_with": _iso(self.apply_from_with),
            "moves": self.apply_from_with != self.apply_from_without,
            "because": [
                {"code": m.code, "day": m.on.isoformat(), "until": _iso(m.until)}
                for m in self.moves
            ],
            "continuity": {
                "status": self.continuity.status,
                "code": self.continuity.code,
                "clears_on": _iso(self.continuity.clears_on),
            }
            if self.continuity
            else None,
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def planned_trips_effect(
    answers: Answers,
    t: Thresholds,
    *,
    with_trips: RouteResult,
    without_trips: RouteResult,
) -> PlannedTrips | None:
    """Return the planned trips' effect on the first day one can apply (None: no planned trip).

    ``with_trips`` and ``without_trips`` are the best routes on the application date with and
    without the planned trips.
    """
    planned = tuple(trip for trip in answers.trips if trip.planned)
    if not planned:
        return None
    day = apply_from(with_trips, answers.application_date)
    moves: list[Move] = []
    finding = None
    for _step in range(MAX_STEPS):
        if day is None:
            break
        finding = _continuity_on(answers, t, with_trips.route, day)
        back = _abroad_until(planned, day)
        if back is not None:
            moves.append(Move(ABROAD, day, back))
            day = back
        elif finding.status == NOT_MET:
            moves.append(Move(finding.code, day, finding.clears_on))
            day = finding.clears_on if finding.clears_on and finding.clears_on > day else None
        else:
            break
    else:
        day = None
    return PlannedTrips(
        trips=planned,
        apply_from_without=apply_from(without_trips, answers.application_date),
        apply_from_with=day,
        moves=tuple(moves),
        continuity=finding,
    )


def _continuity_on(answers: Answers, t: Thresholds, route: str, day: dt.date) -> Finding:
    return continuity(answers_on(answers, day), t.at(day), route)


def _abroad_until(planned: tuple[Trip, ...], day: dt.date) -> dt.date | None:
    """Return the return date of a planned trip under way on ``day`` (one must be in Japan to apply)."""
    for trip in planned:
        if trip.departure < day < trip.return_date:
            return trip.return_date
    return None


def without_planned(answers: Answers) -> Answers:
    """Return the answers with the planned trips left out."""
    return dataclasses.replace(
        answers, trips=tuple(trip for trip in answers.trips if not trip.planned)
    )
