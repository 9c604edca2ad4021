"""Taxes, social insurance and notifications after the grant (入管法 22条の4第1項8号).

From ``keep_pr.non_payment_revocation_from`` (2027-04-01) permanent residence can be revoked,
or changed ex officio to another status, for deliberately not paying taxes and social
insurance or for breaching duties under the Immigration Act. Whether a non-payment is
"deliberate" rests on the draft revocation guideline, so these findings are only ever
``at_risk`` (ADR 005): an unpaid amount asks for action (pay, or arrange an instalment plan,
which the draft excludes), one paid late since the day is a record that may be weighed.
Records from before the grant, and late payments settled before the day, are set aside.
"""

from __future__ import annotations

import datetime as dt

from assessments.eligibility.answers import Answers
from assessments.eligibility.rules.base import AT_RISK, MET, Finding
from assessments.thresholds.snapshot import Thresholds, is_draft

REVOCATION_KEY = "keep_pr.non_payment_revocation_from"


def revocation(t: Thresholds) -> tuple[dt.date | None, dict]:
    """Return the day revocation for non-payment applies, with the finding's source.

    An adopted version (official) is read as law; until then the pending draft's day, with
    basis ``draft``.
    """
    law = t[REVOCATION_KEY]
    if law is not None:
        entry = t.entry(REVOCATION_KEY)
        return law, {"reference": entry.source_title, "basis": entry.kind}
    # The draft pending on the day, else (a check dated before it was published) the first one.
    drafts = [v for v in t.timeline if v.key == REVOCATION_KEY and is_draft(v)]
    pending = t.draft(REVOCATION_KEY) or min(drafts, key=lambda v: v.valid_from, default=None)
    if pending is None:
        return None, {"reference": "", "basis": "draft"}
    return pending.value, {"reference": pending.source_title, "basis": "draft"}


def public_dues(a: Answers, t: Thresholds) -> Finding:
    """Judge payments since the grant: unpaid asks to act now, late since the day is a risk."""
    on, grant = a.application_date, a.status_grant_date
    day, source = revocation(t)
    since_grant = [p for p in a.payments if grant is None or p.due_date >= grant]
    # Still owed is still owed, whenever it fell due.
    unpaid = [p for p in a.payments if p.paid_date is None]
    if unpaid and day is not None:
        # Before the day comes, pay before it; from it, pay now.
        act_by = on if on >= day else day - dt.timedelta(days=1)
        params = {
            "count": len(unpaid),
            "kinds": sorted({p.kind for p in unpaid}),
            "revocation_from": day,
            "act_by": act_by,
        }
        return Finding("public_dues", AT_RISK, "keep_pr.dues.unpaid", params, **source)
    late = [p for p in since_grant if day is not None and p.due_date >= day]
    if late:
        params = {
            "count": len(late),
            "kinds": sorted({p.kind for p in late}),
            "latest_due": max(p.due_date for p in late),
            "revocation_from": day,
        }
        return Finding("public_dues", AT_RISK, "keep_pr.dues.late", params, **source)
    set_aside = [
        {"kind": p.kind, "due_date": p.due_date, "paid_date": p.paid_date}
        for p in a.payments
        if p not in late
    ]
    params = {"revocation_from": day, "set_aside": set_aside}
    return Finding("public_dues", MET, "keep_pr.dues.ok", params, **source)


def notifications(a: Answers, t: Thresholds) -> Finding:
    """Judge notifications (address, and others) missed since the day revocation applies."""
    day, source = revocation(t)
    missed = [d for d in a.missed_notifications if day is not None and d >= day]
    if missed:
        params = {"count": len(missed), "latest": max(missed), "revocation_from": day}
        return Finding("notifications", AT_RISK, "keep_pr.notifications.missed", params, **source)
    set_aside = [d for d in a.missed_notifications if d not in missed]
    params = {"revocation_from": day, "set_aside": set_aside}
    return Finding("notifications", MET, "keep_pr.notifications.ok", params, **source)
