"""hsp_points(): one case per row of the official sheet and per boundary, no database."""

import datetime as dt

import pytest

from assessments.hsp.points import hsp_points, score
from assessments.thresholds.snapshot import MissingThreshold
from tests.hsp.conftest import born_aged, make_profile, table


def line_points(result, item):
    """Return the points of ``item`` in the breakdown (0 when it did not score)."""
    return sum(line.points for line in result.breakdown if line.item == item)


def not_scored(result, item):
    """Return (reason, params) of ``item`` among the items that scored nothing, else None."""
    found = [(n.reason, n.params) for n in result.not_scored if n.item == item]
    return found[0] if found else None


def cases(*rows):
    """Split (sentence, *values) rows into parametrize values and ids."""
    return {"argvalues": [row[1:] for row in rows], "ids": [row[0] for row in rows]}


# Education ------------------------------------------------------------------------------------

EDUCATION = [
    ("a doctorate scores 30 for academic research (イ)", "academic", "doctor", 30),
    ("an MBA counts as a professional degree, 20, for イ", "academic", "mba_mot", 20),
    ("a master's scores 20 for イ", "academic", "master", 20),
    ("a bachelor's scores 10 for イ (since 2017)", "academic", "bachelor", 10),
    ("a doctorate scores 30 for technical work (ロ)", "technical", "doctor", 30),
    ("an MBA or MOT scores 25 for ロ", "technical", "mba_mot", 25),
    ("a master's scores 20 for ロ", "technical", "master", 20),
    ("a bachelor's scores 10 for ロ", "technical", "bachelor", 10),
    ("an MBA or MOT scores 25 for business management (ハ)", "business", "mba_mot", 25),
    ("a doctorate scores 20 for ハ", "business", "doctor", 20),
    ("a master's scores 20 for ハ", "business", "master", 20),
    ("a bachelor's scores 10 for ハ", "business", "bachelor", 10),
    ("no degree scores nothing", "technical", "none", 0),
]


@pytest.mark.parametrize(("category", "degree", "expected"), **cases(*EDUCATION))
def test_only_the_highest_degree_scores_by_category(category, degree, expected, t):
    result = hsp_points(make_profile(category=category, education=degree), t)
    assert line_points(result, "education") == expected
    assert result.points == expected


MULTIPLE = [
    ("a doctor with degrees in two fields adds 5 for イ", "academic", "doctor", 35),
    ("a master with degrees in two fields adds 5 for ロ", "technical", "master", 25),
    ("an MBA with degrees in two fields adds 5 for ハ", "business", "mba_mot", 30),
]


@pytest.mark.parametrize(("category", "degree", "expected"), **cases(*MULTIPLE))
def test_degrees_in_several_fields_add_five_to_the_highest_degree(category, degree, expected, t):
    profile = make_profile(category=category, education=degree, multiple_degrees=True)
    result = hsp_points(profile, t)
    assert line_points(result, "multiple_degrees") == 5
    assert result.points == expected


# Experience -----------------------------------------------------------------------------------

EXPERIENCE = [
    ("イ: 2.9 years of research score nothing", "academic", 2.9, 0),
    ("イ: 3 years score 5", "academic", 3, 5),
    ("イ: 5 years score 10", "academic", 5, 10),
    ("イ: 7 years score 15", "academic", 7, 15),
    ("イ: 10 years still score 15 (no 10-year row)", "academic", 10, 15),
    ("ロ: 2.9 years score nothing", "technical", 2.9, 0),
    ("ロ: 3 years score 5", "technical", 3, 5),
    ("ロ: 4.9 years still score 5", "technical", 4.9, 5),
    ("ロ: 5 years score 10", "technical", 5, 10),
    ("ロ: 7 years score 15", "technical", 7, 15),
    ("ロ: 9.9 years still score 15", "technical", 9.9, 15),
    ("ロ: 10 years score 20", "technical", 10, 20),
    ("ハ: 2.9 years of management score nothing", "business", 2.9, 0),
    ("ハ: 3 years score 10", "business", 3, 10),
    ("ハ: 5 years score 15", "business", 5, 15),
    ("ハ: 7 years score 20", "business", 7, 20),
    ("ハ: 10 years score 25", "business", 10, 25),
]


@pytest.mark.parametrize(("category", "years", "expected"), **cases(*EXPERIENCE))
def test_experience_scores_the_highest_step_reached(category, years, expected, t):
    result = hsp_points(make_profile(category=category, experience_years=years), t)
    assert line_points(result, "experience") == expected


# Salary (イ and ロ by age on as_of; ハ without age) -------------------------------------------

