"""Good conduct (入管法 22条2項1号; guideline 1(1) and 1(3)イ).

A sentence stops counting after a waiting period (ISA examination manual as quoted by
practitioners; Penal Code Art. 34-2): 10 years after imprisonment is served, 5 after a fine is
paid; for a suspended sentence sources disagree (its end, or 5 years more: prcheck waits the 5).
Repeated minor traffic violations count as misconduct. Spouses and children of Japanese
nationals and PRs are exempt from 1(1), but 1(3)イ ("not sentenced to a fine or imprisonment")
is part of the national-interest requirement, which applies to everyone.
Sources: https://www.moj.go.jp/isa/applications/resources/nyukan_nyukan50.html.
"""

from __future__ import annotations

import datetime as dt

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import CriminalRecordKind as K
from assessments.eligibility.choices import TrafficViolationKind
from assessments.eligibility.rules.base import AT_RISK, EXEMPT, MET, NOT_MET, Finding, cited
from assessments.eligibility.rules.dates import add_years, first_day_satisfied
from assessments.eligibility.rules.routes import is_family_of_japanese_or_pr
from assessments.thresholds.snapshot import Thresholds

WAIT_KEYS = {
    K.IMPRISONMENT: ("conduct.imprisonment", "conduct.imprisonment_wait_years"),
    K.SUSPENDED_IMPRISONMENT: ("conduct.suspended_sentence", "conduct.suspended_wait_years"),
    K.FINE: ("conduct.fine", "conduct.fine_wait_years"),
}
EXEMPT_REFERENCE = "入管法 22条2項ただし書; 永住許可に関するガイドライン 1 ※"


def _sentences(a: Answers, t: Thresholds) -> Finding | None:
    """Return the sentence that clears last, if any still counts on the application date."""
    records = [(*WAIT_KEYS[r.kind], r.completed_on, "completed_on") for r in a.criminal_records]
    # A serious (criminal) traffic offence ends in a fine: the fine's waiting period applies.
    records += [
        ("conduct.serious_traffic", "conduct.fine_wait_years", v.date, "date")
        for v in a.traffic_violations
        if v.kind == TrafficViolationKind.SERIOUS
    ]
    pending = []
    for code, key, day, date_param in records:
        clears_on = first_day_satisfied(
            t, a.application_date, lambda s, key=key, day=day: add_years(day, s[key])
        )
        if clears_on > a.application_date:
            pending.append((clears_on, code, {date_param: day, "wait_years": t[key]}, key))
    if not pending:
        return None
    clears_on, code, params, key = max(pending, key=lambda item: item[0])
    return Finding("conduct", NOT_MET, code, params, clears_on=clears_on, **cited(t, key))


def _traffic(a: Answers, t: Thresholds) -> Finding | None:
    """Flag more minor violations in the rolling window than are usually tolerated."""
    window, tolerance = t["conduct.traffic_window_years"], t["conduct.traffic_minor_tolerance"]
    start = add_years(a.application_date, -int(window))
    dates = sorted(
        v.date
        for v in a.traffic_violations
        if v.kind == TrafficViolationKind.MINOR and v.date > start
    )
    if len(dates) <= tolerance:
        return None
    # Enough of the oldest must leave the window for the count to fall back to the tolerance.
    leaving: dt.date = dates[len(dates) - tolerance - 1]
    clears_on = first_day_satisfied(
        t, a.application_date, lambda s: add_years(leaving, s["conduct.traffic_window_years"])
    )
    return Finding(
        "conduct",
        AT_RISK,
        "conduct.traffic_repeated",
        {"count": len(dates), "tolerance": tolerance, "window_years": window},
        clears_on=clears_on,
        **cited(t, "conduct.traffic_minor_tolerance"),
    )


def conduct(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check sentences, serious and repeated traffic violations, and unauthorised work."""
    sentence = _sentences(a, t)
    if sentence is not None:
        return sentence
    if is_family_of_japanese_or_pr(a):
        return Finding("conduct", EXEMPT, "conduct.exempt", {}, EXEMPT_REFERENCE)
    traffic = _traffic(a, t)
    if traffic is not None:
        return traffic
    if a.unauthorized_work:
        return Finding(
            "conduct",
            AT_RISK,
            "conduct.unauthorized_work",
            {},
            "永住許可に関するガイドライン（令和8年2月24日改訂） 1(1)",
            basis="practice",
        )
    return Finding(
        "conduct",
        MET,
        "conduct.ok",
        {},
        "永住許可に関するガイドライン（令和8年2月24日改訂） 1(1), 1(3)イ",
    )
