"""Each action of ``would_clear`` does what it says: the same answers with the action taken,
judged on its ``clears_on``, meet the requirement it names; and every finding that can be
not met with no date either has an action or is known to have none."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from assessments.eligibility.answers import IncomeYear
from assessments.eligibility.choices import Guarantor, ResidenceStatus
from assessments.eligibility.rules import evaluate, evaluate_route
from assessments.eligibility.rules.base import NOT_MET
from assessments.eligibility.rules.codes import FINDING_CODES
from assessments.eligibility.rules.dates import add_years
from assessments.eligibility.rules.obligations import INSURANCE_KINDS, TAX_KINDS
from assessments.eligibility.rules.timeline.actions import (
    ACTION_CODES,
    ACTIONS,
    ALSO_CODES,
    NO_ACTION,
    RENEWALS,
)
from assessments.eligibility.rules.timeline.explain import would_clear
from tests.eligibility.test_engine_properties import THRESHOLDS, _example, _valid, any_day_answers

#: Risks an action does not touch, which may still stand on its ``clears_on``: a status whose
#: eligibility depends on its detail, no employment, a year the household's income carried, an
#: income year left blank, the 3-year period's grace under note 1 (a renewal before
#: 2027-04-01 may grant 3 years, which count only under it), and a draft's longer period for
#: Specified Skilled Worker (ii) (a renewal grants the 3 years in force, the draft's 5 may not
#: exist yet).
REMAINING_RISKS = frozenset(
    {
        "status_eligible.status_unusual",
        "livelihood.no_employment",
        "livelihood.household_income",
        "livelihood.income_missing",
        "period_of_stay.three_year_grace",
        "period_of_stay.draft_too_short",
    }
)


#: The engine's generated answers, with the declarations only an action changes varied too.
answers_with_declarations = st.tuples(
    any_day_answers(), st.booleans(), st.booleans(), st.booleans()
).map(
    lambda drawn: {
        **drawn[0],
        "pension_enrolled": drawn[1] or drawn[2],
        "health_insurance_enrolled": drawn[2],
        "meets_landing_standards": drawn[3],
    }
)


def _paid(payments, kinds, day):
    return tuple(
        dataclasses.replace(p, paid_date=day) if p.kind in kinds and p.paid_date is None else p
        for p in payments
    )


def _with_income(answers, params, **changes):
    rows = {row.year: row for row in answers.income}
    for year in range(params["from_year"], params["to_year"] + 1):
        rows[year] = IncomeYear(year=year, applicant=params["required"])
    return dataclasses.replace(answers, income=tuple(rows.values()), **changes)


def _acted(answers, item):
    """Return the answers with ``item``'s action taken (on the application date)."""
    code, p, on = item["code"], item["params"], answers.application_date
    if code == "livelihood.raise_income":
        return _with_income(answers, p)
    if code == "livelihood.stop_assistance":
        return _with_income(answers, p, public_assistance=False)
    if code == "taxes.settle_now":
        return dataclasses.replace(answers, payments=_paid(answers.payments, TAX_KINDS, on))
    if code == "social_insurance.settle_now":
        return dataclasses.replace(answers, payments=_paid(answers.payments, INSURANCE_KINDS, on))
    if code == "social_insurance.enrol_now":
        return dataclasses.replace(
            answers,
            pension_enrolled=True,
            health_insurance_enrolled=True,
            payments=_paid(answers.payments, INSURANCE_KINDS, on),
        )
    if code == "status_eligible.renew_first":
        return dataclasses.replace(answers, status_expiry_date=add_years(item["clears_on"], 1))
    if code in ("status_eligible.change_status", "residence_period.change_status"):
        expiry = answers.status_expiry_date
        return dataclasses.replace(
            answers,
            status=ResidenceStatus.WORK.value,
            qualifying_status_start_date=on,
            status_expiry_date=None if expiry is None else max(expiry, add_years(on, 1)),
        )
    if code == "period_of_stay.at_renewal":
        return dataclasses.replace(
            answers,
            period_of_stay_years=p["required"],
            status_expiry_date=add_years(p["expiry"], p["required"]),
        )
    if code == "guarantor.find_one":
        return dataclasses.replace(answers, guarantor=Guarantor.JAPANESE.value)
    if code == "landing_standards.conform":
        return dataclasses.replace(answers, meets_landing_standards=True)
    if code == "landing_standards.meet_business_standards":
        return dataclasses.replace(answers, business_manager_standards="yes")
    raise AssertionError(f"no way to take {code} in the answers")


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers_with_declarations)
@_example(status="student", status_expiry_date="2026-11-01")
@_example(status="dependent", guarantor="none", meets_landing_standards=False)
@_example(period_of_stay_years=1, status_expiry_date="2027-02-01")
@_example(period_of_stay_years=3, status_expiry_date="2028-02-01", application_date="2027-06-01")
@_example(public_assistance=True, income=[{"year": 2025, "applicant": 2_000_000}])
@_example(pension_enrolled=False)
@_example(
    payments=[
        {"kind": "resident_tax", "due_date": "2020-06-30", "paid_date": None},
        {"kind": "resident_tax", "due_date": "2025-06-30", "paid_date": "2025-08-01"},
    ]
)
@_example(application_date="2019-03-01", income=[{"year": 2017, "applicant": 1_000_000}])
def test_an_action_taken_meets_its_requirement_on_its_clears_on(data):
    answers = _valid(data)
    if answers is None:
        return
    for route in evaluate(answers, THRESHOLDS.at(answers.application_date)).considered:
        t = THRESHOLDS.at(answers.application_date)
        for item in would_clear(answers, t, route)["items"]:
            event(f"took {item['code']}")
            assert item["clears_on"] >= answers.application_date, item
            assert set(item["params"]) == set(ACTION_CODES[item["code"]]), item
            for also in item["also"]:
                assert set(also["params"]) == set(ALSO_CODES[also["code"]]), item
            expiry = answers.status_expiry_date
            current = (
                expiry is not None
                and expiry >= answers.application_date
                and answers.period_of_stay_years is not None
            )
            if item["code"] not in RENEWALS and current and expiry < item["clears_on"]:
                assert [c["code"] for c in item["also"]] == ["period_of_stay.renew_longest"], item
            later = dataclasses.replace(_acted(answers, item), application_date=item["clears_on"])
            found = evaluate_route(later, THRESHOLDS.at(item["clears_on"]), route.route)
            (now,) = [f for f in found.requirements if f.id == item["requirement"]]
            seen = (route.route, item, now.status, now.code, now.params)
            assert now.status != NOT_MET, seen
            if now.status == "at_risk":
                assert now.code in REMAINING_RISKS, seen


def test_every_finding_not_met_without_a_date_has_an_action_or_is_known_to_have_none():
    dateless = {
        "status_eligible.status_expired",
        "status_eligible.status_not_accepted",
        "residence_period.no_qualifying_status",
        "residence_period.hsp_points_low",
        "residence_period.hsp_points_not_maintained",
        "period_of_stay.too_short",
        "period_of_stay.three_year_ended",
        "livelihood.income_below",
        "livelihood.public_assistance",
        "taxes.unpaid",
        "social_insurance.unpaid",
        "social_insurance.not_enrolled",
        "guarantor.missing",
        "guarantor.not_eligible",
        "landing_standards.not_met",
        "landing_standards.business_standards_not_met",
        "status_eligible.status_not_yet_created",
        "public_health.risk",
    }
    assert dateless <= set(FINDING_CODES)
    assert set(ACTIONS) | NO_ACTION == dateless


def test_an_action_code_names_its_requirement():
    requirements = {code.split(".")[0] for code in FINDING_CODES}
    for code in ACTION_CODES:
        assert code.split(".")[0] in requirements, code
