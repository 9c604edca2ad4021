"""The result's calendar file (issue 15 item 5): RFC 5545, parsed back with icalendar.

Its events equal the result's dates; it is personal (token URL, no-store) and worded in the
page's language.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
import time_machine
from icalendar import Calendar

from assessments.results.calendar import calendar_events
from assessments.thresholds.snapshot import (
    default_threshold_values,
    resolve,
    thresholds_from_defaults,
)
from tests.results.conftest import BASE_ANSWERS
from tests.results.test_what_if import NOT_YET, UNPAID, stored

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 1)
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
ASCII = re.compile("^[ -~]+$")


@pytest.fixture(autouse=True)
def pinned_today():
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


def events_of(response) -> dict[str, list[dt.date]]:
    calendar = Calendar.from_ical(response.content)
    found: dict[str, list[dt.date]] = {}
    for event in calendar.walk("VEVENT"):
        code = event.get("categories").cats[0]
        found.setdefault(code, []).append(event.decoded("dtstart"))
        assert event.decoded("dtend") == event.decoded("dtstart") + dt.timedelta(days=1)
        assert event.get("uid") and event.get("dtstamp")
    return found


def test_the_calendar_parses_and_its_events_equal_the_results_dates(client):
    assessment = stored(NOT_YET)
    response = client.get(f"/en/result/{assessment.token}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert assessment.token not in response.content.decode()
    events = events_of(response)
    result = assessment.result
    assert events["apply_from"] == [dt.date.fromisoformat(result["earliest_date"])]
    clears = sorted(
        dt.date.fromisoformat(r["clears_on"])
        for r in result["requirements"]
        if r["status"] in ("not_met", "at_risk") and r["clears_on"]
    )
    assert sorted(events["clears"]) == clears
    assert events["status_expiry"] == [dt.date(2030, 1, 1)]
    assert events["renewal_opens"] == [dt.date(2029, 10, 1)]  # three months before
    assert events["tax_certificate"] == [dt.date(2027, 6, 1)]
    assert dt.date(2027, 4, 1) in events["rule_change"]  # the draft's date for new limits


def test_the_calendar_is_worded_in_the_pages_language(client):
    assessment = stored(NOT_YET)
    for language, script in (("en", ASCII), ("ja", JAPANESE)):
        response = client.get(f"/{language}/result/{assessment.token}/calendar.ics")
        calendar = Calendar.from_ical(response.content)
        assert script.search(str(calendar.get("x-wr-calname"))), language
        for event in calendar.walk("VEVENT"):
            assert script.search(str(event.get("summary"))), (language, event.get("summary"))
            assert script.search(str(event.get("description"))), language


def test_unknown_tokens_have_no_calendar(client):
    assert client.get("/en/result/" + "x" * 43 + "/calendar.ics").status_code == 404


def test_a_not_eligible_result_has_no_day_to_apply_in_its_calendar(client):
    events = events_of(client.get(f"/en/result/{stored(UNPAID).token}/calendar.ics"))
    assert "apply_from" not in events


@pytest.mark.parametrize(
    ("period", "renewal"),
    [(0.25, None), (0.5, dt.date(2029, 10, 1)), (5, dt.date(2029, 10, 1)), (None, None)],
)
def test_renewal_opens_three_months_before_expiry_for_stays_of_six_months_or_more(period, renewal):
    answers = {**BASE_ANSWERS, "status_expiry_date": "2030-01-01", "period_of_stay_years": period}
    events = calendar_events(
        result={}, answers=answers, thresholds=thresholds_from_defaults(on=TODAY), today=TODAY
    )
    got = [e.day for e in events if e.code == "renewal_opens"]
    assert got == ([renewal] if renewal else [])


@pytest.mark.parametrize(
    ("today", "june"),
    [
        (dt.date(2027, 5, 31), dt.date(2027, 6, 1)),
        (dt.date(2027, 6, 1), dt.date(2027, 6, 1)),
        (dt.date(2027, 6, 2), dt.date(2028, 6, 1)),
    ],
)
def test_the_next_tax_certificate_day_is_the_next_first_of_june(today, june):
    events = calendar_events(
        result={}, answers={}, thresholds=thresholds_from_defaults(on=today), today=today
    )
    [event] = [e for e in events if e.code == "tax_certificate"]
    assert (event.day, event.params["year"]) == (june, june.year - 1)


@pytest.mark.parametrize(
    ("route", "today", "expected"),
    [
        ("general", dt.date(2027, 3, 31), True),  # the day before the draft's values
        ("general", dt.date(2027, 4, 1), False),  # on it: no longer ahead
        ("spouse", dt.date(2026, 12, 1), True),
    ],
)
def test_rule_changes_ahead_that_apply_to_the_route_are_listed(route, today, expected):
    events = calendar_events(
        result={"route": route},
        answers={},
        thresholds=thresholds_from_defaults(on=today),
        today=today,
    )
    changes = [e.day for e in events if e.code == "rule_change"]
    assert (dt.date(2027, 4, 1) in changes) is expected


@pytest.mark.parametrize(
    ("key", "listed"),
    [
        ("residence.spouse.marriage_min_years", False),  # another route's value
        ("residence.general.min_years", True),
        ("score.weight.taxes", False),  # not a rule
        ("livelihood.min_income", True),  # every route's value
    ],
)
def test_only_a_change_to_a_value_that_applies_to_the_route_is_listed(key, listed):
    day = dt.date(2030, 1, 1)
    versions = [v for v in default_threshold_values() if v.valid_from <= TODAY]
    model = next(v for v in versions if v.key == key)
    versions.append(dataclasses.replace(model, valid_from=day))
    events = calendar_events(
        result={"route": "general"},
        answers={},
        thresholds=resolve(versions, on=TODAY),
        today=TODAY,
    )
    assert (day in [e.day for e in events if e.code == "rule_change"]) is listed


def test_planned_trips_that_move_the_day_to_apply_move_its_event():
    result = {
        "overall": "not_yet_eligible",
        "earliest_date": "2027-06-01",
        "planned_trips": {"moves": True, "apply_from_with": "2027-06-10"},
    }
    events = calendar_events(
        result=result, answers={}, thresholds=thresholds_from_defaults(on=TODAY), today=TODAY
    )
    assert [e.day for e in events if e.code == "apply_from"] == [dt.date(2027, 6, 10)]
