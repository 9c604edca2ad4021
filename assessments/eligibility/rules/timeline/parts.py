"""The pieces of the timeline: periods, trips, windows, marks and milestones (dates and codes).

Every window ends on the application date and starts where the rule that reads it starts
looking; every mark says the day it leaves its window, with the values in force on that day.
"""

from __future__ import annotations

import datetime as dt

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import (
    CriminalRecordKind,
    PaymentKind,
    Route,
    TrafficViolationKind,
)
from assessments.eligibility.rules.base import RouteResult
from assessments.eligibility.rules.continuity import days_abroad_by_year
from assessments.eligibility.rules.dates import (
    add_months,
    add_years,
    certifiable_years,
    first_day_satisfied,
)
from assessments.eligibility.rules.residence_keys import residence_years_key
from assessments.thresholds.snapshot import Thresholds, is_draft

#: Milestone codes that mark a change of the rules rather than a date of the applicant.
RULE_CHANGES = ("rule_change", "draft_rule_change", "three_year_period_last_day")
PAYMENT_RULE = {
    PaymentKind.RESIDENT_TAX: "taxes",
    PaymentKind.NATIONAL_TAX: "taxes",
    PaymentKind.PENSION: "social_insurance",
    PaymentKind.HEALTH_INSURANCE: "social_insurance",
}
SENTENCE_KEYS = {
    CriminalRecordKind.IMPRISONMENT: "conduct.imprisonment_wait_years",
    CriminalRecordKind.SUSPENDED_IMPRISONMENT: "conduct.suspended_wait_years",
    CriminalRecordKind.FINE: "conduct.fine_wait_years",
}
TRAFFIC_KEYS = {
    TrafficViolationKind.MINOR: "conduct.traffic_window_years",
    # A serious (criminal) traffic offence ends in a fine: the fine's waiting period applies.
    TrafficViolationKind.SERIOUS: "conduct.fine_wait_years",
}
ROUTES = frozenset(Route.values)
#: Which requirement a threshold key belongs to, by prefix (for "the rules change on …").
KEY_REQUIREMENTS = (
    ("residence.", "residence_period"),
    ("hsp.", "residence_period"),
    ("absence.", "continuity"),
    ("period_of_stay.", "period_of_stay"),
    ("livelihood.", "livelihood"),
    ("lookback.tax_years.", "taxes"),
    ("lookback.social_insurance_years.", "social_insurance"),
    ("lookback.notifications_years", "notifications"),
    ("conduct.", "conduct"),
)


