"""The documents checklist: per route, tailored to the answers, with look-back years and sources.

The golden cases in tests/eligibility/cases/documents/*.yaml run through the real engine: for these
answers, these documents (and not those).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from django.utils import translation

from assessments.eligibility.answers import answers_from_dict
from assessments.eligibility.documents import documents_for_route
from assessments.eligibility.rules import evaluate
from assessments.reports.pdf import report_context
from assessments.results.personas import case_answers_data, case_on
from assessments.thresholds.snapshot import thresholds_from_defaults
from tests.results.conftest import BASE_ANSWERS, THRESHOLDS_SNAPSHOT, engine_result, store

CASES_DIR = Path(__file__).resolve().parents[1] / "eligibility" / "cases" / "documents"
ROUTES = ("general", "spouse", "child", "long_term_resident", "refugee", "contribution")
ROUTES += ("hsp_70", "hsp_80", "j_skip")


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in document["cases"]:
            yield pytest.param(document.get("defaults", {}), case, id=case["name"])


def _case_answers(defaults: dict, case: dict) -> tuple[dict, dt.date]:
    on = case_on(case)
    return case_answers_data(defaults, case, on=on), on


def _checklist(defaults: dict, case: dict):
    data, on = _case_answers(defaults, case)
    answers = answers_from_dict(data, today=on)
    result = evaluate(answers, thresholds_from_defaults(on=on)).to_json()
    items = documents_for_route(
        route=result["route"],
        thresholds=result["thresholds"],
        answers=data,
        findings=result["requirements"],
    )
    return result["route"], {item.key: item for item in items}


@pytest.mark.parametrize(("defaults", "case"), list(_load_cases()))
def test_documents_case(defaults, case):
    route, items = _checklist(defaults, case)
    expected = case["expected"]
    if "route" in expected:
        assert route == expected["route"]
    assert set(expected.get("includes", [])) <= set(items), sorted(items)
    assert not set(expected.get("excludes", [])) & set(items), sorted(items)
    if "unconfirmed" in expected:
        assert {key for key, item in items.items() if item.caveat} == set(expected["unconfirmed"])
    if "optional" in expected:
        assert {key for key, item in items.items() if item.optional} == set(expected["optional"])
    with translation.override("en"):
        for key, fragment in expected.get("labels", {}).items():
            assert fragment in items[key].label, items[key].label


def _japanese_terms(text: str) -> set[str]:
    return set(re.findall(r"[\u3040-\u30fa\u30fc-\u30ff\u4e00-\u9fff]{2,}", text))


@pytest.mark.parametrize(("defaults", "case"), list(_load_cases()))
def test_the_japanese_and_english_lines_name_the_same_documents_and_years(defaults, case):
    """Each English line's Japanese document names and numbers are in its Japanese line."""
    _, items = _checklist(defaults, case)
    for item in items.values():
        with translation.override("en"):
            english = item.label
        with translation.override("ja"):
            japanese = item.label
        assert japanese != english, f"{item.key} is not translated"
        if item.caveat:
            with translation.override("ja"):
                assert "公式の資料" in str(item.caveat)
        missing = {term for term in _japanese_terms(english) if term not in japanese}
        assert not missing, f"{item.key}: {missing}"
        assert set(re.findall(r"\d+", english)) <= set(re.findall(r"\d+", japanese)), item.key


@pytest.mark.parametrize("route", ROUTES)
def test_every_line_names_its_source(route):
    for item in documents_for_route(route=route, thresholds=THRESHOLDS_SNAPSHOT):
        assert item.source.title
        assert item.source.url.startswith("https://"), item.key


@pytest.mark.parametrize(
    ("route", "specific"),
    [
        ("general", set()),
        ("spouse", {"family_register_spouse"}),
        ("child", {"family_register_parent"}),
        ("hsp_70", {"hsp_points_sheets", "hsp_result_notice"}),
        ("hsp_80", {"hsp_points_sheets", "hsp_result_notice"}),
        ("j_skip", {"jskip_evidence"}),
        ("long_term_resident", set()),
        ("contribution", {"contribution"}),
    ],
)
def test_without_answers_each_route_lists_the_common_documents_plus_its_own(route, specific):
    """An older result without answers: the general proof of work, the route's own lines."""
    keys = {item.key for item in documents_for_route(route=route, thresholds={})}
    common = {
        "application_form",
        "photo",
        "statement_of_reasons",
        "juminhyo",
        "occupation",
        "resident_tax",
        "national_tax",
        "pension",
        "health_insurance",
        "assets",
        "guarantee",
        "acknowledgement",
        "passport",
    }
    assert keys == common | specific


def test_without_a_look_back_in_the_snapshot_the_line_names_no_number_and_no_caveat():
    item = {i.key: i for i in documents_for_route(route="general", thresholds={})}["resident_tax"]
    with translation.override("en"):
        assert "most recent" not in item.label
    assert item.caveat is None


@pytest.mark.parametrize(
    ("kind", "labelled"), [("official", False), ("practice", True), ("draft", True)]
)
def test_a_count_is_labelled_unconfirmed_unless_its_threshold_is_official(kind, labelled):
    snapshot = {"lookback.tax_years.general": {"value": 5, "unit": "years", "kind": kind}}
    items = {i.key: i for i in documents_for_route(route="general", thresholds=snapshot)}
    assert (items["resident_tax"].caveat is not None) is labelled
    with translation.override("ja"):
        assert "直近5年分" in items["resident_tax"].label


@pytest.mark.django_db
def test_the_result_page_tailors_the_checklist_to_the_stored_answers(client):
    answers = {**BASE_ANSWERS, "employment": "self_employed"}
    assessment = store(engine_result(employment="self_employed"))
    assessment.answers = answers
    assessment.save()
    html = client.get(f"/en/result/{assessment.token}/").content.decode()
    section = html.split('id="documents-heading"')[1].split("</section>")[0]
    assert 'final tax return (<span lang="ja">確定申告書控え</span>)' in section
    assert "在職証明書" not in section
    assert "Sources of this list:" in section
    assert "https://www.moj.go.jp/isa/applications/procedures/16-4.html" in section


def test_the_report_tailors_the_checklist_to_the_same_answers():
    answers = {**BASE_ANSWERS, "employment": "none"}
    context = report_context(
        result=engine_result(employment="none"),
        answers=answers,
        reference="ABCD-EFGH",
        generated_at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
    )
    keys = {item.key for item in context["page"].documents}
    assert "occupation_supporter" in keys
    assert "occupation_employee" not in keys
