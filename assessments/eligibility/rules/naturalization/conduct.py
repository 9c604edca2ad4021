"""Good conduct for naturalization (Nationality Act Art. 5(1)(iii)).

No sentence still counting (spent under Penal Code Art. 34-2, or a waiting period after a
suspended sentence); taxes, pension and health insurance of the applicant *and the family*
paid, and paid on time in the last year (a late pension or health-insurance payment within two
years stays a risk: the same ledger of payments the permanent-residence check reads, each
window with its own source); traffic violations within practice's limits (at
most 5 in 5 years and fewer than 4 in the last 2; since 2022 some practitioners see
more than 3 in 5 years as a risk). Everything that clears with time says when; what only
payment or enrolment can fix has no date. Every check runs; the finding reported is the one
that would clear last (never first, as a failure that no date clears).
Sources: https://laws.e-gov.go.jp/law/325AC0000000147; practitioners (see the thresholds).
"""

from __future__ import annotations

import datetime as dt

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import CriminalRecordKind as K
from assessments.eligibility.choices import TrafficViolationKind
from assessments.eligibility.rules.base import AT_RISK, MET, NOT_MET, Finding, cited
from assessments.eligibility.rules.dates import add_years, first_day_satisfied
from assessments.thresholds.snapshot import Thresholds

ID = "conduct"
REFERENCE = "国籍法 5条1項3号（素行が善良であること）"
WAIT_KEYS = {
    K.IMPRISONMENT: "naturalization.conduct.imprisonment_wait_years",
    K.SUSPENDED_IMPRISONMENT: "naturalization.conduct.suspended_wait_years",
    K.FINE: "naturalization.conduct.fine_wait_years",
}
SERIOUS_TRAFFIC = "serious_traffic"
LOOKBACK_KEY = "naturalization.conduct.payments_lookback_years"
CAUTION_KEY = "naturalization.conduct.social_insurance_caution_years"
INSURANCE_KINDS = frozenset({"pension", "health_insurance"})


def _sentences(a: Answers, t: Thresholds) -> list[Finding]:
    """Return a failure for every sentence not yet spent on the application date."""
    records = [(r.kind, r.completed_on, WAIT_KEYS[r.kind]) for r in a.criminal_records]
    # A serious (criminal) traffic offence ends in a fine: the fine's waiting period applies.
    records += [
        (SERIOUS_TRAFFIC, v.date, WAIT_KEYS[K.FINE])
        for v in a.traffic_violations
        if v.kind == TrafficViolationKind.SERIOUS
    ]
    findings = []
    for kind, day, key in records:
        due = first_day_satisfied(t, a.application_date, lambda s, d=day, k=key: add_years(d, s[k]))
        if due > a.application_date:
            params = {"kind": str(kind), "completed_on": day, "wait_years": t[key]}
            findings.append(
                Finding(
                    ID,
                    NOT_MET,
                    "naturalization.conduct.sentence",
                    params,
                    clears_on=due,
                    **cited(t, key),
                )
            )
    return findings


def _count_clears_on(t, on, dates, allowed: int, window_key: str) -> dt.date:
    """Return the day enough of the oldest ``dates`` leave the window to fall to ``allowed``."""
    leaving = dates[len(dates) - allowed - 1]
    return first_day_satisfied(t, on, lambda s: add_years(leaving, s[window_key]))


def _traffic(a: Answers, t: Thresholds) -> list[Finding]:
    """Count violations in the long and the recent window against practice's limits."""
    on = a.application_date
    counts = {}
    for window_key in ("traffic_window_years", "traffic_recent_window_years"):
        start = add_years(on, -int(t[f"naturalization.conduct.{window_key}"]))
        counts[window_key] = sorted(v.date for v in a.traffic_violations if v.date > start)
    long, recent = counts["traffic_window_years"], counts["traffic_recent_window_years"]
    most, recent_most = (
        t["naturalization.conduct.traffic_max"],
        t["naturalization.conduct.traffic_recent_max"],
    )
    window = t["naturalization.conduct.traffic_window_years"]
    findings = []
    over = [
        _count_clears_on(t, on, dates, allowed, f"naturalization.conduct.{key}")
        for dates, allowed, key in (
            (long, most, "traffic_window_years"),
            (recent, recent_most, "traffic_recent_window_years"),
        )
        if len(dates) > allowed
    ]
    if over:
        params = {
            "count": len(long),
            "tolerance": most,
            "window_years": window,
            "recent_count": len(recent),
            "recent_tolerance": recent_most,
            "recent_window_years": t["naturalization.conduct.traffic_recent_window_years"],
        }
        findings.append(
            Finding(
                ID,
                NOT_MET,
                "naturalization.conduct.traffic",
                params,
                clears_on=max(over),
                **cited(t, "naturalization.conduct.traffic_max"),
            )
        )
    caution = t["naturalization.conduct.traffic_caution"]
    if len(long) > caution:
        findings.append(
            Finding(
                ID,
                AT_RISK,
                "naturalization.conduct.traffic_caution",
                {"count": len(long), "tolerance": caution, "window_years": window},
                clears_on=_count_clears_on(
                    t, on, long, caution, "naturalization.conduct.traffic_window_years"
                ),
                **cited(t, "naturalization.conduct.traffic_caution"),
            )
        )
    return findings


