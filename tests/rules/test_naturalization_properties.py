"""Properties of the naturalization engine over generated answers (the PR engine's, and more):
it never raises; every requirement, in order, with catalogued codes and params; the verdict
exactly as the contract defines it; and a finding that clears with time is cleared on its date.
"""

import datetime as dt
import inspect
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import assessments.eligibility.rules.naturalization as naturalization_package
from assessments.eligibility.answers import AnswersInvalid, answers_from_dict
from assessments.eligibility.naturalization_choices import NATURALIZATION_IDS, JapaneseLevel
from assessments.eligibility.rules.codes import FINDING_CODES
from assessments.eligibility.rules.naturalization import evaluate_naturalization
from assessments.thresholds.snapshot import thresholds_from_defaults
from tests.rules.test_engine_properties import ON, THRESHOLDS, answers_data

naturalization_data = st.fixed_dictionaries(
    {},
    optional={
        "birth_date": st.dates(dt.date(1950, 1, 1), ON).map(str),
        "monthly_take_home": st.one_of(st.none(), st.integers(0, 400_000)),
        "last_job_change_date": st.dates(dt.date(2020, 1, 1), ON).map(str),
        "family_arrears": st.booleans(),
        "nationality_renounceable": st.one_of(st.none(), st.booleans()),
        "japanese_level": st.one_of(st.none(), st.sampled_from(JapaneseLevel.values)),
    },
)
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


def test_naturalization_rule_modules_stay_pure():
    """Rules import no models, read no clock and translate nothing (style guideline 2)."""
    forbidden = re.compile(r"\bmodels\b|today\(|now\(|gettext|django\.db|from django")
    for path in Path(inspect.getfile(naturalization_package)).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not forbidden.search(source), f"{path.name} is not pure"
