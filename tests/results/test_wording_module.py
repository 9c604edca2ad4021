"""The wording module is the one place codes become words: every id, enumeration value and finding
code the engine can return has its entry, in both languages, and nothing else words them."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import translation

from assessments.eligibility.choices import (
    REQUIREMENT_IDS,
    Overall,
    RequirementStatus,
    ResidenceStatus,
    Route,
)
from assessments.eligibility.naturalization_choices import NATURALIZATION_IDS
from assessments.eligibility.rules.codes import FINDING_CODES
from assessments.results import wording
from assessments.results.view import ResultView, UnsupportedResult
from tests.results.conftest import hand_result

ROOT = Path(__file__).resolve().parents[2]

CASES = [
    ("requirement", REQUIREMENT_IDS),
    ("naturalization_requirement", NATURALIZATION_IDS),
    ("Route", Route.values),
    ("Overall", Overall.values),
    ("RequirementStatus", RequirementStatus.values),
    ("ResidenceStatus", ResidenceStatus.values),
]


@pytest.mark.parametrize(("table", "values"), CASES, ids=[case[0] for case in CASES])
def test_every_value_the_engine_returns_has_a_label_in_japanese_and_in_english(table, values):
    for value in values:
        with translation.override("en"):
            english = str(wording.label(value, table))
        with translation.override("ja"):
            japanese = str(wording.label(value, table))
        assert english != value, f"{table}.{value} has no entry"
        assert japanese != english, f"{table}.{value} has no Japanese"


def test_every_finding_code_is_worded_by_its_template():
    for code in FINDING_CODES:
        name = wording.finding_template_name(code)
        assert name and (ROOT / "assessments/templates" / name).is_file(), code
    assert wording.finding_template_name("../../base") is None


def test_an_unknown_value_is_returned_unchanged_and_an_unknown_table_is_an_error():
    assert wording.label("newer_route", "Route") == "newer_route"
    assert wording.label({"odd": 1}, "Route") == {"odd": 1}
    with pytest.raises(KeyError):
        wording.label("general", "no_such_table")


def test_japanese_runs_on_english_pages_carry_their_language():
    with translation.override("en"):
        marked = str(wording.japanese_run("Source: 国籍法 5条1項1号 (Official)"))
        assert marked == 'Source: <span lang="ja">国籍法 5条1項1号</span> (Official)'
        html = '<p title="行政書士">Ask a 行政書士 <span lang="ja">理由書</span></p>'
        assert str(wording.mark_japanese(html)) == (
            '<p title="行政書士">Ask a <span lang="ja">行政書士</span> <span lang="ja">理由書</span></p>'
        )
    with translation.override("ja"):
        assert str(wording.japanese_run("国籍法")) == "国籍法"


def test_the_label_filters_and_the_guards_on_result_json_are_gone():
    """One filter, ``label``, words codes; the view reads the result JSON, nothing else does."""
    templates = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (ROOT / "assessments/templates").rglob("*.html")
    )
    for old in (
        "|naturalization_requirement_name",
        "|naturalization_route",
        "|sentence_kind_label",
        "|japanese_level_label",
        "|requirement_name",
        "|source_title",
        "|yes_no",
        "answered_naturalization",
        "why_rows",
    ):
        assert old not in templates, old
    assert not (ROOT / "assessments/templatetags/naturalization.py").exists()
    for module in (
        "presentation.py",
        "whatif_page.py",
        "whatif.py",
        "calendar.py",
        "timeline_chart.py",
        "file_by.py",
        "handoff.py",
        "handoff_checks.py",
    ):
        source = (ROOT / "assessments/results" / module).read_text(encoding="utf-8")
        assert "isinstance(" not in source, module


def test_a_result_of_another_schema_is_refused_and_one_without_a_schema_is_read():
    with pytest.raises(UnsupportedResult):
        ResultView.from_json({**hand_result(), "schema": "prcheck.result/2"})
    legacy = {key: value for key, value in hand_result().items() if key != "schema"}
    assert ResultView.from_json(legacy).overall == "likely_eligible"


def test_the_verdict_is_derived_from_the_findings_so_the_headline_cannot_contradict_them():
    result = hand_result(
        overrides={
            "residence_period": {"status": "not_met", "clears_on": "2027-06-01"},
            "period_of_stay": {"status": "at_risk"},
        },
        overall="likely_eligible",  # a stored string that contradicts its findings
    )
    view = ResultView.from_json(result)
    assert view.overall == "not_yet_eligible"
    assert view.verdict.clears_with_time
    assert [f.id for f in view.verdict.risks_not_by_time] == ["period_of_stay"]
    assert [row.finding.id for row in view.clears] == ["residence_period", "period_of_stay"]
    assert view.clears[0].sets_earliest and not view.clears[1].sets_earliest
