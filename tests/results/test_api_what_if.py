"""What-if and planned trips through ``POST /api/assess`` (issue 15 items 3 and 4)."""

import datetime as dt

import pytest
import time_machine

pytestmark = pytest.mark.django_db

ANSWERS = {
    "application_date": "2026-12-01",
    "status": "work",
    "period_of_stay_years": 5,
    "status_expiry_date": "2030-01-01",
    "residence_start_date": "2017-06-01",
    "employment": "regular",
    "guarantor": "japanese",
    "income": [{"year": year, "applicant": 4_500_000} for year in range(2015, 2026)],
}


def assess(client, answers):
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        return client.post("/api/assess", answers, content_type="application/json")


def test_a_planned_trip_is_weighed_and_reported(client):
    trips = [{"departure": "2027-05-20", "return": "2027-06-10"}]
    body = assess(client, {**ANSWERS, "trips": trips}).json()
    assert body["earliest_date"] == "2027-06-01"
    assert body["planned_trips"]["apply_from_without"] == "2027-06-01"
    assert body["planned_trips"]["apply_from_with"] == "2027-06-10"
    assert body["planned_trips"]["moves"] is True


def test_the_same_answers_with_another_application_date_are_a_what_if(client):
    now = assess(client, ANSWERS).json()
    later = assess(client, {**ANSWERS, "application_date": "2027-06-01"}).json()
    assert (now["overall"], now["earliest_date"]) == ("not_yet_eligible", "2027-06-01")
    assert later["application_date"] == "2027-06-01"
    assert "planned_trips" not in later


def test_a_trip_said_not_planned_after_the_application_date_is_a_400_naming_it(client):
    trips = [{"departure": "2027-05-20", "return": "2027-06-10", "planned": False}]
    response = assess(client, {**ANSWERS, "trips": trips})
    assert response.status_code == 400
    assert "trips[0].departure" in response.json()["errors"]
