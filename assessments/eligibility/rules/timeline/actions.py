"""What the applicant's own action would clear, and from when (``would_clear`` of the timeline).

One case per finding code that can be ``not_met`` with no ``clears_on``: time alone does not
clear it, but something the applicant does would. Each case returns the action's code and
params (worded by templates) and the first day the requirement is then met, with the
thresholds in force on that day. A case returns None where the answers give no honest date.

Not every such finding has an action. Public health (guideline 1(3)オ) is not the applicant's
to change; HSP points below the mark or not kept (2(6), 2(7)) depend on a future calculation
that only the known points changes can date (``hsp_outlook`` speaks of those).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from assessments.eligibility.answers import Answers, IncomeYear
from assessments.eligibility.choices import ResidenceStatus
from assessments.eligibility.rules.base import MET, NOT_MET, Finding
from assessments.eligibility.rules.dates import (
    add_years,
    certifiable_years,
    first_changeable_year,
    first_day_satisfied,
)
from assessments.eligibility.rules.livelihood import livelihood, required_income
from assessments.eligibility.rules.obligations import INSURANCE_KINDS, TAX_KINDS
from assessments.eligibility.rules.period_of_stay import longest_period_key, renewal_opens
from assessments.eligibility.rules.residence import residence_period
from assessments.eligibility.rules.routes import NOT_ACCEPTED_STATUSES
from assessments.thresholds.snapshot import Thresholds

#: Every action code with the params it carries (the ``would_clear[]`` items of the contract).
ACTION_CODES: dict[str, tuple[str, ...]] = {
    "status_eligible.renew_first": ("expiry", "filing_opens"),
    "status_eligible.change_status": ("status",),
    "residence_period.change_status": ("status", "changed_on", "required"),
    "period_of_stay.at_renewal": ("expiry", "filing_opens", "renewed_from", "required"),
    "livelihood.raise_income": ("required", "from_year", "to_year"),
    "livelihood.stop_assistance": ("required", "from_year", "to_year"),
    "taxes.settle_now": ("count", "latest_due", "lookback_years"),
    "social_insurance.settle_now": ("count", "latest_due", "lookback_years"),
    "social_insurance.enrol_now": ("pension", "health_insurance", "unpaid", "lookback_years"),
    "guarantor.find_one": ("guarantor",),
    "landing_standards.conform": (),
    "landing_standards.meet_business_standards": ("since",),
}


#: What else may have to hold on a plan's date (the ``also[]`` items of ``would_clear``).
ALSO_CODES: dict[str, tuple[str, ...]] = {
    "period_of_stay.renew_longest": ("expiry", "filing_opens", "required"),
}
#: Actions that are themselves the renewal: their date needs no other.
RENEWALS = frozenset({"status_eligible.renew_first", "period_of_stay.at_renewal"})


def action_for(a: Answers, t: Thresholds, route: str, finding: Finding) -> dict | None:
    """Return ``{requirement, code, params, clears_on, also}`` for a stuck finding, or None."""
    case = ACTIONS.get(finding.code)
    found = case(a, t, route, finding) if case else None
    if found is None:
        return None
    also = [] if found["code"] in RENEWALS else also_on(a, t, found["clears_on"])
    return {"requirement": finding.id, **found, "also": also}


def also_on(a: Answers, t: Thresholds, day: dt.date | None) -> list[dict]:
    """Return what else must hold on ``day`` for an application filed then, beyond the plan.

    The period of stay must be current on the day of application (入管法 22条: PR is a change
    of status, and filing it gives no special extension period). If it ends before ``day``,
    that day also needs a renewal, filed before it ends, and granted with the period that
    counts as the longest on ``day`` (guideline 1(3)ウ; a rule change may lengthen it), which
    the renewal may not give. Only for a status still current on the application date.
    """
    expiry = a.status_expiry_date
    if day is None or expiry is None or expiry >= day or a.period_of_stay_years is None:
        return []
    if expiry < a.application_date:
        # Already ended on the application date: no renewal can be filed any more, and the
        # status's own finding (``status_eligible.status_expired``) says what to do.
        return []
    then = t.at(day)
    return [
        {
            "code": "period_of_stay.renew_longest",
            "params": {
                "expiry": expiry,
                "filing_opens": renewal_opens(expiry, a.period_of_stay_years, t),
                "required": then[longest_period_key(a.status, then)],
            },
        }
    ]


def _renew_first(a: Answers, t: Thresholds, route: str, finding: Finding) -> dict:
    """A status that ends before the application date must be renewed before it ends.

    Permanent residence is a change of status (入管法 22条): renewed in time (the filing opens
    ``renewal.filing_opens_months`` before the end), the status is current on the application
    date. Once it has ended, this is no longer the applicant's to fix: the template says so.
    From a status PR is not granted from, renewing it is not enough: the change of status is
    the action.
    """
    if a.status in NOT_ACCEPTED_STATUSES:
        return _leave_status(a, t, route, finding)
    expiry = a.status_expiry_date
    return {
        "code": "status_eligible.renew_first",
        "params": {
            "expiry": expiry,
            "filing_opens": renewal_opens(expiry, a.period_of_stay_years, t),
        },
        "clears_on": a.application_date,
    }


def _leave_status(a: Answers, t: Thresholds, route: str, finding: Finding) -> dict:
    """PR is not granted from a student or trainee status: a change of status clears this."""
    return {
        "code": "status_eligible.change_status",
        "params": {"status": a.status},
        "clears_on": a.application_date,
    }


def _qualifying_status(a: Answers, t: Thresholds, route: str, finding: Finding) -> dict | None:
    """The years on a work or family-based status count from a change to one, made now.

    The rule itself says when: the same answers, on a working status from the application
    date, are judged by ``residence_period`` and its own date is the day this clears.
    """
    changed = replace(
        a, status=ResidenceStatus.WORK.value, qualifying_status_start_date=a.application_date
    )
    then = residence_period(changed, t, route)
    clears_on = a.application_date if then.status == MET else then.clears_on
    if clears_on is None:
        return None
    return {
        "code": "residence_period.change_status",
        "params": {
            "status": a.status,
            "changed_on": a.application_date,
            "required": t.at(clears_on)["residence.general.qualifying_status_min_years"],
        },
        "clears_on": clears_on,
    }


def _at_renewal(a: Answers, t: Thresholds, route: str, finding: Finding) -> dict | None:
    """A longer period of stay comes only with a renewal: from the day the renewed one begins.

    A renewed period runs from the day after the current one ends, so that is the first day
    one holds it (the decision may come earlier, but its date cannot be known). The period
    needed is the one in force that day: 3 years counts only until 2027-03-31 (note 1), except
    for a status whose own longest period is shorter (Specified Skilled Worker (ii): 3 years).
    """
    expiry = a.status_expiry_date
    if expiry is None:
        return None
    renewed_from = expiry + dt.timedelta(days=1)
    clears_on = max(renewed_from, a.application_date)
    return {
        "code": "period_of_stay.at_renewal",
        "params": {
            "expiry": expiry,
            "filing_opens": renewal_opens(expiry, a.period_of_stay_years, t),
            "renewed_from": renewed_from,
            "required": t.at(clears_on)[longest_period_key(a.status, t.at(clears_on))],
        },
        "clears_on": clears_on,
    }


def _income_from(
    a: Answers, t: Thresholds, route: str, *, after_year: int, from_year: int, required: int
) -> tuple[int, dt.date]:
    """Return the last income year to earn and the day livelihood is then met.

    Every year looked back on must come after ``after_year``: year Y is certified from 1 June
    of Y+1, with the look-back then in force. Income at ``required`` from ``from_year`` on is
    then judged by the rule itself, which may still wait for an earlier year to become
    certifiable (one before residence began): its own date is then the later one.
    """
    key, month = f"lookback.tax_years.{route}", "lookback.certificate_month"
    day = first_day_satisfied(
        t,
        a.application_date,
        lambda s: dt.date(after_year + int(s[key]) + 1, int(s[month]), 1),
    )
    while True:
        to_year = certifiable_years(day, t.at(day)[key], t.at(day)[month])[0]
        rows = {row.year: row for row in a.income}
        rows.update(
            {y: IncomeYear(year=y, applicant=required) for y in range(from_year, to_year + 1)}
        )
        earned = replace(
            a, income=tuple(rows.values()), public_assistance=False, application_date=day
        )
        then = livelihood(earned, t.at(day), route)
        if then.status != NOT_MET or then.clears_on is None or then.clears_on <= day:
            return to_year, day
        day = then.clears_on


def _raise_income(a: Answers, t: Thresholds, route: str, finding: Finding) -> dict:
    """Income at the mark in every year after the last one below, until it fills the look-back.

    The plan starts from a year whose income can still change (``first_changeable_year``):
    in December 2026, 2026 is almost all earned. The years between the newest one entered and
    that year are not in the answers; they are taken to be like the newest one entered. When
    that one is below the mark (the income is short now), they are presumed short too, and
    every year looked back on must be one the plan covers. When it meets the mark (an older
    year was short), the plan is to keep the income from the year after the newest
    certifiable one.
    """
    years = t[f"lookback.tax_years.{route}"]
    newest = certifiable_years(a.application_date, years, t["lookback.certificate_month"])[0]
    below = finding.params.get("years_below") or [finding.params.get("year", newest)]
    required = finding.params.get("required")
    entered = [row.year for row in a.income if row.year <= newest]
    from_year, after_year = newest + 1, max(below)
    if max(entered, default=newest) in below:
        from_year = max(from_year, first_changeable_year(a.application_date))
        after_year = max(after_year, from_year - 1)
    to_year, clears_on = _income_from(
        a, t, route, after_year=after_year, from_year=from_year, required=required
    )
    return {
        "code": "livelihood.raise_income",
        "params": {"required": required, "from_year": from_year, "to_year": to_year},
        "clears_on": clears_on,
    }


def _stop_assistance(a: Answers, t: Thresholds, route: str, finding: Finding) -> dict:
    """Off public assistance, with the applicant's own income at the mark every year after.

    Assistance received in the application year makes that year one of dependence (guideline
    1(2): 公共の負担にならず), so, conservatively, every year looked back on must follow it.
    """
    year, required = a.application_date.year, required_income(a, t)
    to_year, clears_on = _income_from(
        a, t, route, after_year=year, from_year=year + 1, required=required
    )
    return {
        "code": "livelihood.stop_assistance",
        "params": {"required": required, "from_year": year + 1, "to_year": to_year},
        "clears_on": clears_on,
    }


def _lookback_key(rule: str, route: str) -> str:
    return {
        "taxes": f"lookback.tax_years.{route}",
        "social_insurance": f"lookback.social_insurance_years.{route}",
    }[rule]


def _settle(a: Answers, t: Thresholds, route: str, finding: Finding) -> dict:
    """An unpaid payment settled on the application date is late: it counts until it leaves.

    So does every other payment of the kind already paid late: the last to leave sets the day.
    """
    rule = finding.id
    key = _lookback_key(rule, route)
    kinds = TAX_KINDS if rule == "taxes" else INSURANCE_KINDS
    owed = [p for p in a.payments if p.kind in kinds]
    latest = max(p.due_date for p in owed)
    clears_on = first_day_satisfied(t, a.application_date, lambda s: add_years(latest, s[key]))
    return {
        "code": f"{rule}.settle_now",
        "params": {
            "count": sum(p.paid_date is None for p in owed),
            "latest_due": latest,
            "lookback_years": t[key],
        },
        "clears_on": clears_on,
    }


def _enrol(a: Answers, t: Thresholds, route: str, finding: Finding) -> dict:
    """Enrolled now and paying on time, the records checked are complete once they cover the
    whole look-back: the months before enrolment show as not paid until they leave it."""
    key = _lookback_key("social_insurance", route)
    owed = [p for p in a.payments if p.kind in INSURANCE_KINDS]
    since = max([a.application_date, *(p.due_date for p in owed)])
    clears_on = first_day_satisfied(t, a.application_date, lambda s: add_years(since, s[key]))
    return {
        "code": "social_insurance.enrol_now",
        "params": {
            "pension": a.pension_enrolled,
            "health_insurance": a.health_insurance_enrolled,
            "unpaid": sum(p.paid_date is None for p in owed),
            "lookback_years": t[key],
        },
        "clears_on": clears_on,
    }


def _find_guarantor(a: Answers, t: Thresholds, route: str, finding: Finding) -> dict:
    """The letter of guarantee is a document: signed by an eligible guarantor, it is there."""
    return {
        "code": "guarantor.find_one",
        "params": {"guarantor": a.guarantor},
        "clears_on": a.application_date,
    }


def _conform(a: Answers, t: Thresholds, route: str, finding: Finding) -> dict:
    """Guideline 1(3)エ looks at the activity when the application is filed: once it fits the
    status again (or the status is changed to fit it), it no longer stands in the way."""
    return {"code": "landing_standards.conform", "params": {}, "clears_on": a.application_date}


def _meet_business_standards(a: Answers, t: Thresholds, route: str, finding: Finding) -> dict:
    """The Business Manager standards are judged on the business when the application is
    filed: once it meets them, the gate no longer stands in the way."""
    return {
        "code": "landing_standards.meet_business_standards",
        "params": {"since": finding.params["since"]},
        "clears_on": a.application_date,
    }


Action = Callable[[Answers, Thresholds, str, Finding], dict | None]

#: The finding codes an action clears; every other not-met code without a date has none.
ACTIONS: dict[str, Action] = {
    "status_eligible.status_expired": _renew_first,
    "status_eligible.status_not_accepted": _leave_status,
    "residence_period.no_qualifying_status": _qualifying_status,
    "period_of_stay.too_short": _at_renewal,
    "period_of_stay.three_year_ended": _at_renewal,
    "livelihood.income_below": _raise_income,
    "livelihood.public_assistance": _stop_assistance,
    "taxes.unpaid": _settle,
    "social_insurance.unpaid": _settle,
    "social_insurance.not_enrolled": _enrol,
    "guarantor.missing": _find_guarantor,
    "guarantor.not_eligible": _find_guarantor,
    "landing_standards.not_met": _conform,
    "landing_standards.business_standards_not_met": _meet_business_standards,
}

#: Not met with no date, and no action the applicant can take that the answers could date.
NO_ACTION = frozenset(
    {
        "residence_period.hsp_points_low",
        "residence_period.hsp_points_not_maintained",
        "public_health.risk",
        # An answer of a status before the day it exists: the answer, not the applicant, is wrong.
        "status_eligible.status_not_yet_created",
    }
)
assert not NO_ACTION & set(ACTIONS)