def iso(value):
    """Return ``value`` with every date as an ISO string (the JSON shape)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: iso(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [iso(item) for item in value]
    return value


def periods(a: Answers) -> list[dict]:
    """Return residence, status and marriage periods, each up to the application date."""
    app, start = a.application_date, a.residence_start_date
    found = [{"code": "residence", "start": start, "end": app}]
    q = a.qualifying_status_start_date
    if q is not None and q > start:
        found.append({"code": "earlier_status", "start": start, "end": q})
    if q is not None:
        found.append({"code": "qualifying_status", "start": q, "end": app})
    if a.status_grant_date is not None:
        expiry = a.status_expiry_date
        end = expiry if expiry is not None and expiry > a.status_grant_date else app
        found.append(
            {"code": "current_status", "status": a.status, "start": a.status_grant_date, "end": end}
        )
    if a.marriage_date is not None:
        found.append({"code": "marriage", "start": a.marriage_date, "end": app})
    return found


def trips(a: Answers, t: Thresholds, route: str) -> list[dict]:
    """Return every trip once, oldest first, with the longest and those over a limit marked."""
    warning = t["absence.single_trip_warning_days"]
    # The draft's limit is never in force: a trip over it is marked apart (``over_draft_limit``).
    draft_months = t.with_drafts()["absence.single_trip_max_months"]
    years = t[residence_years_key(route)]
    window_start = add_years(a.application_date, -int(years or 0))
    ordered = sorted(a.trips, key=lambda trip: (trip.departure, trip.return_date))
    longest = max(ordered, key=lambda trip: trip.days, default=None)
    return [
        {
            "departure": trip.departure,
            "return": trip.return_date,
            "days": trip.days,
            "longest": trip is longest and trip.days > 0,
            "over_limit": trip.days >= warning,
            "over_draft_limit": draft_months is not None
            and trip.return_date >= add_months(trip.departure, draft_months),
            "in_window": trip.return_date > window_start,
        }
        for trip in ordered
    ]


def _window(a: Answers, requirement: str, code: str, years, **extra) -> dict:
    start = add_years(a.application_date, -int(years))
    return {
        "requirement": requirement,
        "code": code,
        "start": start,
        "end": a.application_date,
        "years": years,
        **extra,
    }


def windows(a: Answers, t: Thresholds, route: str) -> list[dict]:
    """Return each look-back window the route's rules read, ending on the application date."""
    found = []
    years = t[residence_years_key(route)]
    if years is not None:
        found.append(_continuity_window(a, t, years))
    drafted = t.with_drafts()
    if drafted["absence.cumulative_max_months"] is not None:
        # Only the pending draft counts absences over this window: marked as a draft.
        years = drafted["absence.window_years"]
        found.append(_window(a, "continuity", "absence.window_years", years, draft=True))
    tax_years = t[f"lookback.tax_years.{route}"]
    income_years = sorted(
        certifiable_years(a.application_date, tax_years, t["lookback.certificate_month"])
    )
    found.append(
        {
            **_window(a, "livelihood", "livelihood.income_years", tax_years),
            "start": dt.date(income_years[0], 1, 1),
            "income_years": income_years,
        }
    )
    found.append(_window(a, "taxes", "lookback.tax_years", tax_years))
    found.append(
        _window(
            a,
            "social_insurance",
            "lookback.social_insurance_years",
            t[f"lookback.social_insurance_years.{route}"],
        )
    )
    if a.missed_notifications:
        key = "lookback.notifications_years"
        found.append(_window(a, "notifications", key, t[key]))
    conduct_keys = {SENTENCE_KEYS[r.kind] for r in a.criminal_records}
    conduct_keys |= {TRAFFIC_KEYS[v.kind] for v in a.traffic_violations}
    for key in sorted(conduct_keys, key=lambda key: (t[key], key)):
        found.append(_window(a, "conduct", key, t[key]))
    return found


def _continuity_window(a: Answers, t: Thresholds, years) -> dict:
    """Return the route's residence period as a window, with the days abroad per calendar year."""
    window = _window(a, "continuity", "absence.days_per_year", years)
    limit = t["absence.days_per_year_warning"]
    inside = tuple(trip for trip in a.trips if trip.return_date > window["start"])
    by_year = days_abroad_by_year(inside)
    window["per_year"] = [
        {"year": year, "days": days, "over_limit": days >= limit}
        for year, days in sorted(by_year.items())
        if dt.date(year + 1, 1, 1) > window["start"]
    ]
    return window


def _leaves(a: Answers, t: Thresholds, day: dt.date, key: str) -> dt.date:
    """Return the day ``day`` leaves a window of ``key`` years, with the values then in force."""
    left = add_years(day, t[key])
    if left <= a.application_date:
        return left
    return first_day_satisfied(t, a.application_date, lambda s: add_years(day, s[key]))


