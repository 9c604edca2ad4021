"""Properties of the file-by planner (issue 24), over the engine's answer strategies."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, event, example, given, settings

from assessments.eligibility.rules import OVERALL_RANK, best_on
from assessments.eligibility.rules.dates import add_years
from assessments.eligibility.rules.file_by import HORIZON_YEARS, plan_filing
from assessments.eligibility.rules.planned import CAN_APPLY
from tests.eligibility.test_engine_properties import (
    THRESHOLDS,
    _valid,
    answers_data,
    any_day_answers,
)

SPOUSE_NEAR_THE_CUT_OVER = {
    "application_date": "2026-12-07",
    "status": "spouse_of_japanese",
    "period_of_stay_years": 3,
    "residence_start_date": "2023-06-01",
    "marriage_date": "2023-01-10",
    "employment": "regular",
    "guarantor": "japanese",
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers_data)
@example(SPOUSE_NEAR_THE_CUT_OVER)
@example(
    {**SPOUSE_NEAR_THE_CUT_OVER, "trips": [{"departure": "2024-01-01", "return": "2024-07-01"}]}
)
# The draft moves this spouse to the general route (one day short of 5 years of marriage), whose
# continuity is at risk by its own, practice, rule: a 91-day trip ten years before.
@example(
    {
        **SPOUSE_NEAR_THE_CUT_OVER,
        "period_of_stay_years": 0.25,
        "residence_start_date": "2000-01-01",
        "marriage_date": "2022-04-02",
        "trips": [{"departure": "2017-01-01", "return": "2017-04-02"}],
    }
)
# The draft puts this trainee's general route at risk on 2027-04-01; HSP 80 (0 points), not
# eligible either, then scores higher: the best route moves and its findings are its own (a
# residence period not met, taxes met on a shorter look-back).
@example(
    {
        "application_date": "2026-12-01",
        "status": "employment_for_skill_development",
        "period_of_stay_years": 0.25,
        "residence_start_date": "2000-01-01",
        "employment": "regular",
        "guarantor": "japanese",
        "hsp_points": {"now": 0},
        "payments": [
            {"kind": "resident_tax", "due_date": "2015-01-01", "paid_date": "2026-11-30"},
            {"kind": "resident_tax", "due_date": "2023-01-01", "paid_date": "2026-11-30"},
        ],
    }
)
def test_near_the_cut_over_the_findings_listed_as_after_are_what_the_engine_says(data):
    """Answers filed on 2026-12-01 (four months before the 2027-04-01 cut-over)."""
    answers = _valid(data)
    if answers is not None:
        _check_plan(answers)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_day_answers())
def test_on_any_application_date_the_findings_listed_as_after_are_what_the_engine_says(data):
    """Answers filed on any day from 2006 to 2060 (most see no change ahead)."""
    answers = _valid(data)
    if answers is not None:
        _check_plan(answers)


def _check_plan(answers):
    """Re-evaluated on each ``rule_changes`` date, the last ``after`` listed for a requirement
    that day is the engine's finding; a draft's change is labelled draft and only ever at risk;
    ``file_by`` is the eve of a listed change, a day one can file, within the horizon."""
    t = THRESHOLDS.at(answers.application_date)
    plan = plan_filing(answers, t)
    last_after: dict[tuple[dt.date, str], object] = {}
    for rule_change in plan.rule_changes:
        assert answers.application_date < rule_change.date
        assert rule_change.date <= add_years(answers.application_date, HORIZON_YEARS)
        assert rule_change.changes or rule_change.before.route != rule_change.after.route
        for change in rule_change.changes:
            assert (change.before.status, change.before.clears_on) != (
                change.after.status,
                change.after.clears_on,
            )
            if rule_change.basis == "draft" and rule_change.before.route == rule_change.after.route:
                # On the same route a draft only ever puts a finding at risk (ADR 005). A draft
                # may also move the best route (the one it puts at risk scores less than another
                # of the same verdict): the new route's findings are its own, whatever their
                # status and basis, and are checked against the engine below.
                event("a draft's change")
                assert change.after.status == "at_risk", change
                assert change.after.basis == "draft", change
            last_after[(rule_change.date, change.requirement)] = change.after
        if rule_change.basis == "draft":
            # Whatever route it leads to, a draft never makes the verdict better.
            before, after = rule_change.before.overall, rule_change.after.overall
            assert OVERALL_RANK[after] >= OVERALL_RANK[before], rule_change
    for (day, requirement), after in last_after.items():
        engine = best_on(answers, day, t.at(day))
        found = {finding.id: finding for finding in engine.requirements}[requirement]
        assert (found.status, found.code, found.clears_on, found.basis) == (
            after.status,
            after.code,
            after.clears_on,
            after.basis,
        ), (day, requirement)
    if plan.file_by is not None:
        event("a file-by date")
        assert plan.file_by + dt.timedelta(days=1) in {c.date for c in plan.rule_changes}
        assert plan.file_by_verdict.overall in CAN_APPLY
        engine_eve = best_on(answers, plan.file_by, t.at(plan.file_by))
        assert engine_eve.overall == plan.file_by_verdict.overall
