"""profile_from_dict(): the HSP profile contract, every error keyed by field, none missed."""

import datetime as dt

import pytest

from assessments.hsp.profile import HspProfileInvalid, profile_from_dict

TODAY = dt.date(2026, 12, 1)
VALID = {
    "category": "technical",
    "as_of": "2026-12-01",
    "birth_date": "1990-01-01",
    "education": "master",
    "experience_years": 5,
    "annual_salary": 6_000_000,
}


def errors_of(data):
    with pytest.raises(HspProfileInvalid) as info:
        profile_from_dict(data, today=TODAY)
    return {path: [code for code, _ in errs] for path, errs in info.value.errors.items()}


def test_a_minimal_profile_takes_the_contracts_defaults():
    profile = profile_from_dict({"category": "business", "annual_salary": 1}, today=TODAY)
    assert profile.as_of == TODAY
    assert (profile.education, profile.position, profile.bonuses) == ("none", "none", ())
    assert (profile.experience_years, profile.research_achievements) == (0, 0)


def test_bonuses_are_kept_once_each_in_the_sheets_order():
    data = {
        **VALID,
        "bonuses": ["jlpt_n2", "top_university", "innovation_support", "top_university"],
    }
    profile = profile_from_dict(data, today=TODAY)
    assert profile.bonuses == ("innovation_support", "jlpt_n2", "top_university")


def test_the_profile_round_trips_through_its_json():
    profile = profile_from_dict({**VALID, "bonuses": ["jlpt_n1"]}, today=TODAY)
    assert profile_from_dict(profile.to_json(), today=TODAY) == profile


INVALID = [
    ("a list is not a profile", [], {"": ["invalid_type"]}),
    ("the category is required", {"annual_salary": 1}, {"category": ["required"]}),
    (
        "an unknown category is refused",
        {**VALID, "category": "sports"},
        {"category": ["invalid_choice"]},
    ),
    (
        "the salary is required",
        {k: v for k, v in VALID.items() if k != "annual_salary"},
        {"annual_salary": ["required"]},
    ),
    (
        "a negative salary is refused",
        {**VALID, "annual_salary": -1},
        {"annual_salary": ["negative"]},
    ),
    (
        "a salary as text is refused",
        {**VALID, "annual_salary": "6000000"},
        {"annual_salary": ["invalid_type"]},
    ),
    (
        "technical work needs a birth date",
        {**VALID, "birth_date": None},
        {"birth_date": ["required"]},
    ),
    (
        "a birth date after as_of is refused",
        {**VALID, "birth_date": "2026-12-02"},
        {"birth_date": ["after_as_of"]},
    ),
    (
        "an impossible date is refused",
        {**VALID, "as_of": "2026-02-30"},
        {"as_of": ["invalid_date"]},
    ),
    (
        "negative experience is refused",
        {**VALID, "experience_years": -0.5},
        {"experience_years": ["negative"]},
    ),
    (
        "experience as a boolean is refused",
        {**VALID, "experience_years": True},
        {"experience_years": ["invalid_type"]},
    ),
    (
        "81 years of experience is refused",
        {**VALID, "experience_years": 81},
        {"experience_years": ["too_large"]},
    ),
    (
        "five kinds of research is refused (there are four)",
        {**VALID, "research_achievements": 5},
        {"research_achievements": ["too_large"]},
    ),
    (
        "an unknown degree is refused",
        {**VALID, "education": "phd"},
        {"education": ["invalid_choice"]},
    ),
    (
        "an unknown bonus is refused by position",
        {**VALID, "bonuses": ["jlpt_n1", "jlpt_n3"]},
        {"bonuses[1]": ["invalid_choice"]},
    ),
    ("bonuses must be a list", {**VALID, "bonuses": "jlpt_n1"}, {"bonuses": ["invalid_type"]}),
    (
        "several degrees need a graduate degree",
        {**VALID, "education": "bachelor", "multiple_degrees": True},
        {"multiple_degrees": ["requires_graduate_degree"]},
    ),
    ("an unknown field is refused", {**VALID, "age": 30}, {"age": ["unknown_field"]}),
    (
        "another schema is refused",
        {**VALID, "schema": "prcheck.answers/1"},
        {"schema": ["invalid_choice"]},
    ),
    (
        "every error is reported at once",
        {"category": "x", "annual_salary": -5, "position": "ceo"},
        {
            "category": ["invalid_choice"],
            "annual_salary": ["negative"],
            "position": ["invalid_choice"],
        },
    ),
]


@pytest.mark.parametrize(
    ("data", "expected"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID]
)
def test_invalid_input_is_refused_with_field_keyed_codes(data, expected):
    assert errors_of(data) == expected


def test_business_management_needs_no_birth_date():
    profile = profile_from_dict({"category": "business", "annual_salary": 10_000_000}, today=TODAY)
    assert profile.birth_date is None
