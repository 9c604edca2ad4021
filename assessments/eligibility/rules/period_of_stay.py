"""The longest period of stay (guideline 1(3)ウ and note 1).

The applicant must hold the longest period of stay for their status. Since 2012 a 3-year
period has been treated as the longest; note 1 of the 2026-02-24 revision ends that on
2027-03-31, except once: a holder of a 3-year period on that day keeps it for the first
decision within that period. Decisions take months, so a 3-year holder applying now is
decided under the transition, and needs the decision before the card expires.
Source: https://www.moj.go.jp/isa/applications/resources/nyukan_nyukan50.html

A status whose own longest period (施行規則別表第二) is not the general one has its own dated
key (``STATUS_LONGEST_KEYS``): Specified Skilled Worker (ii) has 3 years at most, so its 3-year
holders have the longest period whatever the general treatment of 3 years; a draft ordinance
that would give it 5 years is a risk only, never the verdict (ADR 005).
"""

from __future__ import annotations

import datetime as dt

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import ResidenceStatus as S
from assessments.eligibility.rules.base import (
    AT_RISK,
    MET,
    NOT_MET,
    Finding,
    cited,
    draft_from,
    with_draft,
)
from assessments.eligibility.rules.dates import add_months, add_years
from assessments.thresholds.snapshot import Thresholds

#: Statuses whose longest period of stay is their own, each with its dated threshold key.
STATUS_LONGEST_KEYS = {S.SPECIFIED_SKILLED_2: "period_of_stay.longest_years.specified_skilled_2"}
#: A code that states the longest period in force, and its twin that says what a draft needs.
DRAFT_CODES = {"period_of_stay.too_short": "period_of_stay.draft_too_short"}


def period_of_stay(a: Answers, t: Thresholds, route: str) -> Finding:
    """Check that the current period of stay counts as the longest."""
    key = "period_of_stay.min_years"
    if a.period_of_stay_years is None:
        return Finding("period_of_stay", MET, "period_of_stay.unlimited", {}, **cited(t, key))
    status_key = longest_period_key(a.status, t)
    if status_key != key:
        law = _status_longest(a, t, status_key)
        drafted = _status_longest(a, t.with_drafts(), status_key)
        return with_draft(law, drafted, codes=DRAFT_CODES, draft_on=draft_from(t, [status_key]))
    years, required = _whole(a.period_of_stay_years), t[key]
    grace_years = t["period_of_stay.grace_period_years"]
    if years == grace_years and t["period_of_stay.transition_date"] is not None:
        return _transition(a, t)
    params = {"years": years, "required": required}
    if years >= required:
        return Finding("period_of_stay", MET, "period_of_stay.ok", params, **cited(t, key))
    return Finding("period_of_stay", NOT_MET, "period_of_stay.too_short", params, **cited(t, key))


def longest_period_key(status: str, t: Thresholds) -> str:
    """Return the threshold key of the period that counts as the longest for ``status``.

    A status's own key applies once it has a value in force (Specified Skilled Worker (ii)
    exists since 2019-04-01); before that, or for any other status, the general key does.
    """
    key = STATUS_LONGEST_KEYS.get(status)
    return key if key is not None and t[key] is not None else "period_of_stay.min_years"


def _status_longest(a: Answers, t: Thresholds, key: str) -> Finding:
    """Check the period against the status's own longest period (in force, or as if adopted)."""
    years, required = _whole(a.period_of_stay_years), t[key]
    params = {"years": years, "required": required}
    if years >= required:
        return Finding("period_of_stay", MET, "period_of_stay.ok", params, **cited(t, key))
    return Finding("period_of_stay", NOT_MET, "period_of_stay.too_short", params, **cited(t, key))


def _transition(a: Answers, t: Thresholds) -> Finding:
    """Judge a 3-year period around the transition date."""
    cite = cited(t, "period_of_stay.transition_date")
    transition = t["period_of_stay.transition_date"]
    expiry = a.status_expiry_date
    if expiry is None:
        return Finding(
            "period_of_stay",
            AT_RISK,
            "period_of_stay.missing_expiry",
            {"transition_date": transition, "missing": "status_expiry_date"},
            **cite,
        )
    granted = add_years(expiry, -int(t["period_of_stay.grace_period_years"]))
    held_on_transition = granted <= transition <= expiry
    if a.application_date > transition and not held_on_transition:
        return Finding(
            "period_of_stay",
            NOT_MET,
            "period_of_stay.three_year_ended",
            {"transition_date": transition, "required": t["period_of_stay.min_years"]},
            **cite,
        )
    decision_by = add_months(a.application_date, t[processing_key(a, t)])
    if a.application_date > transition or not held_on_transition or expiry < decision_by:
        return Finding(
            "period_of_stay",
            AT_RISK,
            "period_of_stay.three_year_grace",
            {"transition_date": transition, "expiry": expiry},
            **cite,
        )
    return Finding(
        "period_of_stay",
        MET,
        "period_of_stay.ok",
        {"years": _whole(a.period_of_stay_years), "required": t["period_of_stay.min_years"]},
        **cite,
    )


#: The months a decision can be expected to take (a cited practice figure), nationwide.
PROCESSING_KEY = "period_of_stay.expected_processing_months"


def processing_key(a: Answers, t: Thresholds) -> str:
    """Return the threshold key of the months a decision can be expected to take.

    The bureau's own practice figure where one is stored and in force (Tokyo takes longer
    than the national average), else the national figure: bureaus without a cited figure
    of their own, or no bureau answered.
    """
    key = f"{PROCESSING_KEY}.{a.immigration_bureau}"
    if a.immigration_bureau and key in t.entries and t[key] is not None:
        return key
    return PROCESSING_KEY


def renewal_opens(expiry: dt.date | None, period_years, t: Thresholds) -> dt.date | None:
    """Return the first day a renewal of the current period of stay can be filed, if known.

    For a period of at least ``renewal.min_period_months`` the filing opens
    ``renewal.filing_opens_months`` before it ends; a shorter one may be renewed at any time
    before it ends (None), as may one whose end or length is not known.
    """
    if not isinstance(period_years, int | float) or isinstance(period_years, bool):
        return None
    if expiry is None or period_years * 12 < t["renewal.min_period_months"]:
        return None
    return add_months(expiry, -int(t["renewal.filing_opens_months"]))


def _whole(years: float) -> float | int:
    """Return 3 rather than 3.0 (params are shown to people); 0.5 stays 0.5."""
    return int(years) if float(years).is_integer() else years