SALARY_BY_AGE = [
    ("¥3,999,999 at 29 scores nothing", 3_999_999, 29, 0),
    ("¥4,000,000 exactly at 29 scores 10", 4_000_000, 29, 10),
    ("¥4,000,000 on the 30th birthday scores nothing", 4_000_000, 30, 0),
    ("¥4,999,999 at 29 scores 10", 4_999_999, 29, 10),
    ("¥5,000,000 at 34 scores 15", 5_000_000, 34, 15),
    ("¥5,000,000 on the 35th birthday scores nothing", 5_000_000, 35, 0),
    ("¥6,000,000 at 39 scores 20", 6_000_000, 39, 20),
    ("¥7,000,000 at 39 scores 25", 7_000_000, 39, 25),
    ("¥7,999,999 on the 40th birthday scores nothing", 7_999_999, 40, 0),
    ("¥8,000,000 at 40 scores 30", 8_000_000, 40, 30),
    ("¥9,000,000 at 55 scores 35", 9_000_000, 55, 35),
    ("¥10,000,000 at 25 scores 40", 10_000_000, 25, 40),
    ("¥60,000,000 at 60 scores 40 (the top band)", 60_000_000, 60, 40),
]


@pytest.mark.parametrize("category", ["academic", "technical"])
@pytest.mark.parametrize(("salary", "age", "expected"), **cases(*SALARY_BY_AGE))
def test_salary_scores_the_band_open_at_the_applicants_age(category, salary, age, expected, t):
    profile = make_profile(category=category, annual_salary=salary, birth_date=born_aged(age))
    assert line_points(hsp_points(profile, t), "salary") == expected


def test_a_salary_band_closed_by_age_is_reported_with_its_age_limit(t):
    profile = make_profile(annual_salary=4_500_000, birth_date=born_aged(31))
    reason, params = not_scored(hsp_points(profile, t), "salary")
    assert reason == "age_band"
    assert params == {"band": 4_000_000, "below_age": 30, "age": 31}


def test_the_age_is_taken_on_the_day_before_the_30th_birthday(t):
    birth = born_aged(30, days_before_birthday=1)
    profile = make_profile(annual_salary=4_000_000, birth_date=birth)
    result = hsp_points(profile, t)
    assert result.age == 29
    assert line_points(result, "salary") == 10


BUSINESS_SALARY = [
    ("ハ: ¥9,999,999 scores nothing", 9_999_999, 0),
    ("ハ: ¥10,000,000 scores 10", 10_000_000, 10),
    ("ハ: ¥15,000,000 scores 20", 15_000_000, 20),
    ("ハ: ¥20,000,000 scores 30", 20_000_000, 30),
    ("ハ: ¥25,000,000 scores 40", 25_000_000, 40),
    ("ハ: ¥29,999,999 still scores 40", 29_999_999, 40),
    ("ハ: ¥30,000,000 scores 50", 30_000_000, 50),
]


@pytest.mark.parametrize(("salary", "expected"), **cases(*BUSINESS_SALARY))
def test_business_salary_bands_do_not_depend_on_age(salary, expected, t):
    profile = make_profile(category="business", annual_salary=salary, birth_date=born_aged(70))
    assert line_points(hsp_points(profile, t), "salary") == expected


# Age ------------------------------------------------------------------------------------------

AGE = [
    ("29 scores 15", 29, 15),
    ("30 exactly on as_of scores 10", 30, 10),
    ("34 scores 10", 34, 10),
    ("35 exactly scores 5", 35, 5),
    ("39 scores 5", 39, 5),
    ("40 exactly scores nothing", 40, 0),
]


@pytest.mark.parametrize("category", ["academic", "technical"])
@pytest.mark.parametrize(("age", "expected"), **cases(*AGE))
def test_age_bands_apply_to_academic_and_technical_work(category, age, expected, t):
    profile = make_profile(category=category, birth_date=born_aged(age))
    assert line_points(hsp_points(profile, t), "age") == expected


def test_business_management_has_no_age_points(t):
    profile = make_profile(category="business", birth_date=born_aged(25))
    assert line_points(hsp_points(profile, t), "age") == 0


def test_someone_born_on_29_february_turns_30_on_1_march_in_a_common_year(t):
    profile = make_profile(birth_date=dt.date(1996, 2, 29), as_of=dt.date(2026, 2, 28))
    assert hsp_points(profile, t).age == 29
    profile = make_profile(birth_date=dt.date(1996, 2, 29), as_of=dt.date(2026, 3, 1))
    assert hsp_points(profile, t).age == 30


# Research, licences, position, investment -----------------------------------------------------

