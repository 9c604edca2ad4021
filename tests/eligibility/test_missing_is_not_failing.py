"""A requirement left unanswered is at risk and names what is missing; it never alone makes the
verdict "not eligible" (and one that time will settle is not met with the day it clears)."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.eligibility.answers import answers_from_dict
from assessments.eligibility.choices import REQUIREMENT_IDS, Overall
from assessments.eligibility.rules import evaluate
from assessments.eligibility.rules.base import AT_RISK, NOT_MET
from assessments.eligibility.rules.codes import FINDING_CODES
from assessments.thresholds.snapshot import thresholds_from_defaults

ON = dt.date(2026, 12, 1)
#: Only the keys the contract requires: every optional answer is left blank.
REQUIRED_ONLY = {
    "application_date": ON.isoformat(),
    "status": "work",
    "period_of_stay_years": 3,
    "residence_start_date": "2012-04-01",
    "employment": "regular",
    "guarantor": "japanese",
}
#: Rules this branch owns; residence, status and HSP findings are judged by their own tests.
RULES = tuple(r for r in REQUIREMENT_IDS if r not in {"status_eligible", "residence_period"})
#: Not a blank: the person answered that nobody will sign the letter of guarantee, a required
#: document, so it fails until they find a guarantor.
ANSWERED_NONE = {"guarantor.missing"}
MISSING_CODES = sorted(
    code
    for code in FINDING_CODES
    if code.split(".")[0] in RULES and "missing" in code and code not in ANSWERED_NONE
)


def _findings(data: dict) -> dict:
    answers = answers_from_dict(data, today=ON)
    return {f.id: f for f in evaluate(answers, thresholds_from_defaults(on=ON)).best.requirements}


def test_answers_left_blank_put_the_verdict_at_risk_and_name_what_is_missing():
    result = evaluate(answers_from_dict(REQUIRED_ONLY, today=ON), thresholds_from_defaults(on=ON))
    findings = {f.id: f for f in result.best.requirements}
    assert result.overall == Overall.ELIGIBLE_WITH_RISKS
    assert findings["livelihood"].status == AT_RISK
    assert findings["livelihood"].params["missing"] == "applicant_income"
    assert findings["period_of_stay"].status == AT_RISK
    assert findings["period_of_stay"].params["missing"] == "status_expiry_date"


@pytest.mark.parametrize("code", MISSING_CODES)
def test_every_missing_code_of_these_rules_names_what_is_missing(code):
    assert "missing" in FINDING_CODES[code] or "missing_years" in FINDING_CODES[code]


income_years = st.lists(
    # The household figure includes the applicant's own income: never lower (the contract refuses it).
    st.builds(
        lambda year, applicant, others: {
            "year": year,
            "applicant": applicant,
            "household": None if others is None else applicant + others,
        },
        st.integers(2019, 2025),
        st.integers(0, 10_000_000),
        st.one_of(st.none(), st.integers(0, 10_000_000)),
    ),
    max_size=7,
    unique_by=lambda row: row["year"],
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    income=income_years,
    dependents=st.integers(0, 4),
    expiry=st.one_of(st.none(), st.dates(ON, dt.date(2031, 1, 1)).map(str)),
)
def test_a_blank_never_alone_fails_a_requirement(income, dependents, expiry):
    """Whatever is entered, a finding with nothing entered for its question is never failing."""
    data = {**REQUIRED_ONLY, "income": income, "dependents": dependents}
    if expiry is not None:
        data["status_expiry_date"] = expiry
    for finding in _findings(data).values():
        if finding.id in RULES and "missing" in finding.code and finding.code not in ANSWERED_NONE:
            assert finding.status == AT_RISK, finding
        if finding.status == NOT_MET and finding.id == "livelihood":
            # Failing livelihood rests on numbers the person gave, or on time with a date.
            assert finding.code != "livelihood.income_missing"
            if finding.code == "livelihood.income_not_yet_certifiable":
                assert finding.clears_on is not None
