"""Planned trips (``assessments/rules/planned.py``): golden cases and the answers they need."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.eligibility.answers import AnswersInvalid, answers_from_dict, answers_to_dict
from assessments.eligibility.rules import evaluate
from assessments.eligibility.rules.planned import answers_on
from assessments.results.personas import Persona, case_on
from assessments.thresholds.snapshot import thresholds_from_defaults
from tests.eligibility.golden import as_json

CASES = Path(__file__).resolve().parent / "cases" / "planned_trips.yaml"
DOCUMENT = yaml.safe_load(CASES.read_text(encoding="utf-8"))
TODAY = dt.date(2026, 12, 1)
BASE = {
    "application_date": "2026-12-01",
    "status": "work",
    "period_of_stay_years": 5,
    "residence_start_date": "2017-06-01",
    "employment": "regular",
    "guarantor": "japanese",
}


@pytest.mark.parametrize(
    "case",
    [c for c in DOCUMENT["cases"] if "planned_trips" in c["expected"]],
    ids=lambda case: case["name"],
)
def test_planned_trips_golden_case(case):
    on = case_on(case)
    answers = Persona(name=case["name"], on=on, defaults=DOCUMENT["defaults"], case=case).answers()
    result = evaluate(answers, thresholds_from_defaults(on=on)).to_json()
    want = as_json(case["expected"]["planned_trips"])
    got = result["planned_trips"]
    for key, value in want.items():
        if isinstance(value, dict):  # a subset: e.g. the continuity finding's status and code
            assert {k: got[key].get(k) for k in value} == value, key
        else:
            assert got[key] == value, key


def test_a_trip_leaving_after_today_is_planned_and_may_end_after_the_application_date():
    data = {**BASE, "trips": [{"departure": "2027-01-10", "return": "2027-02-01"}]}
    answers = answers_from_dict(data, today=TODAY)
    assert answers.trips[0].planned is True
    assert answers_to_dict(answers)["trips"] == [
        {"departure": "2027-01-10", "return": "2027-02-01", "planned": True}
    ]


def test_a_trip_said_not_planned_may_not_end_after_the_application_date():
    data = {
        **BASE,
        "trips": [{"departure": "2027-01-10", "return": "2027-02-01", "planned": False}],
    }
    with pytest.raises(AnswersInvalid) as caught:
        answers_from_dict(data, today=TODAY)
    assert [code for code, _params in caught.value.errors["trips[0].return"]] == [
        "after_application_date"
    ]


def test_a_past_trip_is_not_planned_unless_it_says_so():
    trip = {"departure": "2026-01-10", "return": "2026-02-01"}
    assert not answers_from_dict({**BASE, "trips": [trip]}, today=TODAY).trips[0].planned
    said = answers_from_dict({**BASE, "trips": [{**trip, "planned": True}]}, today=TODAY)
    assert said.trips[0].planned


def test_planned_must_be_a_boolean():
    data = {**BASE, "trips": [{"departure": "2027-01-10", "return": "2027-02-01", "planned": 1}]}
    with pytest.raises(AnswersInvalid) as caught:
        answers_from_dict(data, today=TODAY)
    assert "trips[0].planned" in caught.value.errors


def test_planned_trips_overlapping_a_past_trip_are_refused():
    trips = [
        {"departure": "2026-11-01", "return": "2026-12-20"},
        {"departure": "2026-12-10", "return": "2027-01-05"},
    ]
    data = {**BASE, "application_date": "2027-02-01", "trips": trips}
    with pytest.raises(AnswersInvalid) as caught:
        answers_from_dict(data, today=TODAY)
    assert "trips[1].departure" in caught.value.errors


def test_without_planned_trips_the_result_has_no_planned_trips_key():
    answers = answers_from_dict(BASE, today=TODAY)
    assert "planned_trips" not in evaluate(answers, thresholds_from_defaults(on=TODAY)).to_json()


# Properties ---------------------------------------------------------------------------------

THRESHOLDS = thresholds_from_defaults(on=TODAY)
GENERAL = {
    **BASE,
    "residence_start_date": "2017-06-01",
    "income": [{"year": year, "applicant": 4_500_000} for year in range(2015, 2026)],
}


@st.composite
def planned_trips(draw):
    """Up to three planned trips after 2026-12-01 that do not overlap, 0–400 days each."""
    trips, day = [], TODAY
    for _ in range(draw(st.integers(0, 3))):
        departure = day + dt.timedelta(days=draw(st.integers(1, 500)))
        back = departure + dt.timedelta(days=draw(st.integers(0, 400)))
        trips.append({"departure": departure.isoformat(), "return": back.isoformat()})
        day = back
    return trips


@settings(max_examples=60, deadline=None)
@given(trips=planned_trips())
def test_planned_trips_after_the_application_date_never_change_its_findings(trips):
    answers = answers_from_dict({**GENERAL, "trips": trips}, today=TODAY)
    with_trips = evaluate(answers, THRESHOLDS)
    alone = evaluate(answers_from_dict(GENERAL, today=TODAY), THRESHOLDS)
    assert with_trips.best == alone.best
    planned = with_trips.planned_trips
    assert (planned is None) == (not trips)
    if planned and planned.apply_from_with:
        assert planned.apply_from_with >= planned.apply_from_without
        day = planned.apply_from_with
        on_day = answers_on(answers, day)
        assert not any(t.departure < day < t.return_date for t in answers.trips)
        findings = {f.id: f for f in evaluate(on_day, THRESHOLDS.at(day)).best.requirements}
        assert findings["continuity"].status != "not_met"
