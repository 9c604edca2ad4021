"""Public duties: taxes, pension and health insurance, immigration notifications.

Guideline 1(3)イ requires them to be fulfilled properly; its note (since 2024-11-18) says a
payment made late, even if settled before the application, is in principle judged negatively.
Only payments due within the route's look-back (the certificates the application must include)
are examined, so a late payment stops counting once its due date leaves that window.
Source: https://www.moj.go.jp/isa/applications/resources/nyukan_nyukan50.html.
"""

from __future__ import annotations

from assessments.eligibility.answers import Answers, Payment
from assessments.eligibility.choices import PaymentKind
from assessments.eligibility.rules.base import AT_RISK, MET, NOT_MET, Finding, cited
from assessments.eligibility.rules.dates import add_years, first_day_satisfied
from assessments.thresholds.snapshot import Thresholds

TAX_KINDS = frozenset({PaymentKind.RESIDENT_TAX, PaymentKind.NATIONAL_TAX})
INSURANCE_KINDS = frozenset({PaymentKind.PENSION, PaymentKind.HEALTH_INSURANCE})
DUTIES_REFERENCE = "永住許可に関するガイドライン（令和8年2月24日改訂） 1(3)イ"


def _payments(a: Answers, t: Thresholds, *, rule_id: str, kinds, key: str) -> Finding:
    """Judge late and unpaid payments of ``kinds`` within the look-back given by ``key``."""
    years = t[key]
    relevant = [p for p in a.payments if p.kind in kinds]
    unpaid = [p for p in relevant if p.paid_date is None]
    if unpaid:
        return Finding(
            rule_id,
            NOT_MET,
            f"{rule_id}.unpaid",
            {"count": len(unpaid), "kinds": sorted({p.kind for p in unpaid})},
            DUTIES_REFERENCE,
        )
    if years is None:
        return Finding(rule_id, MET, f"{rule_id}.ok", {"lookback_years": years}, **cited(t, key))
    window_start = add_years(a.application_date, -int(years))
    late = [p for p in relevant if p.due_date > window_start]
    if not late:
        return Finding(rule_id, MET, f"{rule_id}.ok", {"lookback_years": years}, **cited(t, key))
    latest: Payment = max(late, key=lambda p: p.due_date)
    clears_on = first_day_satisfied(
        t, a.application_date, lambda s: add_years(latest.due_date, s[key])
    )
    return Finding(
        rule_id,
        NOT_MET,
        f"{rule_id}.late",
        {"count": len(late), "latest_due": latest.due_date, "lookback_years": years},
        DUTIES_REFERENCE,
        clears_on=clears_on,
        basis=t.kind(key),
    )


def taxes(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check resident and national tax paid, and paid on time, within the look-back."""
    return _payments(a, t, rule_id="taxes", kinds=TAX_KINDS, key=f"lookback.tax_years.{route}")


def social_insurance(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check enrolment, then pension and health-insurance payments within the look-back."""
    if not (a.pension_enrolled and a.health_insurance_enrolled):
        return Finding(
            "social_insurance",
            NOT_MET,
            "social_insurance.not_enrolled",
            {"pension": a.pension_enrolled, "health_insurance": a.health_insurance_enrolled},
            DUTIES_REFERENCE,
        )
    return _payments(
        a,
        t,
        rule_id="social_insurance",
        kinds=INSURANCE_KINDS,
        key=f"lookback.social_insurance_years.{route}",
    )


def notifications(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check immigration notifications (address, employer, spouse) filed late or not at all."""
    key = "lookback.notifications_years"
    window_start = add_years(a.application_date, -int(t[key]))
    missed = [day for day in a.missed_notifications if day > window_start]
    if not missed:
        return Finding("notifications", MET, "notifications.ok", {}, DUTIES_REFERENCE)
    latest = max(missed)
    clears_on = first_day_satisfied(t, a.application_date, lambda s: add_years(latest, s[key]))
    return Finding(
        "notifications",
        AT_RISK,
        "notifications.missed",
        {"count": len(missed), "latest": latest, "lookback_years": t[key]},
        DUTIES_REFERENCE,
        clears_on=clears_on,
        basis=t.kind(key),
    )