ROWS = [
    (
        "イ: one kind of research achievement scores 20",
        "academic",
        "research_achievements",
        1,
        "research",
        20,
    ),
    ("イ: two kinds score 25", "academic", "research_achievements", 2, "research", 25),
    ("イ: four kinds still score 25", "academic", "research_achievements", 4, "research", 25),
    ("ロ: one kind scores 15", "technical", "research_achievements", 1, "research", 15),
    ("ロ: three kinds still score 15", "technical", "research_achievements", 3, "research", 15),
    (
        "ロ: one national licence scores 5",
        "technical",
        "national_licenses",
        1,
        "national_licenses",
        5,
    ),
    ("ロ: two licences score 10", "technical", "national_licenses", 2, "national_licenses", 10),
    (
        "ロ: five licences still score 10",
        "technical",
        "national_licenses",
        5,
        "national_licenses",
        10,
    ),
    (
        "ハ: a representative director scores 10",
        "business",
        "position",
        "representative",
        "position",
        10,
    ),
    ("ハ: a director scores 5", "business", "position", "director", "position", 5),
    ("ハ: investing ¥100M scores 5", "business", "investment_100m", True, "investment_100m", 5),
]


@pytest.mark.parametrize(("category", "field", "value", "item", "expected"), **cases(*ROWS))
def test_each_category_specific_row_scores_as_on_the_sheet(
    category, field, value, item, expected, t
):
    result = hsp_points(make_profile(category=category, **{field: value}), t)
    assert line_points(result, item) == expected
    assert result.points == expected


NOT_IN_CATEGORY = [
    ("ハ has no research row", "business", "research_achievements", 2, "research"),
    ("イ has no national-licence row", "academic", "national_licenses", 1, "national_licenses"),
    ("ハ has no national-licence row", "business", "national_licenses", 2, "national_licenses"),
    ("ロ has no position row", "technical", "position", "representative", "position"),
    ("イ has no investment row", "academic", "investment_100m", True, "investment_100m"),
]


@pytest.mark.parametrize(("category", "field", "value", "item"), **cases(*NOT_IN_CATEGORY))
def test_a_row_another_category_has_is_reported_and_scores_nothing(category, field, value, item, t):
    result = hsp_points(make_profile(category=category, **{field: value}), t)
    assert result.points == 0
    assert not_scored(result, item)[0] == "not_in_category"


# Special additions and their exclusions -------------------------------------------------------

BONUSES = [
    ("innovation support adds 10", ["innovation_support"], 10),
    (
        "innovation support at an SME adds 10 more",
        ["innovation_support", "innovation_support_sme"],
        20,
    ),
    ("the SME addition alone adds nothing", ["innovation_support_sme"], 0),
    ("an SME spending over 3% on R&D adds 5", ["sme_rnd_3pct"], 5),
    ("a foreign qualification adds 5", ["foreign_qualification"], 5),
    ("a Japanese degree adds 10", ["japanese_university"], 10),
    ("JLPT N1 adds 15", ["jlpt_n1"], 15),
    ("JLPT N2 adds 10", ["jlpt_n2"], 10),
    ("N1 and a Japanese degree stack to 25", ["japanese_university", "jlpt_n1"], 25),
    ("N2 does not count beside N1", ["jlpt_n1", "jlpt_n2"], 15),
    ("N2 does not count beside a Japanese degree", ["japanese_university", "jlpt_n2"], 10),
    ("a growth-field project adds 10", ["growth_field"], 10),
    ("a designated top university adds 10", ["top_university"], 10),
    ("JICA training adds 5", ["jica_training"], 5),
    ("investment management adds 10 for ロ", ["investment_management"], 10),
    ("local-government support adds 10", ["local_government_support"], 10),
]


@pytest.mark.parametrize(("bonuses", "expected"), **cases(*BONUSES))
def test_special_additions_score_as_the_table_says_not_as_a_sum(bonuses, expected, t):
    assert hsp_points(make_profile(bonuses=tuple(bonuses)), t).points == expected


EXCLUSIONS = [
    (
        "N2 beside N1 is excluded by N1",
        ("jlpt_n1", "jlpt_n2"),
        "jlpt_n2",
        "excluded_by",
        {"other": "jlpt_n1"},
    ),
    (
        "N2 beside a Japanese degree is excluded by it",
        ("japanese_university", "jlpt_n2"),
        "jlpt_n2",
        "excluded_by",
        {"other": "japanese_university"},
    ),
    (
        "the SME addition without innovation support requires it",
        ("innovation_support_sme",),
        "innovation_support_sme",
        "requires",
        {"other": "innovation_support"},
    ),
]


@pytest.mark.parametrize(("bonuses", "item", "reason", "params"), **cases(*EXCLUSIONS))
def test_each_exclusion_is_reported_with_the_item_that_caused_it(bonuses, item, reason, params, t):
    assert not_scored(hsp_points(make_profile(bonuses=bonuses), t), item) == (reason, params)


