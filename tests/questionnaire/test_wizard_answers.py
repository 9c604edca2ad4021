"""The mapping from the wizard's cleaned data to the contract, and contract errors back."""

import datetime as dt

import pytest

from assessments.eligibility.answers import answers_to_dict
from assessments.hsp.result import HspPointsResult, JSkipResult
from assessments.questionnaire.flow import asks_household_income
from assessments.questionnaire.mapping import (
    CalculatedPoints,
    Location,
    answers_from_steps,
    calculated_points,
    contract_from_steps,
    locate,
    step_errors,
    trip_totals,
)

D = dt.date

CLEANED = {
    "status": {
        "application_date": D(2026, 12, 1),
        "status": "spouse_of_japanese",
    },
    "stay": {
        "period_of_stay": "unlimited",
        "status_expiry_date": None,
        "meets_landing_standards": True,
    },
    "residence": {
        "residence_start_date": D(2020, 1, 1),
        "qualifying_status_start_date": None,
        "contribution_to_japan": False,
        "hsp_route": False,
    },
    "marriage": {"marriage_date": D(2019, 5, 1)},
    "travel": {
        "has_trips": True,
        "trips": [{"departure": D(2024, 1, 1), "return_date": D(2024, 1, 5)}],
    },
    "household": {
        "dependents": 1,
        "dependents_abroad": 0,
        "assets": None,
        "public_assistance": False,
    },
    "income": {
        "employment": "regular",
        "income": [{"year": 2025, "applicant": 4_000_000, "household": 6_000_000}],
    },
    "taxes": {"pension_enrolled": True, "health_insurance_enrolled": True},
    "payments": {
        "payments": [{"kind": "pension", "due_date": D(2024, 5, 31), "paid_date": None}],
    },
    "notifications": {"notifications": [{"due_date": D(2023, 4, 14)}]},
    "traffic_violations": {"traffic_violations": [{"date": D(2025, 3, 1), "kind": "minor"}]},
    "conduct": {
        "unauthorized_work": False,
        "public_health_risk": False,
        "guarantor": "japanese",
    },
}


def test_cleaned_steps_become_the_contract_and_survive_a_round_trip():
    answers = answers_from_steps(CLEANED, today=D(2026, 12, 1))
    data = answers_to_dict(answers)
    assert data["period_of_stay_years"] is None
    assert data["marriage_date"] == "2019-05-01"
    assert data["trips"] == [{"departure": "2024-01-01", "return": "2024-01-05"}]
    assert data["income"] == [{"year": 2025, "applicant": 4_000_000, "household": 6_000_000}]
    assert data["assets"] is None, "blank savings stay not answered, never 0"
    assert data["payments"] == [{"kind": "pension", "due_date": "2024-05-31", "paid_date": None}]
    assert data["missed_notifications"] == ["2023-04-14"]
    assert data["traffic_violations"] == [{"date": "2025-03-01", "kind": "minor"}]
    assert data["criminal_records"] == [], "a list page that was not asked: no items"
    assert data["hsp_points"] is None, "a step that was not asked takes the contract default"


def test_a_step_that_was_not_asked_adds_nothing():
    assert "marriage_date" not in contract_from_steps({"status": CLEANED["status"]})


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("application_date", Location("status", "application_date")),
        ("period_of_stay_years", Location("stay", "period_of_stay")),
        ("dependents_abroad", Location("household", "dependents_abroad")),
        ("public_assistance", Location("household", "public_assistance")),
        ("hsp_points.three_years_ago", Location("hsp_typed", "hsp_points_three_years_ago")),
        ("hsp_points_maintained", Location("hsp", "hsp_points_maintained")),
        ("trips[2].return", Location("travel", "return_date", rows="trips", row=2)),
        (
            "missed_notifications[0]",
            Location("notifications", "due_date", rows="notifications", row=0),
        ),
        ("payments[1].paid_date", Location("payments", "paid_date", rows="payments", row=1)),
        (
            "criminal_records[0].completed_on",
            Location("sentences", "completed_on", rows="criminal_records", row=0),
        ),
        (
            "traffic_violations[2].kind",
            Location("traffic_violations", "kind", rows="traffic_violations", row=2),
        ),
        ("guarantor", Location("conduct", "guarantor")),
        ("income[0].household", Location("income", "household_2025")),
        ("income[0].applicant", Location("income", "applicant_2025")),
        ("income[5].applicant", Location("income")),
        ("schema", Location(None)),
        ("nonsense[0", Location(None)),
    ],
)
def test_a_contract_error_path_is_located_on_its_step_and_field(path, location):
    assert locate(path, {"income": [{"year": 2025}]}) == location


