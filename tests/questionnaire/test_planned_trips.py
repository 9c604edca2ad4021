"""The travel step accepts planned trips (issue 15 item 4); the result weighs them."""

import datetime as dt

from assessments.results.models import Assessment
from tests.questionnaire import profiles as p

D = dt.date
PLANNED = {"departure": D(2027, 8, 1), "return_date": D(2027, 8, 30)}


def test_a_trip_after_the_application_date_is_accepted_as_planned(driver):
    driver.answer_all(p.with_(p.GENERAL, travel={"trips": [*p.TRAVEL["trips"], PLANNED]}))
    response = driver.answer("summary")
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    assessment = Assessment.objects.get(token=token)
    assert assessment.answers["trips"][1] == {
        "departure": "2027-08-01",
        "return": "2027-08-30",
        "planned": True,
    }
    assert assessment.result["planned_trips"]["moves"] is False


def test_the_trip_date_inputs_are_not_capped_at_the_application_date(driver):
    driver.answer_pages("status", **p.STATUS)
    driver.answer("residence", **p.RESIDENCE)
    form = driver.get("travel").context["form"]
    row = form.formsets["trips"].forms[0]
    assert row.fields["departure"].widget.attrs["max"] == "2100-12-31"