def _duties(a: Answers, t: Thresholds) -> list[Finding]:
    """Check enrolment, unpaid and recently late payments, and the family's arrears."""
    findings = []
    if not (a.pension_enrolled and a.health_insurance_enrolled):
        params = {"pension": a.pension_enrolled, "health_insurance": a.health_insurance_enrolled}
        findings.append(
            Finding(ID, NOT_MET, "naturalization.conduct.not_enrolled", params, REFERENCE)
        )
    unpaid = [p for p in a.payments if p.paid_date is None]
    if unpaid:
        kinds = sorted({p.kind for p in unpaid})
        params = {"count": len(unpaid), "kinds": kinds}
        findings.append(Finding(ID, NOT_MET, "naturalization.conduct.unpaid", params, REFERENCE))
    if a.family_arrears:
        findings.append(
            Finding(ID, NOT_MET, "naturalization.conduct.family_arrears", {}, REFERENCE)
        )
    findings += _late(a, t)
    return findings


def _late(a: Answers, t: Thresholds) -> list[Finding]:
    """Late payments: within the year they fail; pension and health insurance within two, a risk."""
    findings = []
    lookback, caution = t[LOOKBACK_KEY], t[CAUTION_KEY]
    start = add_years(a.application_date, -int(lookback))
    paid_late = [p for p in a.payments if p.paid_date is not None]
    late = [p for p in paid_late if p.due_date > start]
    if late:
        latest = max(p.due_date for p in late)
        due = first_day_satisfied(
            t, a.application_date, lambda s: add_years(latest, s[LOOKBACK_KEY])
        )
        params = {
            "count": len(late),
            "kinds": sorted({p.kind for p in late}),
            "latest_due": latest,
            "lookback_years": lookback,
        }
        findings.append(
            Finding(
                ID,
                NOT_MET,
                "naturalization.conduct.late",
                params,
                clears_on=due,
                **cited(t, LOOKBACK_KEY),
            )
        )
    if caution is None:
        return findings
    caution_start = add_years(a.application_date, -int(caution))
    earlier = [
        p for p in paid_late if p.kind in INSURANCE_KINDS and caution_start < p.due_date <= start
    ]
    if earlier:
        latest = max(p.due_date for p in earlier)
        due = first_day_satisfied(
            t, a.application_date, lambda s: add_years(latest, s[CAUTION_KEY])
        )
        params = {
            "count": len(earlier),
            "kinds": sorted({p.kind for p in earlier}),
            "latest_due": latest,
            "lookback_years": lookback,
            "caution_years": caution,
        }
        findings.append(
            Finding(
                ID,
                AT_RISK,
                "naturalization.conduct.late_earlier",
                params,
                clears_on=due,
                **cited(t, CAUTION_KEY),
            )
        )
    return findings


def _weight(finding: Finding):
    """Order findings: failures before risks; among them, no date first, then the latest."""
    day = finding.clears_on or dt.date.min
    return (finding.status != NOT_MET, finding.clears_on is not None, -day.toordinal())


def conduct(a: Answers, t: Thresholds) -> Finding:
    """Run every conduct check and report the one that weighs most."""
    findings = _sentences(a, t) + _duties(a, t) + _traffic(a, t)
    if findings:
        return min(findings, key=_weight)
    return Finding(ID, MET, "naturalization.conduct.ok", {}, REFERENCE)