def test_a_step_is_checked_with_the_contract_rules_and_only_its_own_errors_come_back():
    travel = {
        "trips": [
            {"departure": D(2024, 1, 1), "return_date": D(2024, 1, 10)},
            {"departure": D(2024, 1, 5), "return_date": D(2027, 1, 1)},
        ]
    }
    errors = step_errors("travel", travel, application_date=D(2026, 12, 1))
    assert {(loc.row, loc.field, code) for loc, code, _params in errors} == {
        (1, "return_date", "after_application_date"),
        (1, "departure", "overlapping_trip"),
    }


def test_trip_totals_split_a_trip_across_the_new_year_and_count_nights_abroad():
    totals = trip_totals(
        [
            {"departure": D(2023, 12, 30), "return_date": D(2024, 1, 3)},
            {"departure": D(2024, 2, 1), "return_date": D(2024, 2, 2)},
        ]
    )
    assert totals.per_year == ((2024, 2), (2023, 1))
    assert totals.longest_days == 3
    assert totals.count == 2


@pytest.mark.parametrize(
    ("routes", "asked"),
    [
        (["general"], True),
        (["spouse"], True),
        (["child", "hsp_70"], True),
        (["long_term_resident"], True),
    ],
)
def test_household_income_is_asked_on_every_route(routes, asked):
    assert asks_household_income(routes) is asked


# HSP points calculated in the wizard --------------------------------------------------------


def scored(points: int, *, floor_met=True, jskip=False) -> HspPointsResult:
    return HspPointsResult(
        category="technical",
        as_of=D(2026, 12, 1),
        age=34,
        points=points,
        passes=floor_met and points >= 70,
        pass_mark=70,
        fast_track_mark=80,
        minimum_salary=3_000_000,
        salary_floor_met=floor_met,
        breakdown=(),
        j_skip=JSkipResult(available=True, eligible=jskip),
    )


KNOWN, CALC = "known", "calculate"


@pytest.mark.parametrize(
    ("sources", "results", "points", "jskip"),
    [
        pytest.param(
            {"now": KNOWN, "one_year_ago": KNOWN, "three_years_ago": KNOWN},
            {},
            {},
            None,
            id="typed points: nothing calculated, J-Skip asked",
        ),
        pytest.param(
            {"now": CALC, "one_year_ago": CALC, "three_years_ago": KNOWN},
            {"now": scored(90), "one_year_ago": scored(80)},
            {"now": 90, "one_year_ago": 80},
            False,
            id="now and a year before calculated: J-Skip checked, not met",
        ),
        pytest.param(
            {"now": CALC, "one_year_ago": CALC, "three_years_ago": CALC},
            {"now": scored(65, jskip=True), "one_year_ago": scored(65, jskip=True)},
            {"now": 65, "one_year_ago": 65, "three_years_ago": None},
            True,
            id="J-Skip met on both days; three years before not needed",
        ),
        pytest.param(
            {"now": CALC, "one_year_ago": CALC, "three_years_ago": KNOWN},
            {"now": scored(65, jskip=True), "one_year_ago": scored(65)},
            {"now": 65, "one_year_ago": 65},
            False,
            id="J-Skip met now only is not met",
        ),
        pytest.param(
            {"now": CALC, "one_year_ago": CALC, "three_years_ago": KNOWN},
            {"now": scored(40), "one_year_ago": None},
            {"now": 40, "one_year_ago": None},
            False,
            id="a year before not asked: J-Skip not met",
        ),
        pytest.param(
            {"now": CALC, "one_year_ago": KNOWN, "three_years_ago": KNOWN},
            {"now": scored(85, jskip=True)},
            {"now": 85},
            None,
            id="a year before typed: J-Skip asked instead",
        ),
        pytest.param(
            {"now": CALC, "one_year_ago": KNOWN, "three_years_ago": KNOWN},
            {"now": scored(90, floor_met=False)},
            {"now": 0},
            None,
            id="points below the salary floor count as none",
        ),
    ],
)
def test_calculated_points(sources, results, points, jskip):
    calculated = calculated_points(sources, results)
    assert dict(calculated.points) == points
    assert calculated.jskip_eligible is jskip


HSP_STEP = {"hsp_points_maintained": True}
HSP_TYPED_STEP = {
    "hsp_points_now": 90,
    "hsp_points_one_year_ago": None,
    "hsp_points_three_years_ago": 75,
    "jskip_eligible": None,
}


def test_calculated_points_fill_in_the_contract_where_they_were_calculated():
    calculated = CalculatedPoints(points={"one_year_ago": 82}, jskip_eligible=True)
    steps = {"hsp": HSP_STEP, "hsp_typed": HSP_TYPED_STEP}
    data = contract_from_steps(steps, calculated=calculated)
    assert data["hsp_points"] == {"now": 90, "one_year_ago": 82, "three_years_ago": 75}
    assert data["jskip_eligible"] is True


def test_calculated_points_are_ignored_when_the_hsp_step_is_not_asked():
    calculated = CalculatedPoints(points={"now": 90}, jskip_eligible=True)
    data = contract_from_steps({"status": CLEANED["status"]}, calculated=calculated)
    assert "hsp_points" not in data and "jskip_eligible" not in data
