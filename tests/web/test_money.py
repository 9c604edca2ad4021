"""Amounts of yen as people write them (assessments/forms/money.py and the yen field)."""

from __future__ import annotations

import pytest
from django.utils import translation

from assessments.web.fields import MoneyField
from assessments.web.money import YenSyntaxError, parse_yen, write_yen
from assessments.web.money_widgets import MoneyInput


@pytest.mark.parametrize(
    ("typed", "yen"),
    [
        ("300万", 3_000_000),
        ("300万円", 3_000_000),
        ("¥3,000,000", 3_000_000),
        ("￥３，０００，０００", 3_000_000),
        ("3,000,000", 3_000_000),
        ("3000000", 3_000_000),
        ("３００万", 3_000_000),
        ("3.5万", 35_000),
        ("350.5万", 3_505_000),
        ("1億2000万", 120_000_000),
        ("300万5000円", 3_005_000),
        ("5千", 5_000),
        ("JPY 3,000,000", 3_000_000),
        ("3,000,000 yen", 3_000_000),
        ("\\3,000,000", 3_000_000),
        (" 4 200 000 ", 4_200_000),
        ("0", 0),
        ("9999999999999", 9_999_999_999_999),
    ],
)
def test_amounts_written_as_people_write_them_are_read(typed, yen):
    assert parse_yen(typed) == yen


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "not_a_number"),
        ("abc", "not_a_number"),
        ("万", "not_a_number"),
        ("3万3万", "not_a_number"),
        ("300万円円", "not_a_number"),
        ("3,000,000ドル", "not_a_number"),
        ("100万千", "not_a_number"),
        ("3.5", "not_whole_yen"),
        ("1.23456万", "not_whole_yen"),
        ("-5", "negative"),
        ("▲300万", "negative"),
        ("10000000000000", "too_large"),
    ],
)
def test_what_is_not_an_amount_of_whole_yen_is_refused_with_a_reason(typed, code):
    with pytest.raises(YenSyntaxError) as caught:
        parse_yen(typed)
    assert caught.value.code == code


def test_amounts_are_written_back_in_full_in_each_language():
    assert write_yen(3_000_000, japanese=True) == "3,000,000円"
    assert write_yen(3_000_000, japanese=False) == "¥3,000,000"


@pytest.mark.parametrize(("language", "echo"), [("ja", "= 3,000,000円"), ("en", "= ¥3,000,000")])
def test_the_field_shows_the_amount_it_read_next_to_what_was_typed(language, echo):
    with translation.override(language):
        html = MoneyInput().render("income", "300万", attrs={"id": "id_income"})
    assert 'value="300万"' in html
    assert echo in html and 'id="id_income_read"' in html


def test_nothing_is_shown_back_for_what_cannot_be_read():
    assert "money-echo" not in MoneyInput().render("income", "abc", attrs={"id": "id_income"})
    assert "money-echo" not in MoneyInput().render("income", "", attrs={"id": "id_income"})


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_field_accepts_them_in_both_languages(language):
    with translation.override(language):
        assert MoneyField().clean("300万円") == 3_000_000


@pytest.mark.parametrize(
    ("language", "typed", "message"),
    [
        ("en", "abc", "Enter your income in 2024 as an amount in yen, like 3,500,000"),
        ("en", "3.5", "Enter your income in 2024 in whole yen, like 3,500,000"),
        ("en", "", "Enter your income in 2024, in yen"),
        ("ja", "abc", "2024年のご本人の年収を金額で入力してください（例：3,500,000、350万）"),
    ],
)
def test_errors_name_the_question_in_the_language_of_the_page(language, typed, message):
    from django import forms
    from django.utils.translation import gettext_lazy as _

    with translation.override(language):
        field = MoneyField(what=_("your income in %(year)s") % {"year": 2024})
        with pytest.raises(forms.ValidationError) as caught:
            field.clean(typed)
        assert caught.value.messages == [message]
