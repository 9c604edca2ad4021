"""The residence card: a permanent resident renews the card, not the status (入管法 19条の11).

The card of a holder aged 16 or over is valid ``keep_pr.card_validity_years`` from issue, and
its renewal can be applied for from ``keep_pr.card_renewal_opens_months`` before the expiry
until the expiry. Without the expiry printed on the card, the next one is estimated from the
grant (the first card is issued with it), and the estimate is never a known risk.
"""

from __future__ import annotations

import datetime as dt

from assessments.eligibility.answers import Answers
from assessments.eligibility.rules.base import AT_RISK, MET, Finding, cited
from assessments.eligibility.rules.dates import add_months, add_years
from assessments.thresholds.snapshot import Thresholds

VALIDITY_KEY = "keep_pr.card_validity_years"
OPENS_KEY = "keep_pr.card_renewal_opens_months"
RULE_ID = "residence_card"


def estimated_expiry(grant: dt.date, on: dt.date, years: int) -> dt.date:
    """Return the first expiry on or after ``on`` of cards renewed every ``years`` from ``grant``."""
    expiry = add_years(grant, years)
    cycles = 1
    while expiry < on:
        cycles += 1
        expiry = add_years(grant, years * cycles)
    return expiry


def residence_card(a: Answers, t: Thresholds) -> Finding:
    """Say when the card must be renewed, and whether that is now (or overdue)."""
    on, months = a.application_date, t[OPENS_KEY]
    expiry = a.residence_card_expiry
    if expiry is None:
        grant = a.status_grant_date
        expiry = estimated_expiry(grant, on, t[VALIDITY_KEY])
        params = {
            "expiry": expiry,
            "renewal_opens": add_months(expiry, -months),
            "grant_date": grant,
            "validity_years": t[VALIDITY_KEY],
        }
        return Finding(RULE_ID, MET, "keep_pr.card.estimated", params, **cited(t, VALIDITY_KEY))
    opens = add_months(expiry, -months)
    if expiry < on:
        params = {"expiry": expiry, "act_by": on}
        return Finding(RULE_ID, AT_RISK, "keep_pr.card.expired", params, **cited(t, OPENS_KEY))
    if opens <= on:
        params = {"expiry": expiry, "renewal_opens": opens, "act_by": expiry}
        return Finding(RULE_ID, AT_RISK, "keep_pr.card.renew_now", params, **cited(t, OPENS_KEY))
    params = {"expiry": expiry, "renewal_opens": opens}
    return Finding(RULE_ID, MET, "keep_pr.card.ok", params, **cited(t, OPENS_KEY))
