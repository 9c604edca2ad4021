"""Run the timeline's golden cases (tests/eligibility/timeline/cases.yaml) through the real engine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from assessments.eligibility.answers import answers_from_dict
from assessments.eligibility.rules import evaluate
from assessments.thresholds.snapshot import thresholds_from_defaults

CASES = Path(__file__).with_name("cases.yaml")
FIRST_INCOME_YEAR = 2000


def _iso(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {_iso(key): _iso(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso(item) for item in value]
    return value


def _load():
    document = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    for case in document["cases"]:
        yield pytest.param(document["defaults"], case, id=case["name"])


def evaluate_case(defaults: dict, case: dict) -> dict:
    """Return the result JSON for a case (YAML 1.1 reads a bare ``on:`` key as True)."""
    on = case["on"] if "on" in case else case[True]
    data = {**defaults, **case.get("answers", {}), "application_date": on}
    every_year = data.pop("income_every_year", None)
    if every_year is not None and "income" not in case.get("answers", {}):
        data["income"] = [
            {"year": year, "applicant": every_year} for year in range(FIRST_INCOME_YEAR, on.year)
        ]
    answers = answers_from_dict(_iso(data), today=on)
    return evaluate(answers, thresholds_from_defaults(on=on)).to_json()


def _subset(actual: dict, expected: dict, where: str):
    for key, value in expected.items():
        assert key in actual, f"{where}: no {key}"
        assert actual[key] == value, f"{where}.{key}: {actual[key]!r} != {value!r}"


@pytest.mark.parametrize(("defaults", "case"), list(_load()))
def test_timeline_case(defaults, case):
    result = evaluate_case(defaults, case)
    timeline, expected = result["timeline"], _iso(case["expected"])
    if "route" in expected:
        assert result["route"] == expected["route"]
    windows = {w["code"]: w for w in timeline["windows"]}
    for code, fields in expected.get("windows", {}).items():
        assert code in windows, f"no window {code}: {sorted(windows)}"
        _subset(windows[code], fields, code)
    for code in expected.get("absent_windows", []):
        assert code not in windows
    for mark in expected.get("marks", []):
        found = [
            m for m in timeline["marks"] if (m["code"], m["date"]) == (mark["code"], mark["date"])
        ]
        assert len(found) == 1, f"mark {mark['code']} {mark['date']}: {timeline['marks']}"
        _subset(found[0], mark, mark["code"])
    trips = {t["departure"]: t for t in timeline["trips"]}
    for trip in expected.get("trips", []):
        _subset(trips[trip["departure"]], trip, trip["departure"])
    for code, days in expected.get("milestones", {}).items():
        dates = sorted(m["date"] for m in timeline["milestones"] if m["code"] == code)
        days = days if isinstance(days, list) else [days]
        # Rule changes: the listed ones are shown (others inside the axis may be too).
        changes = ("rule_change", "draft_rule_change")
        assert set(days) <= set(dates) if code in changes else dates == days, code
    for code in expected.get("absent_milestones", []):
        assert code not in {m["code"] for m in timeline["milestones"]}
    for code in ("rule_change", "draft_rule_change"):
        for day, requirements in expected.get(f"{code}_requirements", {}).items():
            (change,) = [m for m in timeline["milestones"] if (m["code"], m["date"]) == (code, day)]
            assert change["requirements"] == requirements
            assert change.get("draft", False) is (code == "draft_rule_change")
    for period in expected.get("periods", []):
        assert any(all(p.get(k) == v for k, v in period.items()) for p in timeline["periods"]), (
            period
        )
    if "clears" in expected:
        clears = {row["requirement"]: row for row in timeline["clears"]}
        if not expected["clears"]:
            assert clears == {}
        for requirement, fields in expected["clears"].items():
            _subset(clears[requirement], fields, requirement)
    if "would_clear" in expected:
        moved = {item["requirement"]: item for item in timeline["would_clear"]}
        assert set(moved) == set(expected["would_clear"])
        for requirement, fields in expected["would_clear"].items():
            _subset(moved[requirement], fields, requirement)
    if "earliest_if_moved" in expected:
        assert timeline["earliest_if_moved"] == expected["earliest_if_moved"]
    if "earliest_also" in expected:
        assert timeline["earliest_also"] == expected["earliest_also"]
    if "hsp_points" in expected:
        for item in expected["hsp_points"]:
            found = [h for h in timeline["hsp_points"] if h["route"] == item["route"]]
            assert len(found) == 1, timeline["hsp_points"]
            _subset(found[0], item, item["code"])
