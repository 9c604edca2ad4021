"""Empty values: only keys that declare ``no_limit`` may be empty, and the engine never raises
on one of them (every such key, every built-in persona, and the golden cases at random)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.eligibility.answers import AnswersInvalid
from assessments.results.personas import Persona, builtin_personas, case_on
from assessments.results.services import assessment_evaluate
from assessments.results.trial import (
    outcome_on,
    threshold_trial,
    trial_days,
    trial_errors,
    with_candidate,
)
from assessments.thresholds.snapshot import (
    THRESHOLD_KEYS,
    ThresholdValue,
    default_threshold_values,
    resolve,
)

SEED = tuple(default_threshold_values())
NO_LIMIT_KEYS = sorted(key for key, spec in THRESHOLD_KEYS.items() if spec.no_limit)
CASES_DIR = Path(__file__).resolve().parents[1] / "eligibility" / "cases"


def _golden_people() -> list[Persona]:
    """Every golden case of the engine, as a persona (its own answers on its own date)."""
    people = list(builtin_personas())
    for path in sorted(CASES_DIR.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        defaults = document.get("defaults", {})
        people += [
            Persona(name=case["name"], on=case_on(case), defaults=defaults, case=case)
            for case in document["cases"]
        ]
    return people


GOLDEN_PEOPLE = _golden_people()


def empty_from(key: str, day: dt.date) -> ThresholdValue:
    return ThresholdValue(
        key=key,
        value=None,
        unit=THRESHOLD_KEYS[key].unit,
        valid_from=day,
        kind="official",
        source_title="No such limit",
        source_url="https://example.org/none",
    )


def test_the_keys_that_may_be_empty_are_few_and_never_an_income_floor_or_a_residence_period():
    assert "absence.single_trip_max_months" in NO_LIMIT_KEYS
    for key in (
        "livelihood.min_income",
        "residence.general.min_years",
        "lookback.certificate_month",
    ):
        assert key not in NO_LIMIT_KEYS


def test_every_key_with_an_empty_seeded_value_declares_that_it_may_be_empty():
    empty = {v.key for v in SEED if v.value is None and v.unit not in ("date", "table")}
    assert empty <= set(NO_LIMIT_KEYS)


def test_no_date_or_table_key_may_be_empty():
    assert all(THRESHOLD_KEYS[key].unit not in ("date", "table") for key in NO_LIMIT_KEYS)


@pytest.mark.parametrize("key", NO_LIMIT_KEYS)
@pytest.mark.parametrize("day", [dt.date(2026, 12, 1), dt.date(2027, 6, 1)])
def test_an_empty_value_where_allowed_never_makes_a_persona_raise(key, day):
    """What the admin's trial evaluates with the candidate in place (every persona, on its own
    date and either side of the empty value's first day), without the trial's "before" half:
    the stored versions alone are the same for every key and never see an empty value."""
    candidate = empty_from(key, day)
    after = with_candidate(SEED, candidate)
    tried = 0
    for persona in builtin_personas():
        for on in trial_days(candidate, persona):
            try:
                answers = persona.answers(on=on)
            except AnswersInvalid:
                continue
            outcome, error = outcome_on(answers, after, on)
            assert error is None, (persona.name, on, error)
            tried += 1
    assert tried >= len(builtin_personas())


def test_the_admins_trial_of_an_empty_value_where_allowed_finds_no_error():
    """The trial itself (before and after) on one key: what refuses a version in the admin."""
    candidate = empty_from("absence.single_trip_max_months", dt.date(2026, 12, 1))
    trials = threshold_trial(candidate=candidate, versions=SEED)
    assert trials
    assert trial_errors(trials) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    person=st.sampled_from(GOLDEN_PEOPLE),
    keys=st.sets(st.sampled_from(NO_LIMIT_KEYS), min_size=1),
    days_before=st.integers(min_value=0, max_value=3650),
)
def test_any_keys_that_may_be_empty_left_empty_never_make_a_golden_case_raise(
    person, keys, days_before
):
    try:
        answers = person.answers()
    except AnswersInvalid:  # pragma: no cover - every golden case is valid on its own date
        return
    start = person.on - dt.timedelta(days=days_before)
    timeline = SEED
    for key in keys:
        timeline = with_candidate(timeline, empty_from(key, start))
    assessment_evaluate(answers=answers, thresholds=resolve(timeline, on=person.on))