def marks(a: Answers, t: Thresholds, route: str) -> list[dict]:
    """Return late or unpaid payments, missed notifications, sentences and traffic violations."""
    app = a.application_date
    found = []
    for p in a.payments:
        requirement = PAYMENT_RULE[PaymentKind(p.kind)]
        key = {
            "taxes": f"lookback.tax_years.{route}",
            "social_insurance": f"lookback.social_insurance_years.{route}",
        }[requirement]
        leaves = None if p.paid_date is None else _leaves(a, t, p.due_date, key)
        found.append(
            {
                "requirement": requirement,
                "code": "payment.unpaid" if p.paid_date is None else "payment.late",
                "kind": p.kind,
                "date": p.due_date,
                "paid_date": p.paid_date,
                "leaves_window_on": leaves,
                "counts": leaves is None or leaves > app,
            }
        )
    for day in a.missed_notifications:
        found.append(_dated(a, t, "notifications", "notification.missed", "", day, key=None))
    for record in a.criminal_records:
        found.append(
            _dated(
                a,
                t,
                "conduct",
                "conduct.sentence",
                record.kind,
                record.completed_on,
                key=SENTENCE_KEYS[record.kind],
            )
        )
    for v in a.traffic_violations:
        found.append(
            _dated(a, t, "conduct", "conduct.traffic", v.kind, v.date, key=TRAFFIC_KEYS[v.kind])
        )
    return sorted(found, key=lambda mark: (mark["date"], mark["code"]))


def _dated(a: Answers, t: Thresholds, requirement, code, kind, day, *, key) -> dict:
    leaves = _leaves(a, t, day, key or "lookback.notifications_years")
    return {
        "requirement": requirement,
        "code": code,
        "kind": kind,
        "date": day,
        "leaves_window_on": leaves,
        "counts": leaves > a.application_date,
    }


def milestones(a: Answers, t: Thresholds, best: RouteResult) -> list[dict]:
    """Return the dated points of the chart, in date order."""
    found = [
        {"code": "residence_start", "date": a.residence_start_date},
        {"code": "application_date", "date": a.application_date},
    ]
    optional = (
        ("marriage", a.marriage_date, {}),
        ("status_grant", a.status_grant_date, {"status": a.status}),
        ("status_expiry", a.status_expiry_date, {}),
        ("earliest_date", best.earliest_date, {"route": best.route}),
    )
    found += [{"code": code, "date": day, **extra} for code, day, extra in optional if day]
    transition = t["period_of_stay.transition_date"]
    if transition is not None:
        found.append({"code": "three_year_period_last_day", "date": transition})
    found += _rule_changes(t, best.route)
    found += [
        {"code": "hsp_points_change", "date": c.date, "points": c.points}
        for c in a.hsp_points_changes
    ]
    return sorted(found, key=lambda m: (m["date"], m["code"]))


def _concerns(key: str, route: str) -> bool:
    """Return whether threshold ``key`` applies to ``route`` (keys naming another route do not)."""
    named = {part for part in key.split(".") if part in ROUTES} | (
        {Route.HSP_70, Route.HSP_80} if key.startswith("hsp.") else set()
    )
    return not named or route in named


def _rule_changes(t: Thresholds, route: str) -> list[dict]:
    """Return each later day on which a threshold of the route changes, with its requirements.

    ``rule_change`` lists only versions in force; a draft is never in force, so the days and
    requirements a pending draft would change are a milestone of their own,
    ``draft_rule_change`` (``draft: true``).
    """
    first = min((v.valid_from for v in t.timeline), default=t.as_of)
    by_day: dict[tuple[str, dt.date], set[str]] = {}
    for version in t.timeline:
        requirement = next(
            (rid for prefix, rid in KEY_REQUIREMENTS if version.key.startswith(prefix)), None
        )
        if requirement and version.valid_from > first and _concerns(version.key, route):
            code = "draft_rule_change" if is_draft(version) else "rule_change"
            by_day.setdefault((code, version.valid_from), set()).add(requirement)
    return [
        {
            "code": code,
            "date": day,
            "requirements": sorted(rids),
            **({"draft": True} if code == "draft_rule_change" else {}),
        }
        for (code, day), rids in sorted(by_day.items(), key=lambda item: item[0][::-1])
    ]
