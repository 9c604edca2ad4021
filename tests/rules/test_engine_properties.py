"""Properties of the whole engine over generated answers: every requirement, every time, in
order; only catalogued codes and params; verdicts exactly as the contract defines them."""

import datetime as dt
import inspect
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import assessments.rules as rules_package
from assessments.answers import AnswersInvalid, answers_from_dict
from assessments.choices import REQUIREMENT_IDS, Employment, Guarantor, ResidenceStatus
from assessments.rules import evaluate
from assessments.rules.codes import FINDING_CODES
from assessments.thresholds import thresholds_from_defaults

ON = dt.date(2026, 12, 1)
THRESHOLDS = thresholds_from_defaults(on=ON)

dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=ON)
answers_data = st.fixed_dictionaries(
    {
        "application_date": st.just(ON.isoformat()),
        "status": st.sampled_from(ResidenceStatus.values),
        "period_of_stay_years": st.sampled_from([0.25, 0.5, 1, 3, 5, None]),
        "status_expiry_date": st.one_of(st.none(), st.dates(ON, dt.date(2032, 1, 1)).map(str)),
        "residence_start_date": dates.map(str),
        "employment": st.sampled_from(Employment.values),
        "guarantor": st.sampled_from(Guarantor.values),
    },
    optional={
        "qualifying_status_start_date": dates.map(str),
        "marriage_date": dates.map(str),
        "status_grant_date": dates.map(str),
        "hsp_points": st.fixed_dictionaries(
            {},
            optional={k: st.integers(0, 120) for k in ("now", "one_year_ago", "three_years_ago")},
        ),
        "hsp_points_maintained": st.booleans(),
        "jskip_eligible": st.booleans(),
        "contribution_to_japan": st.booleans(),
        "income": st.lists(
            st.fixed_dictionaries(
                {"year": st.integers(2015, 2025), "applicant": st.integers(0, 9_000_000)},
                optional={"household": st.integers(0, 12_000_000)},
            ),
            max_size=8,
            unique_by=lambda row: row["year"],
        ),
        "dependents": st.integers(0, 3),
        "public_assistance": st.booleans(),
        "payments": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(
                        ["resident_tax", "national_tax", "pension", "health_insurance"]
                    ),
                    "due_date": st.dates(dt.date(2015, 1, 1), dt.date(2026, 6, 1)).map(str),
                    "paid_date": st.one_of(st.none(), st.just("2026-11-30")),
                }
            ),
            max_size=3,
        ),
        "missed_notifications": st.lists(dates.map(str), max_size=3),
        "criminal_records": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(["imprisonment", "suspended_imprisonment", "fine"]),
                    "completed_on": dates.map(str),
                }
            ),
            max_size=2,
        ),
        "traffic_violations": st.lists(
            st.fixed_dictionaries(
                {"date": dates.map(str), "kind": st.sampled_from(["minor", "serious"])}
            ),
            max_size=6,
        ),
        "trips": st.lists(
            st.tuples(st.dates(dt.date(2010, 1, 1), dt.date(2026, 1, 1)), st.integers(0, 400)).map(
                lambda pair: {
                    "departure": str(pair[0]),
                    "return": str(pair[0] + dt.timedelta(days=pair[1])),
                }
            ),
            max_size=4,
        ),
        "unauthorized_work": st.booleans(),
        "meets_landing_standards": st.booleans(),
        "public_health_risk": st.booleans(),
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers_data)
def test_every_answer_gets_every_requirement_with_a_catalogued_code(data):
    try:
        answers = answers_from_dict(data, today=ON)
    except AnswersInvalid:
        return  # e.g. generated overlapping trips: rejected with field errors, never evaluated
    result = evaluate(answers, THRESHOLDS).to_json()
    ids = [finding["id"] for finding in result["requirements"]]
    assert tuple(ids) == REQUIREMENT_IDS
    for finding in result["requirements"]:
        assert finding["code"] in FINDING_CODES, finding["code"]
        assert finding["code"].startswith(finding["id"] + ".")
        assert set(finding["params"]) <= set(FINDING_CODES[finding["code"]]), finding["code"]
        if finding["clears_on"] is not None:
            assert finding["status"] in ("not_met", "at_risk")
            assert finding["clears_on"] > result["application_date"]
    statuses = {finding["status"] for finding in result["requirements"]}
    not_met = [f for f in result["requirements"] if f["status"] == "not_met"]
    if any(f["clears_on"] is None for f in not_met):
        assert result["overall"] == "not_eligible" and result["earliest_date"] is None
    elif not_met:
        assert result["overall"] == "not_yet_eligible"
        assert result["earliest_date"] == max(f["clears_on"] for f in not_met)
    elif "at_risk" in statuses:
        assert result["overall"] == "eligible_with_risks"
    else:
        assert result["overall"] == "likely_eligible" and result["score"] == 100
    assert 0 <= result["score"] <= 100


def test_rule_modules_stay_pure():
    """Rules import no models, read no clock and translate nothing (style guideline 2)."""
    forbidden = re.compile(r"\bmodels\b|today\(|now\(|gettext|django\.db|from django")
    for path in Path(inspect.getfile(rules_package)).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not forbidden.search(source), f"{path.name} is not pure"
