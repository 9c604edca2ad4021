"""Finding wording: every code has a partial that renders, in Japanese and in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.eligibility.rules.codes import FINDING_CODES
from assessments.results.wording import finding_template_name
from tests.results.naturalization_samples import NATURALIZATION_SAMPLE

FINDINGS_DIR = (
    Path(__file__).resolve().parents[2] / "assessments" / "templates" / "assessments" / "findings"
)

#: A plausible value for every param name in the catalogue.
SAMPLE = {
    "status": "student",
    "route": "spouse",
    "years": 9.5,
    "required": 10,
    "required_on_clear": 10,
    "start": "2017-06-01",
    "marriage_date": "2024-03-01",
    "opens_on": "2017-04-26",
    "when": "three_years_ago",
    "points": 65,
    "trips": 3,
    "longest_days": 45,
    "max_year_days": 61,
    "long_trips": [{"departure": "2024-01-03", "return": "2024-05-20", "days": 137}],
    "heavy_years": [{"year": 2024, "days": 140}],
    "trip_limit": 90,
    "year_limit": 100,
    "departure": "2025-01-10",
    "return": "2025-08-20",
    "months": 7,
    "limit_months": 6,
    "window_years": 10,
    "transition_date": "2027-03-31",
    "expiry": "2028-05-01",
    "lowest": 3_450_000,
    "year": 2024,
    "income": 2_800_000,
    "dependents": 2,
    "years_below": [2023, 2024],
    "missing_years": [2022, 2023],
    "assets": 1_200_000,
    "lookback_years": 5,
    "count": 2,
    "latest_due": "2025-05-31",
    "kinds": ["resident_tax", "pension"],
    "pension": False,
    "health_insurance": True,
    "latest": "2025-04-15",
    "completed_on": "2022-03-01",
    "wait_years": 5,
    "date": "2023-02-01",
    "tolerance": 3,
    "guarantor": "other",
    "reported": 4,
    "window_start": "2021-12-01",
    "set_aside": [{"kind": "pension", "due_date": "2020-05-31", "paid_date": "2020-09-30"}],
    "missing": "applicant_income",
    "income_of": "household",
    "lowest_applicant": 2_100_000,
    "lowest_household": 4_200_000,
    "required_household": 3_800_000,
    "shortfall": 200_000,
    "household_income": 3_500_000,
    "household_shortfall": 300_000,
    "raise_year": 2026,
    "raise_certifiable_on": "2027-06-01",
    "last_year_below": 2024,
    "last_below_leaves_on": "2030-06-01",
    "first_year": 2025,
    "certifiable_from": "2026-06-01",
    "draft_from": "2027-04-01",
    "created_on": "2027-04-01",
    "since": "2025-10-16",
    "renewal_grace_until": "2028-10-16",
    "capital": 30_000_000,
    "caution_years": 2,
    "household_size": 3,
    "required_single": 180_000,
    "per_person": 42_000,
    #: What a pending draft would need beyond a finding under the rules in force.
    "draft": {
        "code": "residence_period.marriage_too_short",
        "params": {
            "years": 2.5,
            "required": 3,
            "marriage_date": "2024-06-01",
            "required_on_clear": 5,
            "draft_from": "2027-04-01",
        },
        "clears_on": "2029-06-01",
    },
    "remaining": {
        "code": "conduct.traffic_repeated",
        "params": {"count": 4, "tolerance": 3, "window_years": 5},
        "clears_on": "2029-01-11",
    },
}
#: The lesser risk a draft continuity failure names is a long trip under the rule of thumb.
REMAINING_TRIPS = {
    "code": "continuity.long_trips",
    "params": {
        "long_trips": [{"departure": "2019-09-01", "return": "2019-12-01", "days": 90}],
        "heavy_years": [],
        "trip_limit": 90,
        "year_limit": 100,
    },
    "clears_on": "2029-12-01",
}
#: Params whose type differs by code.
SAMPLE_BY_CODE = {
    "livelihood.ok": {
        "years": [2025, 2024, 2023],
        "required": 3_000_000,
        "income_of": "applicant",
    },
    "livelihood.household_income": {"years": [2024, 2023], "required": 3_000_000},
    "livelihood.income_not_yet_certifiable": {"years": [2024]},
    "livelihood.income_below": {"required": 3_000_000},
    "livelihood.exempt_household_low": {"required": 3_000_000},
    "residence_period.hsp_points_low": {"required": 70},
    "residence_period.hsp_points_missing": {"required": 70},
    "residence_period.hsp_points_not_maintained": {"required": 70},
    "period_of_stay.too_short": {"years": 1, "required": 3},
    "notifications.ok": {"set_aside": ["2020-04-14"]},
    "continuity.draft_single_trip": {"remaining": REMAINING_TRIPS},
    "continuity.draft_cumulative": {"remaining": REMAINING_TRIPS},
}
#: Codes that say everything is fine: they have no "what to do".
NOTHING_TO_DO = {code for code in FINDING_CODES if code.endswith((".ok", ".met", ".exempt"))} | {
    "period_of_stay.unlimited"
}

SAMPLE.update(NATURALIZATION_SAMPLE)

#: A permanent resident's check (route ``keep_pr``).
KEEP_PR_SAMPLE = {
    "grant_date": "2020-03-01",
    "permit": "special",
    "lapses_on": "2026-01-10",
    "act_by": "2026-01-10",
    "longest_on": "2031-01-10",
    "max_years": 5,
    "extension_max_years": 1,
    "special_years": 1,
    "validity_years": 7,
    "renewal_opens": "2027-01-01",
    "revocation_from": "2027-04-01",
}
SAMPLE.update(KEEP_PR_SAMPLE)

RENDER = Template("{% load prcheck %}{% finding_text f %}|||{% finding_remedy f %}")


def sample_finding(code: str) -> dict:
    params = {name: SAMPLE[name] for name in FINDING_CODES[code]}
    params.update({k: v for k, v in SAMPLE_BY_CODE.get(code, {}).items() if k in params})
    finding = {"id": code.split(".")[0], "status": "not_met", "code": code, "params": params}
    if "remaining" in params:  # what stays on clears_on: such a finding always has the date
        finding["clears_on"] = "2028-01-01"
    return finding


def render(finding: dict, language: str) -> tuple[str, str]:
    with translation.override(language):
        text, remedy = RENDER.render(Context({"f": finding})).split("|||")
    return text.strip(), remedy.strip()


def test_every_finding_code_has_a_partial_and_no_partial_lacks_a_code():
    partials = {path.name.removesuffix(".html") for path in FINDINGS_DIR.glob("*.html")}
    assert partials == set(FINDING_CODES)


@pytest.mark.parametrize("code", sorted(FINDING_CODES))
def test_each_finding_renders_in_both_languages_with_its_params_filled_in(code):
    finding = sample_finding(code)
    en_text, en_remedy = render(finding, "en")
    ja_text, ja_remedy = render(finding, "ja")
    assert en_text and ja_text
    assert ja_text != en_text, "the Japanese wording is missing"
    for text in (en_text, ja_text, en_remedy, ja_remedy):
        assert "{{" not in text and "%(" not in text
        assert not re.search(r"\bNone\b(?! of)", text), "a missing value was printed"
    if code in NOTHING_TO_DO:
        assert not en_remedy and not ja_remedy
    else:
        assert en_remedy and ja_remedy and ja_remedy != en_remedy


# Spot checks: the applicant's numbers and the threshold appear, formatted per language.
SPOT_CHECKS = [
    ("residence_period.too_short", "en", ["9.5 years", "10 years", "1 June 2017"]),
    ("residence_period.too_short", "ja", ["9.5年", "10年", "2017年6月1日"]),
    (
        "livelihood.income_below",
        "en",
        ["¥2,800,000", "¥3,000,000", "2023 and 2024", "2 dependants"],
    ),
    ("livelihood.income_below", "ja", ["280万円", "300万円", "2023年、2024年", "扶養家族2人"]),
    ("livelihood.income_missing", "en", ["2022 and 2023"]),
    (
        "livelihood.income_below",
        "en",
        ["2024: ¥2,800,000, ¥200,000 short of the ¥3,000,000", "Counting your household"],
    ),
    ("livelihood.income_below", "ja", ["2024年の収入は280万円", "300万円）に20万円足りません"]),
    ("livelihood.household_income", "en", ["¥4,200,000", "¥3,800,000", "¥2,100,000"]),
    ("livelihood.household_income", "ja", ["420万円", "380万円", "210万円"]),
    ("livelihood.income_not_yet_certifiable", "ja", ["2024年", "2026年6月1日"]),
    ("livelihood.ok", "ja", ["345万円", "300万円", "2023年、2024年、2025年"]),
    ("continuity.long_trips", "en", ["3 January 2024 to 20 May 2024 (137 days)", "2024: 140"]),
    ("continuity.long_trips", "ja", ["2024年1月3日～2024年5月20日（137日）", "90日"]),
    (
        "taxes.unpaid",
        "en",
        ["Tax still unpaid: 2 payments (Resident tax and Pension contributions)"],
    ),
    ("social_insurance.not_enrolled", "en", ["not enrolled in the public pension."]),
    ("residence_period.hsp_points_low", "en", ["65 points", "70 points", "three years before"]),
    ("period_of_stay.three_year_grace", "ja", ["2027年3月31日", "2028年5月1日"]),
    ("conduct.fine", "en", ["1 March 2022", "5 years"]),
]


@pytest.mark.parametrize(("code", "language", "expected"), SPOT_CHECKS)
def test_a_finding_shows_the_applicants_numbers_and_the_threshold(code, language, expected):
    text, _remedy = render(sample_finding(code), language)
    for fragment in expected:
        assert fragment in text


def test_an_unknown_code_renders_a_neutral_sentence_and_no_remedy():
    text, remedy = render({"code": "../../base", "params": {}}, "en")
    assert "no explanation" in text
    assert remedy == ""


@pytest.mark.parametrize("bad", [None, "text", {"code": "taxes.late", "params": "oops"}, {}])
def test_a_malformed_finding_never_raises(bad):
    render(bad, "ja")


def test_only_catalogued_codes_pick_a_template():
    assert finding_template_name("taxes.late") == "assessments/findings/taxes.late.html"
    assert finding_template_name("../../base") is None
    assert finding_template_name(None) is None


def test_the_same_finding_renders_in_japanese_and_english_inside_language_blocks():
    """The PDF renders one result twice: {% language "ja" %} and {% language "en" %}."""
    template = Template(
        '{% load i18n prcheck %}{% language "ja" %}{% finding_text f %}{% endlanguage %}'
        '|||{% language "en" %}{% finding_text f %}{% endlanguage %}'
    )
    with translation.override("en"):
        ja, en = template.render(Context({"f": sample_finding("taxes.late")})).split("|||")
    assert "2025年5月31日" in ja and "31 May 2025" in en


ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.lists(st.one_of(st.integers(), st.text(max_size=5), st.none()), max_size=3),
    st.dictionaries(st.sampled_from(["year", "days", "departure", "return"]), st.text(max_size=10)),
)


@settings(max_examples=300, deadline=None)
@given(code=st.sampled_from(sorted(FINDING_CODES)), data=st.data())
def test_a_finding_with_params_of_any_type_renders_without_error(code, data):
    params = {name: data.draw(ODD_VALUES, label=name) for name in FINDING_CODES[code]}
    text, _remedy = render(
        {"code": code, "params": params}, data.draw(st.sampled_from(["en", "ja"]))
    )
    assert text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Income raised in 2026 is certifiable from 1 June 2027", "on 1 June 2030"]),
        (
            "ja",
            [
                "2026年に収入を増やした場合",
                "2027年6月1日から",
                "2030年6月1日に確認対象から外れます",
            ],
        ),
    ],
)
def test_a_low_income_says_what_would_clear_it_and_from_when(language, expected):
    _, remedy = render(sample_finding("livelihood.income_below"), language)
    for fragment in expected:
        assert fragment in remedy


@pytest.mark.parametrize(
    ("code", "language", "expected"),
    [
        (
            "conduct.fine",
            "en",
            ["1 March 2022", "Once this clears on 10 January 2029, one risk will remain:", "4 "],
        ),
        (
            "conduct.fine",
            "ja",
            ["2029年1月10日にこの点で要件を満たした後も", "過去5年に軽微な交通違反4件"],
        ),
        (
            "continuity.draft_single_trip",
            "en",
            ["Once this clears on 20 August 2035", "1 September 2019 to 1 December 2019 (90 days)"],
        ),
        (
            "continuity.draft_single_trip",
            "ja",
            ["2035年8月20日にこの点で要件を満たした後も", "90日"],
        ),
    ],
)
def test_a_failure_that_clears_by_time_names_the_risk_that_remains_on_that_day(
    code, language, expected
):
    """The remaining risk is worded by its own code's partial, inside the failure's text."""
    clears_on = {"conduct.fine": "2029-01-10", "continuity.draft_single_trip": "2035-08-20"}[code]
    text, _remedy = render({**sample_finding(code), "clears_on": clears_on}, language)
    for fragment in expected:
        assert fragment in text, text


def test_without_a_remaining_risk_the_failure_says_nothing_more():
    finding = sample_finding("conduct.fine")
    del finding["params"]["remaining"]
    text, _remedy = render({**finding, "clears_on": "2027-03-01"}, "en")
    assert "remain" not in text
