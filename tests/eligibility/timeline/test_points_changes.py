"""Known future changes of the HSP points (``hsp_points_changes``): read, checked, passed on."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from assessments.eligibility.answers import AnswersInvalid, answers_from_dict, answers_to_dict
from assessments.hsp.result import PointsChange
from assessments.questionnaire.mapping import (
    CalculatedPoints,
    calculated_points,
    contract_from_steps,
)
from tests.questionnaire.test_wizard_answers import CLEANED, HSP_STEP, scored

ON = dt.date(2026, 12, 1)
BASE = {
    "application_date": ON.isoformat(),
    "status": "hsp",
    "period_of_stay_years": 5,
    "residence_start_date": "2025-01-01",
    "employment": "regular",
    "guarantor": "japanese",
}


def test_changes_are_read_in_date_order_and_survive_a_round_trip():
    changes = [{"date": "2029-04-01", "points": 60}, {"date": "2027-06-01", "points": 67}]
    answers = answers_from_dict({**BASE, "hsp_points_changes": changes}, today=ON)
    assert [(c.date, c.points) for c in answers.hsp_points_changes] == [
        (dt.date(2027, 6, 1), 67),
        (dt.date(2029, 4, 1), 60),
    ]
    again = answers_from_dict(answers_to_dict(answers), today=ON)
    assert again == answers


@pytest.mark.parametrize(
    ("change", "path", "code"),
    [
        (
            {"date": "2026-12-01", "points": 60},
            "hsp_points_changes[0].date",
            "not_after_application_date",
        ),
        ({"date": "2026-12-02"}, "hsp_points_changes[0].points", "required"),
        ({"points": 60}, "hsp_points_changes[0].date", "required"),
        ({"date": "2027-01-01", "points": -1}, "hsp_points_changes[0].points", "negative"),
        (
            {"date": "2027-01-01", "points": 60, "on": "x"},
            "hsp_points_changes[0].on",
            "unknown_field",
        ),
    ],
)
def test_a_change_on_or_before_the_application_date_or_incomplete_is_an_error(change, path, code):
    with pytest.raises(AnswersInvalid) as raised:
        answers_from_dict({**BASE, "hsp_points_changes": [change]}, today=ON)
    assert code in [c for c, _ in raised.value.errors[path]]


def test_a_change_one_day_after_the_application_date_is_accepted():
    data = {**BASE, "hsp_points_changes": [{"date": "2026-12-02", "points": 60}]}
    assert answers_from_dict(data, today=ON).hsp_points_changes[0].points == 60


def test_the_calculators_next_fall_of_the_points_now_is_passed_on():
    now = dataclasses.replace(scored(72), next_change=PointsChange(dt.date(2027, 6, 1), 35, 67))
    calculated = calculated_points({"now": "calculate"}, {"now": now})
    assert calculated.changes == ({"date": "2027-06-01", "points": 67},)
    data = contract_from_steps(
        {"status": CLEANED["status"], "hsp": HSP_STEP}, calculated=calculated
    )
    assert data["hsp_points_changes"] == [{"date": "2027-06-01", "points": 67}]


def test_no_fall_is_passed_on_below_the_salary_floor_or_when_the_points_are_typed():
    now = dataclasses.replace(
        scored(72, floor_met=False), next_change=PointsChange(dt.date(2027, 6, 1), 35, 67)
    )
    assert calculated_points({"now": "calculate"}, {"now": now}).changes == ()
    assert calculated_points({"now": "known"}, {"now": now}).changes == ()


def test_a_change_not_after_the_application_date_is_left_out_of_the_contract():
    calculated = CalculatedPoints(changes=({"date": "2026-12-01", "points": 67},))
    data = contract_from_steps(
        {"status": CLEANED["status"], "hsp": HSP_STEP}, calculated=calculated
    )
    assert "hsp_points_changes" not in data
