"""Formatting filters: money, dates, periods and labels in each language (tables)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.html import escape

from assessments.results import wording
from assessments.results.view import Finding
from assessments.templatetags import prcheck as f
from assessments.web import formats

YEN = [
    (3_000_000, "¥3,000,000", "300万円"),
    (3_450_000, "¥3,450,000", "345万円"),
    (12_000, "¥12,000", "1万2,000円"),
    (0, "¥0", "0円"),
    (999, "¥999", "999円"),
    (10_000, "¥10,000", "1万円"),
    (200_000, "¥200,000", "20万円"),
    (123_456_789, "¥123,456,789", "1億2,345万6,789円"),
    (100_000_000, "¥100,000,000", "1億円"),
    (Decimal("4500000"), "¥4,500,000", "450万円"),
    ("3000000", "¥3,000,000", "300万円"),
]


@pytest.mark.parametrize(("amount", "english", "japanese"), YEN, ids=[str(row[0]) for row in YEN])
def test_yen_is_written_with_the_yen_sign_in_english_and_man_units_in_japanese(
    amount, english, japanese
):
    with translation.override("en"):
        assert f.yen(amount) == english
    with translation.override("ja"):
        assert f.yen(amount) == japanese


DATES = [
    (dt.date(2026, 12, 1), "1 December 2026", "2026年12月1日"),
    ("2027-06-01", "1 June 2027", "2027年6月1日"),
    (dt.datetime(2026, 1, 9, 15, 30), "9 January 2026", "2026年1月9日"),
    ("2024-02-29", "29 February 2024", "2024年2月29日"),
]


@pytest.mark.parametrize(("value", "english", "japanese"), DATES, ids=[str(r[0]) for r in DATES])
def test_longdate_writes_the_day_month_and_year_in_each_language(value, english, japanese):
    with translation.override("en"):
        assert f.longdate(value) == english
    with translation.override("ja"):
        assert f.longdate(value) == japanese


SHORT_DATES = [
    (dt.date(2026, 12, 1), "1 Dec 2026", "2026/12/1"),
    ("2023-09-30", "30 Sep 2023", "2023/9/30"),
]


@pytest.mark.parametrize(
    ("value", "english", "japanese"), SHORT_DATES, ids=[str(r[0]) for r in SHORT_DATES]
)
def test_shortdate_writes_a_date_briefly_for_a_column_in_each_language(value, english, japanese):
    with translation.override("en"):
        assert formats.shortdate(value) == english
    with translation.override("ja"):
        assert formats.shortdate(value) == japanese


PERIODS = [
    ("years", 9.5, "9.5 years", "9.5年"),
    ("years", 10, "10 years", "10年"),
    ("years", 1, "1 year", "1年"),
    ("years", 9.99, "9.99 years", "9.99年"),
    ("years", Decimal("2.50"), "2.5 years", "2.5年"),
    ("period", 0.25, "3 months", "3か月"),
    ("period", 0.5, "6 months", "6か月"),
    ("period", 5, "5 years", "5年"),
    ("months", 7, "7 months", "7か月"),
    ("days", 1, "1 day", "1日"),
    ("days", 120, "120 days", "120日"),
    ("points", 80, "80 points", "80点"),
]


@pytest.mark.parametrize(
    ("name", "value", "english", "japanese"), PERIODS, ids=[f"{r[0]}({r[1]})" for r in PERIODS]
)
def test_periods_and_counts_are_written_with_their_unit(name, value, english, japanese):
    with translation.override("en"):
        assert getattr(f, name)(value) == english
    with translation.override("ja"):
        assert getattr(f, name)(value) == japanese


COUNTS = [
    (1, "trip", "1 trip", "1回"),
    (3, "trip", "3 trips", "3回"),
    (2, "payment", "2 payments", "2件"),
    (0, "dependant", "0 dependants", "扶養家族0人"),
    (1, "notification", "1 notification", "1件"),
    (4, "violation", "4 violations", "4件"),
]


@pytest.mark.parametrize(("value", "noun", "english", "japanese"), COUNTS)
def test_count_of_picks_the_plural_form_in_each_language(value, noun, english, japanese):
    with translation.override("en"):
        assert f.count_of(value, noun) == english
    with translation.override("ja"):
        assert f.count_of(value, noun) == japanese


LISTS = [
    ([2021], "2021", "2021年"),
    ([2021, 2023], "2021 and 2023", "2021年、2023年"),
    ([2025, 2024, 2023], "2023, 2024 and 2025", "2023年、2024年、2025年"),
]


@pytest.mark.parametrize(("years", "english", "japanese"), LISTS)
def test_year_lists_are_sorted_and_joined_readably(years, english, japanese):
    with translation.override("en"):
        assert f.year_list(years) == english
    with translation.override("ja"):
        assert f.year_list(years) == japanese


TRIP = {"departure": "2024-01-03", "return": "2024-05-20", "days": 137}


def test_a_trip_is_written_with_both_dates_and_its_length():
    with translation.override("en"):
        assert f.trip_span(TRIP) == "3 January 2024 to 20 May 2024 (137 days)"
    with translation.override("ja"):
        assert f.trip_span(TRIP) == "2024年1月3日～2024年5月20日（137日）"


def test_a_heavy_year_is_written_with_its_days_abroad():
    with translation.override("en"):
        assert f.year_days({"year": 2024, "days": 130}) == "2024: 130 days abroad"
    with translation.override("ja"):
        assert f.year_days({"year": 2024, "days": 130}) == "2024年：国外130日"


LABELS = [
    ("RequirementStatus", "met", "Met", "満たしています"),
    ("RequirementStatus", "at_risk", "At risk", "注意が必要です"),
    ("RequirementStatus", "not_met", "Not met", "満たしていません"),
    ("RequirementStatus", "exempt", "Exempt", "免除"),
    ("RequirementStatus", "not_applicable", "Not applicable", "対象外"),
    ("ThresholdKind", "official", "Official", "公式"),
    ("ThresholdKind", "practice", "Practitioners' rule of thumb", "実務上の目安"),
    ("Route", "general", "General route (10 years)", "原則ルート（10年以上在留）"),
    ("Overall", "not_eligible", "Not eligible now", "現時点では要件を満たさない"),
    ("HspWhen", "now", "on the application date", "申請予定日時点"),
]


@pytest.mark.parametrize(("choices", "value", "english", "japanese"), LABELS)
def test_codes_are_worded_by_their_choices_in_each_language(choices, value, english, japanese):
    with translation.override("en"):
        assert f.label(value, choices) == english
    with translation.override("ja"):
        assert f.label(value, choices) == japanese


def test_a_list_of_codes_is_worded_item_by_item_and_joined_by_listing():
    template = Template('{% load prcheck %}{{ kinds|label:"PaymentKind"|listing }}')
    context = Context({"kinds": ["resident_tax", "pension", "unheard_of"]})
    with translation.override("en"):
        assert template.render(context) == "Resident tax, Pension contributions and unheard_of"


@pytest.mark.parametrize("name", sorted(wording.TABLES))
def test_every_table_of_the_wording_module_can_be_worded_in_a_template(name):
    value, words = next(iter(wording.TABLES[name].items()))
    template = Template("{% load prcheck %}{{ value|label:table }}")
    with translation.override("en"):
        rendered = template.render(Context({"value": value, "table": name}))
        assert rendered == escape(str(words))


@pytest.mark.parametrize(
    ("requirement_id", "english"),
    [("residence_period", "Residence period"), ("new_requirement", "new_requirement")],
)
def test_a_requirement_card_is_named_by_its_id_and_an_unknown_id_by_itself(requirement_id, english):
    requirement = Finding.from_json({"id": requirement_id, "status": "met"})
    with translation.override("en"):
        assert Template("{{ requirement.name }}").render(Context({"requirement": requirement})) == (
            english
        )


BAD_INPUT = [
    ("yen", None),
    ("yen", "lots"),
    ("yen", True),
    ("longdate", "2026-13-45"),
    ("longdate", None),
    ("years", "ten"),
    ("years", float("nan")),
    ("period", None),
    ("calendar_year", "soon"),
    ("label", "unheard_of"),
    ("label", None),
    ("label", {"a": 1}),
]


@pytest.mark.parametrize(("name", "value"), BAD_INPUT, ids=[f"{r[0]}({r[1]!r})" for r in BAD_INPUT])
def test_a_filter_given_bad_input_returns_it_unchanged_instead_of_failing(name, value):
    result = f.label(value, "Route") if name == "label" else getattr(f, name)(value)
    assert result is value or result == value or result == str(value)


def test_shortfall_of_absurd_numbers_is_empty_not_an_error():
    from assessments.templatetags.prcheck import shortfall

    assert shortfall(10**26, 0) == ""
    assert shortfall("ten", 9) == ""
    assert shortfall(10, 12) == 0