@pytest.mark.parametrize("category", ["technical", "business"])
def test_investment_management_counts_for_technical_and_business_work(category, t):
    result = hsp_points(make_profile(category=category, bonuses=("investment_management",)), t)
    assert result.points == 10


def test_investment_management_does_not_count_for_academic_research(t):
    result = hsp_points(make_profile(category="academic", bonuses=("investment_management",)), t)
    assert result.points == 0
    assert not_scored(result, "investment_management")[0] == "not_in_category"


# Rows added by revisions ----------------------------------------------------------------------

DATED = [
    (
        "N2 scores nothing the day before the 2017-04-26 revision",
        {"bonuses": ("jlpt_n2",)},
        "jlpt_n2",
        dt.date(2017, 4, 25),
        0,
    ),
    (
        "N2 scores 10 from 2017-04-26",
        {"bonuses": ("jlpt_n2",)},
        "jlpt_n2",
        dt.date(2017, 4, 26),
        10,
    ),
    (
        "a bachelor's scored nothing for イ before 2017-04-26",
        {"category": "academic", "education": "bachelor"},
        "education",
        dt.date(2017, 4, 25),
        0,
    ),
    (
        "a bachelor's scores 10 for イ from 2017-04-26",
        {"category": "academic", "education": "bachelor"},
        "education",
        dt.date(2017, 4, 26),
        10,
    ),
    (
        "investment management scores nothing before 2021-07-30",
        {"bonuses": ("investment_management",)},
        "investment_management",
        dt.date(2021, 7, 29),
        0,
    ),
    (
        "investment management scores 10 from 2021-07-30",
        {"bonuses": ("investment_management",)},
        "investment_management",
        dt.date(2021, 7, 30),
        10,
    ),
]


@pytest.mark.parametrize(("fields", "item", "on", "expected"), **cases(*DATED))
def test_a_row_scores_only_from_the_revision_that_added_it(fields, item, on, expected):
    lines, unscored = score(make_profile(as_of=on, **fields), table(on))
    assert sum(line.points for line in lines if line.item == item) == expected
    if not expected:
        assert [n.reason for n in unscored if n.item == item] == ["not_in_force"]


def test_no_total_is_given_before_the_pass_mark_is_in_force_on_2017_04_26():
    with pytest.raises(MissingThreshold):
        hsp_points(make_profile(as_of=dt.date(2017, 4, 25)), table(dt.date(2017, 4, 25)))


# Pass mark and the salary floor ---------------------------------------------------------------


def seventy_points(**fields):
    """ロ, 29, doctor (30) + ¥5M (15) + age (15) + 3 years (5) + Japanese degree (10) = 75."""
    base = {
        "education": "doctor",
        "annual_salary": 5_000_000,
        "birth_date": born_aged(29),
        "experience_years": 3,
        "bonuses": ("japanese_university",),
    }
    return make_profile(**{**base, **fields})


def test_65_points_do_not_pass_70_pass_and_80_reach_the_one_year_mark(t):
    at_69 = hsp_points(seventy_points(bonuses=("foreign_qualification",), experience_years=0), t)
    assert (at_69.points, at_69.passes, at_69.gap_to_70, at_69.gap_to_80) == (65, False, 5, 15)
    at_70 = hsp_points(seventy_points(bonuses=("foreign_qualification",)), t)
    assert (at_70.points, at_70.passes, at_70.gap_to_70, at_70.gap_to_80) == (70, True, 0, 10)
    at_80 = hsp_points(seventy_points(bonuses=("jlpt_n1",)), t)
    assert (at_80.points, at_80.passes, at_80.gap_to_70, at_80.gap_to_80) == (80, True, 0, 0)


FLOOR = [
    ("ロ below ¥3,000,000 does not pass, whatever the points", "technical", 2_999_999, False),
    ("ロ at ¥3,000,000 exactly passes", "technical", 3_000_000, True),
    ("ハ below ¥3,000,000 does not pass", "business", 2_999_999, False),
    ("ハ at ¥3,000,000 exactly passes", "business", 3_000_000, True),
    ("イ has no minimum salary", "academic", 1_000_000, True),
]


@pytest.mark.parametrize(("category", "salary", "passes"), **cases(*FLOOR))
def test_the_minimum_salary_applies_to_technical_and_business_work_only(
    category, salary, passes, t
):
    many = (
        "innovation_support",
        "innovation_support_sme",
        "jlpt_n1",
        "japanese_university",
        "growth_field",
        "top_university",
    )
    profile = make_profile(
        category=category, education="doctor", annual_salary=salary, bonuses=many
    )
    result = hsp_points(profile, t)
    assert result.points >= 70
    assert result.passes is passes
    assert result.salary_floor_met is passes
