"""Properties of the naturalization engine over generated answers (the PR engine's, and more):
it never raises; every requirement, in order, with catalogued codes and params; the verdict
exactly as the contract defines it; a finding that clears with time is cleared on its date;
and a tie to Japan (a simplified route of Arts. 6–8) never makes the verdict worse than a blank.
"""

import datetime as dt
import inspect
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import assessments.eligibility.rules.naturalization as naturalization_package
from assessments.eligibility.answers import (
    NATURALIZATION_ROUTE_FACTS,
    AnswersInvalid,
    answers_from_dict,
)
from assessments.eligibility.naturalization_choices import NATURALIZATION_IDS, JapaneseLevel
from assessments.eligibility.rules.codes import FINDING_CODES
from assessments.eligibility.rules.naturalization import evaluate_naturalization
from assessments.thresholds.snapshot import thresholds_from_defaults
from tests.eligibility.test_engine_properties import ON, THRESHOLDS, answers_data

naturalization_data = st.fixed_dictionaries(
    {},
    optional={
        "birth_date": st.dates(dt.date(1950, 1, 1), ON).map(str),
        "monthly_take_home": st.one_of(st.none(), st.integers(0, 400_000)),
        "last_job_change_date": st.dates(dt.date(2020, 1, 1), ON).map(str),
        "family_arrears": st.booleans(),
        "nationality_renounceable": st.one_of(st.none(), st.booleans()),
        "japanese_level": st.one_of(st.none(), st.sampled_from(JapaneseLevel.values)),
        **dict.fromkeys(NATURALIZATION_ROUTE_FACTS, st.one_of(st.none(), st.booleans())),
    },
)
#: The verdicts from the best to the worst.
VERDICT_ORDER = ("likely_eligible", "eligible_with_risks", "not_yet_eligible", "not_eligible")
all_answers = st.tuples(answers_data, naturalization_data).map(lambda pair: {**pair[0], **pair[1]})


def _answers(data):
    try:
        return answers_from_dict(data, today=ON)
    except AnswersInvalid:
        return None  # e.g. generated overlapping trips: rejected with field errors


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(all_answers)
def test_every_answer_gets_every_naturalization_requirement_and_the_contracts_verdict(data):
    answers = _answers(data)
    if answers is None:
        return
    result = evaluate_naturalization(answers, THRESHOLDS).to_json()
    assert tuple(f["id"] for f in result["requirements"]) == NATURALIZATION_IDS
    for finding in result["requirements"]:
        assert finding["code"].startswith(f"naturalization.{finding['id']}."), finding["code"]
        assert set(finding["params"]) <= set(FINDING_CODES[finding["code"]]), finding["code"]
        if finding["clears_on"] is not None:
            assert finding["status"] in ("not_met", "at_risk")
            assert finding["clears_on"] > ON.isoformat()
        if finding["code"].endswith("_missing"):
            assert finding["status"] == "at_risk", "a blank answer never fails on its own"
    not_met = [f for f in result["requirements"] if f["status"] == "not_met"]
    if any(f["clears_on"] is None for f in not_met):
        assert result["overall"] == "not_eligible" and result["earliest_date"] is None
    elif not_met:
        assert result["overall"] == "not_yet_eligible"
        assert result["earliest_date"] == max(f["clears_on"] for f in not_met)
    elif any(f["status"] == "at_risk" for f in result["requirements"]):
        assert result["overall"] == "eligible_with_risks"
    else:
        assert result["overall"] == "likely_eligible"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(all_answers)
def test_a_finding_that_clears_with_time_is_cleared_on_its_date(data):
    answers = _answers(data)
    if answers is None:
        return
    for finding in evaluate_naturalization(answers, THRESHOLDS).requirements:
        if finding.clears_on is None:
            continue
        later = _answers({**data, "application_date": finding.clears_on.isoformat()})
        result = evaluate_naturalization(later, thresholds_from_defaults(on=finding.clears_on))
        again = next(f for f in result.requirements if f.id == finding.id)
        assert again.status != "not_met", (finding.code, finding.clears_on, again.code)
        assert again.code != finding.code, (finding.code, finding.clears_on)


def _verdict_rank(result) -> tuple:
    """Order verdicts from the best; between two "not yet", the earlier date is better."""
    return (VERDICT_ORDER.index(result.overall), result.earliest_date or dt.date.max)


def _finding_rank(finding) -> tuple:
    """Order findings from the best: met or exempt, at risk, then the earliest to clear."""
    order = {"met": 0, "exempt": 0, "at_risk": 1}.get(finding.status, 2)
    return (order, finding.clears_on or dt.date.max)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(all_answers, st.sets(st.sampled_from(NATURALIZATION_ROUTE_FACTS), min_size=1))
def test_a_tie_to_japan_answered_yes_never_makes_the_verdict_worse_than_a_blank(data, ties):
    blank = _answers({**data, **dict.fromkeys(NATURALIZATION_ROUTE_FACTS)})
    if blank is None:
        return
    tied = _answers({**data, **dict.fromkeys(ties, True)})
    without = evaluate_naturalization(blank, THRESHOLDS)
    with_ties = evaluate_naturalization(tied, THRESHOLDS)
    assert _verdict_rank(with_ties) <= _verdict_rank(without), (sorted(ties), with_ties, without)
    for better, worse in zip(with_ties.requirements, without.requirements, strict=True):
        assert _finding_rank(better) <= _finding_rank(worse), (sorted(ties), better, worse)


def test_naturalization_rule_modules_stay_pure():
    """Rules import no models, read no clock and translate nothing (style guideline 2)."""
    forbidden = re.compile(r"\bmodels\b|today\(|now\(|gettext|django\.db|from django")
    for path in Path(inspect.getfile(naturalization_package)).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not forbidden.search(source), f"{path.name} is not pure"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(all_answers, st.sets(st.sampled_from(NATURALIZATION_ROUTE_FACTS)))
def test_absences_are_judged_on_the_route_the_residence_card_names(data, ties):
    """Issue 22, item 1: the absences card reads the residence card's route; a route that asks
    no period (residence exempt) has no count to start again (absences exempt), and a route
    with a period is never exempt from absences."""
    answers = _answers({**data, **dict.fromkeys(ties, True)})
    if answers is None:
        return
    found = {f.id: f for f in evaluate_naturalization(answers, THRESHOLDS).requirements}
    residence, absences = found["residence"], found["absences"]
    assert (residence.status == "exempt") == (absences.status == "exempt"), (residence, absences)
    if "path" in residence.params:
        assert absences.params["path"] == residence.params["path"], (residence, absences)
