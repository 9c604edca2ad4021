"""Run the golden cases in tests/eligibility/cases/*.yaml and the app's personas through the real
engine (no database)."""

from __future__ import annotations

import pytest

from assessments.eligibility.rules import evaluate, evaluate_route
from assessments.eligibility.rules.file_by import plan_filing
from assessments.eligibility.rules.naturalization import evaluate_naturalization
from assessments.thresholds.snapshot import thresholds_from_defaults
from tests.eligibility.golden import as_json, golden_people


@pytest.mark.parametrize("person", golden_people())
def test_golden_case(person):
    case, on = person.case, person.on
    answers = person.answers()
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
    expected = as_json(case["expected"])
    for key in ("route", "overall", "score", "earliest_date"):
        if key in expected:
            assert result[key] == expected[key], key
    findings = {finding["id"]: finding for finding in result["requirements"]}
    for requirement_id, want in expected.get("requirements", {}).items():
        got = findings[requirement_id]
        for key in ("status", "code", "clears_on", "basis"):
            if key in want:
                assert got[key] == want[key], f"{requirement_id}.{key}"
        for param, value in want.get("params", {}).items():
            # ``param: null`` in a case means the param is absent (or null).
            assert _matches(got["params"].get(param), value), f"{requirement_id}.params.{param}"
    if "keep_pr" in expected:
        assert _matches(result["keep_pr"], expected["keep_pr"]), result["keep_pr"]
    if "naturalization" in expected:
        _assert_naturalization(evaluate_naturalization(answers, thresholds), expected)
    if {"rule_changes", "file_by", "fee_at_grant"} & set(expected):
        _assert_filing_plan(plan_filing(answers, thresholds).to_json(), expected)


def _assert_filing_plan(plan: dict, expected: dict) -> None:
    """Compare the planner's keys: ``file_by`` exactly, each rule change as a subset, in order."""
    if "file_by" in expected:
        assert plan["file_by"] == expected["file_by"], "file_by"
    if "fee_at_grant" in expected:
        assert _matches(plan["fee_at_grant"], expected["fee_at_grant"]), plan["fee_at_grant"]
    if "file_by_verdict" in expected:
        assert _matches(plan["file_by_verdict"], expected["file_by_verdict"]), "file_by_verdict"
    if "rule_changes" in expected:
        want_all = expected["rule_changes"]
        assert len(plan["rule_changes"]) == len(want_all), plan["rule_changes"]
        for index, (got, want) in enumerate(zip(plan["rule_changes"], want_all, strict=True)):
            changes = want.pop("changes", None)
            assert _matches(got, want), f"rule_changes[{index}]"
            if changes is not None:
                assert len(got["changes"]) == len(changes), f"rule_changes[{index}].changes"
                for change, wanted in zip(got["changes"], changes, strict=True):
                    assert _matches(change, wanted), f"rule_changes[{index}].{change}"


def _matches(got, want) -> bool:
    """Compare a param: a dict in a case is a subset (``draft: {code: …}``), else equal."""
    if isinstance(want, dict) and isinstance(got, dict) and want:
        return all(_matches(got.get(key), value) for key, value in want.items())
    return got == want


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
            assert _matches(finding["params"].get(param), value), f"{requirement_id}.params.{param}"
