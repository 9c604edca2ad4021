"""Suggestions (what would raise the points) and the next birthday that lowers them."""

import datetime as dt

import pytest

from assessments.hsp.points import hsp_points
from tests.hsp.conftest import AS_OF, born_aged, make_profile


def gains(result):
    return {s.item: (s.gain, s.params) for s in result.suggestions}


def test_each_item_suggests_its_smallest_step_that_adds_points(t):
    profile = make_profile(
        education="bachelor", experience_years=4, annual_salary=5_200_000, birth_date=born_aged(31)
    )
    found = gains(hsp_points(profile, t))
    assert found["education"] == (10, {"degree": "master"})
    assert found["experience"] == (5, {"years": 5})
    assert found["salary"] == (5, {"annual_salary": 6_000_000})
    assert found["research"] == (15, {"count": 1})
    assert found["national_licenses"] == (5, {"count": 1})
    assert "multiple_degrees" not in found  # needs a graduate degree first


SUGGESTED_BONUSES = [
    ("N1 beside N2 gains only 5, since N2 then stops counting", ("jlpt_n2",), "jlpt_n1", 5),
    ("a Japanese degree beside N2 gains nothing", ("jlpt_n2",), "japanese_university", None),
    ("the SME addition alone gains nothing", (), "innovation_support_sme", None),
    (
        "innovation support gains 20 when the SME addition is already claimed",
        ("innovation_support_sme",),
        "innovation_support",
        20,
    ),
    ("a claimed bonus is not suggested again", ("growth_field",), "growth_field", None),
]


@pytest.mark.parametrize(
    ("claimed", "item", "gain"),
    [c[1:] for c in SUGGESTED_BONUSES],
    ids=[c[0] for c in SUGGESTED_BONUSES],
)
def test_bonus_suggestions_apply_the_same_exclusions_as_the_score(claimed, item, gain, t):
    found = gains(hsp_points(make_profile(bonuses=claimed), t))
    assert found.get(item, (None,))[0] == gain


def test_rows_the_category_lacks_are_never_suggested(t):
    found = gains(hsp_points(make_profile(category="business"), t))
    assert {"research", "national_licenses", "age"}.isdisjoint(found)
    assert found["position"] == (5, {"position": "director"})
    assert found["investment_100m"][0] == 5


def test_suggestions_say_whether_each_closes_the_gap_to_70_and_80(t):
    # ロ, 29: master 20 + ¥5M 15 + age 15 + 3 years 5 = 55; N1 (+15) reaches exactly 70.
    profile = make_profile(
        education="master", annual_salary=5_000_000, birth_date=born_aged(29), experience_years=3
    )
    result = hsp_points(profile, t)
    assert (result.points, result.gap_to_70, result.gap_to_80) == (55, 15, 25)
    by_item = {s["item"]: s for s in result.to_json()["suggestions"]}
    assert by_item["jlpt_n1"]["closes_gap_to_70"] is True
    assert by_item["jlpt_n1"]["closes_gap_to_80"] is False
    assert by_item["growth_field"]["closes_gap_to_70"] is False
    assert [s.gain for s in result.suggestions] == sorted(
        (s.gain for s in result.suggestions), reverse=True
    )


NEXT_CHANGE = [
    # (sentence, birth date, salary, day of the change, age then, points then); as_of 2026-12-01
    (
        "at 29 on ¥4M, 25 points fall to 10 on the 30th birthday",
        dt.date(1997, 3, 1),
        4_000_000,
        dt.date(2027, 3, 1),
        30,
        10,
    ),
    (
        "at 33 on ¥9M only the age points fall, on the 35th birthday",
        dt.date(1993, 6, 30),
        9_000_000,
        dt.date(2028, 6, 30),
        35,
        40,
    ),
    (
        "at 36 on ¥7M the points fall on the 40th birthday",
        dt.date(1990, 1, 2),
        7_000_000,
        dt.date(2030, 1, 2),
        40,
        0,
    ),
    (
        "born on 29 February, the change comes on 1 March of a common year",
        dt.date(1996, 2, 29),
        4_000_000,
        dt.date(2026, 3, 1),
        30,
        10,
    ),
]


@pytest.mark.parametrize(
    ("birth", "salary", "on", "age", "points"),
    [c[1:] for c in NEXT_CHANGE],
    ids=[c[0] for c in NEXT_CHANGE],
)
def test_the_next_birthday_that_lowers_the_points_is_given(birth, salary, on, age, points, t):
    as_of = dt.date(2026, 2, 1) if birth.month == 2 and birth.day == 29 else AS_OF
    profile = make_profile(annual_salary=salary, birth_date=birth, as_of=as_of)
    change = hsp_points(profile, t).next_change
    assert (change.on, change.age, change.points) == (on, age, points)


def test_someone_40_or_older_on_a_top_salary_has_no_change_ahead(t):
    result = hsp_points(make_profile(annual_salary=10_000_000, birth_date=born_aged(41)), t)
    assert result.next_change is None


def test_business_management_has_no_change_ahead(t):
    result = hsp_points(make_profile(category="business", birth_date=born_aged(29)), t)
    assert result.next_change is None


def test_a_far_future_day_of_calculation_has_no_change_ahead_rather_than_an_error(t):
    profile = make_profile(birth_date=dt.date(9990, 1, 1), as_of=dt.date(9999, 12, 31))
    assert hsp_points(profile, t).next_change is None
