"""Properties of the timeline over generated answers: it never draws outside its axis, every
trip appears exactly once, every window ends on the application date, and the module is pure."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import assessments.eligibility.rules.timeline as timeline_package
from assessments.eligibility.answers import AnswersInvalid, answers_from_dict
from assessments.eligibility.rules import evaluate
from assessments.results.timeline_chart import BILINGUAL, NARROW, WIDE, timeline_chart
from assessments.results.view import Timeline
from tests.eligibility.test_engine_properties import ON, THRESHOLDS, answers_data

changes = st.lists(
    st.fixed_dictionaries(
        {
            "date": st.dates(ON + dt.timedelta(days=1), dt.date(2035, 1, 1)).map(str),
            "points": st.integers(40, 110),
        }
    ),
    max_size=2,
)
with_changes = st.tuples(answers_data, changes).map(
    lambda pair: {**pair[0], "hsp_points_changes": pair[1]} if pair[1] else pair[0]
)


def _dates(timeline: dict):
    """Yield every date the timeline draws, with where it comes from."""
    for key in ("periods", "windows"):
        for item in timeline[key]:
            yield key, item["start"]
            yield key, item["end"]
    for trip in timeline["trips"]:
        yield "trips", trip["departure"]
        yield "trips", trip["return"]
    for mark in timeline["marks"]:
        yield "marks", mark["date"]
        if mark["leaves_window_on"]:
            yield "marks", mark["leaves_window_on"]
    for milestone in timeline["milestones"]:
        yield milestone["code"], milestone["date"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(with_changes)
def test_the_timeline_stays_on_its_axis_lists_every_trip_once_and_ends_windows_on_the_application_date(
    data,
):
    try:
        answers = answers_from_dict(data, today=ON)
    except AnswersInvalid:
        return
    result = evaluate(answers, THRESHOLDS).to_json()
    timeline = result["timeline"]
    start, end = timeline["start"], timeline["end"]
    assert start <= result["application_date"] < end
    for where, day in _dates(timeline):
        assert start <= day <= end, (where, day, start, end)
    drawn = sorted((t["departure"], t["return"]) for t in timeline["trips"])
    given_trips = sorted((t["departure"], t["return"]) for t in data.get("trips", []))
    assert drawn == given_trips
    assert sum(t["longest"] for t in timeline["trips"]) <= 1
    for window in timeline["windows"]:
        assert window["end"] == result["application_date"], window
        assert window["start"] < window["end"], window
    for row in timeline["clears"]:
        if row["sets_earliest"]:
            assert row["clears_on"] == result["earliest_date"]
    if result["earliest_date"]:
        assert any(row["sets_earliest"] for row in timeline["clears"])

    for layout in (WIDE, NARROW, BILINGUAL):
        chart = timeline_chart(Timeline.from_json(timeline), today=ON, layout=layout)
        for row in chart.rows:
            assert chart.plot_top <= row.bar_y and row.bar_y + 14 <= chart.plot_bottom
            for bar in row.bars:
                assert chart.left <= bar.x and bar.x + bar.width <= chart.right + 0.05, bar
            for point in row.points:
                assert chart.left <= point["x"] <= chart.right
                assert point["until"] is None or chart.left <= point["until"] <= chart.right
        for line in chart.lines:
            assert chart.left <= line.x <= chart.right
        trips = [bar.item for row in chart.rows if row.kind == "trips" for bar in row.bars]
        assert trips == timeline["trips"]


def test_the_timeline_package_stays_pure():
    """No models, clock or translation in the timeline (style guideline 2)."""
    forbidden = re.compile(r"\bmodels\b|today\(|now\(|gettext|django\.db|from django")
    for path in Path(timeline_package.__file__).parent.glob("*.py"):
        assert not forbidden.search(path.read_text(encoding="utf-8")), path.name


def test_a_stored_result_without_a_timeline_draws_nothing():
    assert timeline_chart(None) is None
    assert Timeline.from_json({"start": "2020-01-01", "end": "2019-01-01"}) is None
    assert Timeline.from_json({"start": "nonsense", "end": "2019-01-01"}) is None
    assert Timeline.from_json(["not", "a", "timeline"]) is None


def test_today_is_drawn_only_inside_the_axis():
    timeline = {"start": "2020-01-01", "end": "2027-01-01", "milestones": []}
    timeline = Timeline.from_json(timeline)
    inside = timeline_chart(timeline, today=ON)
    assert [(line.code, line.date) for line in inside.lines] == [("today", ON)]
    assert timeline_chart(timeline, today=dt.date(2027, 1, 2)).lines == ()
