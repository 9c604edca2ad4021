"""The document checklist per route, with look-back years from the result's thresholds."""

from __future__ import annotations

import pytest
from django.utils import translation

from assessments.documents import documents_for_route

from .conftest import THRESHOLDS_SNAPSHOT

ROUTE_SPECIFIC = [
    ("general", set()),
    ("spouse", {"family_register_spouse"}),
    ("child", {"family_register_parent"}),
    ("hsp_70", {"hsp_points_sheets"}),
    ("hsp_80", {"hsp_points_sheets"}),
    ("j_skip", {"jskip_evidence"}),
    ("long_term_resident", set()),
]
ALL_SPECIFIC = {
    "family_register_spouse",
    "family_register_parent",
    "hsp_points_sheets",
    "jskip_evidence",
}
COMMON = {
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
    "contribution",
}


@pytest.mark.parametrize(("route", "specific"), ROUTE_SPECIFIC)
def test_each_route_lists_the_common_documents_plus_its_own(route, specific):
    keys = {item.key for item in documents_for_route(route=route, thresholds={})}
    assert keys == COMMON | specific
    assert not (keys & (ALL_SPECIFIC - specific))


YEARS = [
    ("general", "resident_tax", "most recent 5 years", "直近5年分"),
    ("general", "pension", "most recent 2 years", "直近2年間"),
    ("spouse", "resident_tax", "most recent 3 years", "直近3年分"),
    ("hsp_80", "health_insurance", "most recent 1 year", "直近1年間"),
]


@pytest.mark.parametrize(("route", "key", "english", "japanese"), YEARS)
def test_the_years_of_records_follow_the_routes_look_back(route, key, english, japanese):
    item = {i.key: i for i in documents_for_route(route=route, thresholds=THRESHOLDS_SNAPSHOT)}[key]
    with translation.override("en"):
        assert english in item.label
    with translation.override("ja"):
        assert japanese in item.label


def test_without_a_look_back_in_the_snapshot_the_line_names_no_number():
    item = {i.key: i for i in documents_for_route(route="general", thresholds={})}["resident_tax"]
    with translation.override("en"):
        assert "most recent" not in item.label


def test_the_hsp_sheets_are_for_three_years_before_on_70_points_and_one_year_on_80():
    def sheets(route):
        items = documents_for_route(route=route, thresholds={})
        with translation.override("en"):
            return next(i.label for i in items if i.key == "hsp_points_sheets")

    assert "three years before" in sheets("hsp_70")
    assert "one year before" in sheets("hsp_80")


def test_contribution_evidence_is_required_only_on_the_contribution_route():
    def contribution(route):
        return next(
            i for i in documents_for_route(route=route, thresholds={}) if i.key == "contribution"
        )

    assert contribution("general").optional
    assert not contribution("contribution").optional
