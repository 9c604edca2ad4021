""" "Same income every year" on the income step (assessments/forms/same_income.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import QueryDict

from assessments.questionnaire.forms import IncomeForm

ON = dt.date(2026, 12, 1)
BASE = {
    "income-employment": "regular",
    "income-dependents": "0",
    "income-dependents_abroad": "0",
    "income-public_assistance": "no",
}


def form(data, *, years=(2025, 2024, 2023), household=False):
    query = QueryDict(mutable=True)
    query.update({**BASE, **data})
    return IncomeForm(
        query,
        prefix="income",
        income_years=years,
        household=household,
        application_date=ON,
        today=ON,
    )


def test_ticked_it_fills_every_empty_year_with_the_latest_years_amount():
    f = form({"income-applicant_2025": "420万", "income-same_income": "on"})
    assert f.is_valid(), f.errors
    assert [row["applicant"] for row in f.cleaned_data["income"]] == [4_200_000] * 3


def test_a_year_typed_differently_is_kept():
    f = form(
        {
            "income-applicant_2025": "420万",
            "income-applicant_2023": "390万",
            "income-same_income": "on",
        }
    )
    assert f.is_valid(), f.errors
    assert [row["applicant"] for row in f.cleaned_data["income"]] == [
        4_200_000,
        4_200_000,
        3_900_000,
    ]


def test_household_amounts_are_filled_too():
    f = form(
        {
            "income-applicant_2025": "420万",
            "income-household_2025": "600万",
            "income-same_income": "on",
        },
        household=True,
    )
    assert f.is_valid(), f.errors
    assert {row["household"] for row in f.cleaned_data["income"]} == {6_000_000}


def test_not_ticked_every_year_is_still_asked():
    f = form({"income-applicant_2025": "420万"})
    assert not f.is_valid()
    assert set(f.errors) == {"applicant_2024", "applicant_2023"}


def test_the_box_comes_right_after_the_first_years_amounts():
    names = list(form({}, household=True).fields)
    assert names.index("same_income") == names.index("household_2025") + 1


@pytest.mark.parametrize("years", [(2025,), ()])
def test_one_year_asked_needs_no_box(years):
    assert "same_income" not in form({}, years=years).fields
