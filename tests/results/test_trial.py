"""The threshold trial: the built-in personas evaluated with a candidate version in place."""

from __future__ import annotations

import datetime as dt

import pytest

from assessments.results.personas import builtin_personas
from assessments.results.trial import (
    Outcome,
    threshold_trial,
    trial_days,
    trial_errors,
    with_candidate,
)
from assessments.thresholds.snapshot import ThresholdValue, default_threshold_values

SEED = tuple(default_threshold_values())
ENGINEER = (
    "An engineer fourteen years in Japan, on a work status throughout, with clean records, "
    "is likely eligible on the general route"
)


def income_floor(value, valid_from: dt.date) -> ThresholdValue:
    return ThresholdValue(
        key="livelihood.min_income",
        value=value,
        unit="yen",
        valid_from=valid_from,
        kind="official",
        source_title="Trial",
        source_url="https://example.org/trial",
    )


def test_the_personas_are_the_golden_ones_and_each_has_a_name_and_a_date():
    personas = builtin_personas()
    assert ENGINEER in {persona.name for persona in personas}
    assert all(persona.name and isinstance(persona.on, dt.date) for persona in personas)


@pytest.mark.parametrize(
    "valid_from", [dt.date(2026, 12, 1), dt.date(2027, 6, 1), dt.date(2019, 1, 1)]
)
def test_an_empty_income_floor_makes_evaluations_raise_and_the_trial_names_the_persona(valid_from):
    trials = threshold_trial(candidate=income_floor(None, valid_from), versions=SEED)
    errors = trial_errors(trials)
    assert ENGINEER in {trial.persona for trial in errors}
    assert all("NoneType" in trial.error and trial.after is None for trial in errors)
    assert all(trial.before is not None and trial.before_error is None for trial in errors)


def test_a_valid_income_floor_raises_nothing_and_changes_no_one_it_does_not_touch():
    trials = threshold_trial(candidate=income_floor(3_000_000, dt.date(2027, 6, 1)), versions=SEED)
    assert trials and trial_errors(trials) == []
    assert [trial for trial in trials if trial.changed] == []


def test_a_raised_income_floor_shows_the_engineer_before_and_after():
    trials = threshold_trial(candidate=income_floor(9_000_000, dt.date(2026, 1, 1)), versions=SEED)
    engineer = next(t for t in trials if t.persona == ENGINEER and t.day == dt.date(2026, 12, 1))
    assert engineer.changed
    assert engineer.before == Outcome(
        overall="likely_eligible", route="general", earliest_date=None
    )
    assert engineer.after.overall != "likely_eligible"


def test_each_persona_is_tried_on_its_own_date_and_either_side_of_the_new_version():
    persona = next(p for p in builtin_personas() if p.name == ENGINEER)
    candidate = income_floor(3_000_000, dt.date(2027, 6, 1))
    assert trial_days(candidate, persona) == (
        dt.date(2026, 12, 1),
        dt.date(2027, 5, 31),
        dt.date(2027, 6, 1),
    )
    days = {t.day for t in threshold_trial(candidate=candidate, versions=SEED, personas=[persona])}
    assert days == set(trial_days(candidate, persona))


def test_a_day_on_which_the_answers_make_no_sense_is_left_out():
    persona = next(p for p in builtin_personas() if p.name == ENGINEER)  # arrived 2012-04-01
    candidate = income_floor(3_000_000, dt.date(2010, 1, 1))
    days = {t.day for t in threshold_trial(candidate=candidate, versions=SEED, personas=[persona])}
    assert days == {dt.date(2026, 12, 1)}


def test_the_candidate_replaces_a_version_of_the_same_key_and_date():
    first = next(v for v in SEED if v.key == "livelihood.min_income")
    candidate = income_floor(1, first.valid_from)
    timeline = with_candidate(SEED, candidate)
    same = [v for v in timeline if (v.key, v.valid_from) == (first.key, first.valid_from)]
    assert same == [candidate]
    assert len(timeline) == len(SEED)


@pytest.mark.django_db
def test_without_versions_the_trial_reads_the_stored_ones():
    trials = threshold_trial(candidate=income_floor(None, dt.date(2027, 6, 1)))
    assert trial_errors(trials)
