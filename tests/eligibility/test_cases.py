"""Run the golden cases in tests/eligibility/cases/*.yaml through the real engine (no database)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from assessments.eligibility.answers import answers_from_dict
from assessments.eligibility.rules import evaluate, evaluate_route
from assessments.eligibility.rules.naturalization import evaluate_naturalization
from assessments.results.personas import (
    FIRST_INCOME_YEAR,
    PERSONAS_FILE,
    case_answers_data,
    case_on,
)
from assessments.thresholds.snapshot import thresholds_from_defaults

CASES_DIR = Path(__file__).parent / "cases"
#: The personas live in the app (the admin's threshold trial evaluates them too).
CASE_FILES = sorted([*CASES_DIR.glob("*.yaml"), PERSONAS_FILE])


def _load_cases():
    for path in CASE_FILES:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in document["cases"]:
            yield pytest.param(
                document.get("defaults", {}), case, id=f"{path.stem}: {case['name']}"
            )


_on = case_on
__all__ = ["FIRST_INCOME_YEAR", "_answers", "_iso", "_on"]


def _answers(defaults: dict, case: dict):
    on = case_on(case)
    return answers_from_dict(case_answers_data(defaults, case, on=on), today=on), on


def _iso(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _iso(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso(item) for item in value]
    return value


@pytest.mark.parametrize(("defaults", "case"), list(_load_cases()))
def test_golden_case(defaults, case):
    answers, on = _answers(defaults, case)
    thresholds = thresholds_from_defaults(on=on)
    if case.get("thresholds"):
        thresholds = thresholds.replace(**case["thresholds"])
    if case.get("route"):
        route = evaluate_route(answers, thresholds, case["route"])
        result = {
            "route": route.route,
            "overall": route.overall,
            "score": route.score,
            "earliest_date": route.earliest_date.isoformat() if route.earliest_date else None,
            "requirements": [finding.to_json() for finding in route.requirements],
        }
    else:
        result = evaluate(answers, thresholds).to_json()
    expected = _iso(case["expected"])
    for key in ("route", "overall", "score", "earliest_date"):
        if key in expected:
            assert result[key] == expected[key], key
    findings = {finding["id"]: finding for finding in result["requirements"]}
    for requirement_id, want in expected.get("requirements", {}).items():
        got = findings[requirement_id]
        for key in ("status", "code", "clears_on"):
            if key in want:
                assert got[key] == want[key], f"{requirement_id}.{key}"
        for param, value in want.get("params", {}).items():
            # ``param: null`` in a case means the param is absent (or null).
            assert got["params"].get(param) == value, f"{requirement_id}.params.{param}"
    if "naturalization" in expected:
        _assert_naturalization(evaluate_naturalization(answers, thresholds), expected)


def _assert_naturalization(natz, expected: dict) -> None:
    """Compare the naturalization result with ``expected["naturalization"]`` (same keys)."""
    want_all, got = expected["naturalization"], natz.to_json()
    for key in ("overall", "earliest_date"):
        if key in want_all:
            assert got[key] == want_all[key], f"naturalization.{key}"
    findings = {finding["id"]: finding for finding in got["requirements"]}
    for requirement_id, want in want_all.get("requirements", {}).items():
        finding = findings[requirement_id]
        for key in ("status", "code", "clears_on"):
            if key in want:
                assert finding[key] == want[key], f"naturalization.{requirement_id}.{key}"
        for param, value in want.get("params", {}).items():
            assert finding["params"][param] == value, f"{requirement_id}.params.{param}"
