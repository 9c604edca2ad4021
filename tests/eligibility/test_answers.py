"""Answers validation: every error code, at the right field path, worded in both languages."""

import datetime as dt

import pytest
from django.utils import translation

from assessments.eligibility.answers import (
    MAX_DEPENDENTS,
    MAX_LIST_ITEMS,
    MAX_MONEY_YEN,
    AnswersInvalid,
    answers_from_dict,
    answers_to_dict,
)
from assessments.web.messages import MESSAGES, error_message, errors_to_json

TODAY = dt.date(2026, 12, 1)

VALID = {
    "application_date": "2026-12-01",
    "status": "work",
    "period_of_stay_years": 3,
    "residence_start_date": "2015-04-01",
    "employment": "regular",
    "guarantor": "japanese",
}


def trip(departure, returned):
    return {"departure": departure, "return": returned}


# (sentence, changes to VALID, field path, code, params)
ERROR_CASES = [
    ("a missing status is required", {"status": None}, "status", "required", {}),
    (
        "a missing period of stay is required",
        {"period_of_stay_years": "DROP"},
        "period_of_stay_years",
        "required",
        {},
    ),
    (
        "a missing residence start is required",
        {"residence_start_date": None},
        "residence_start_date",
        "required",
        {},
    ),
    (
        "a trip without a return date is required to have one",
        {"trips": [{"departure": "2020-01-01"}]},
        "trips[0].return",
        "required",
        {},
    ),
    (
        "a number where a date belongs is the wrong type",
        {"birth_date": 19800101},
        "birth_date",
        "invalid_type",
        {"expected": "date"},
    ),
    (
        "a string where a boolean belongs is the wrong type",
        {"public_assistance": "no"},
        "public_assistance",
        "invalid_type",
        {"expected": "boolean"},
    ),
    (
        "a fraction where whole yen belong is the wrong type",
        {"assets": 10.5},
        "assets",
        "invalid_type",
        {"expected": "integer"},
    ),
    (
        "an object where a list belongs is the wrong type",
        {"trips": {}},
        "trips",
        "invalid_type",
        {"expected": "list"},
    ),
    (
        "a list item that is not an object is the wrong type",
        {"payments": ["late"]},
        "payments[0]",
        "invalid_type",
        {"expected": "object"},
    ),
    (
        "the 30th of February is not a date",
        {"marriage_date": "2020-02-30"},
        "marriage_date",
        "invalid_date",
        {},
    ),
    (
        "a date the day before 1900 is out of range",
        {"birth_date": "1899-12-31"},
        "birth_date",
        "date_out_of_range",
        {"earliest": "1900-01-01", "latest": "2100-12-31"},
    ),
    (
        "a status expiry the day after 2100 is out of range",
        {"status_expiry_date": "2101-01-01"},
        "status_expiry_date",
        "date_out_of_range",
        {"earliest": "1900-01-01", "latest": "2100-12-31"},
    ),
    (
        "an application date of 9999-12-31 is out of range, not a crash",
        {"application_date": "9999-12-31"},
        "application_date",
        "date_out_of_range",
        {"earliest": "1900-01-01", "latest": "2100-12-31"},
    ),
    (
        "an ISO week date is not a YYYY-MM-DD date",
        {"application_date": "2014-W14-2"},
        "application_date",
        "invalid_date",
        {},
    ),
    (
        "an ISO ordinal date is not a YYYY-MM-DD date",
        {"marriage_date": "2014-095"},
        "marriage_date",
        "invalid_date",
        {},
    ),
    (
        "a date without dashes is not a YYYY-MM-DD date",
        {"marriage_date": "20140405"},
        "marriage_date",
        "invalid_date",
        {},
    ),
    (
        "a date in full-width digits is not a YYYY-MM-DD date",
        {"marriage_date": "２０１４-０４-０５"},
        "marriage_date",
        "invalid_date",
        {},
    ),
    (
        "a residence start the day before birth is refused",
        {"birth_date": "1990-05-10", "residence_start_date": "1990-05-09"},
        "residence_start_date",
        "before_birth",
        {"birth_date": "1990-05-10"},
    ),
    (
        "a grant date before birth is refused",
        {"birth_date": "1990-05-10", "status_grant_date": "1989-01-01"},
        "status_grant_date",
        "before_birth",
        {"birth_date": "1990-05-10"},
    ),
    (
        "a marriage before birth is refused",
        {"birth_date": "1990-05-10", "marriage_date": "1990-05-09"},
        "marriage_date",
        "before_birth",
        {"birth_date": "1990-05-10"},
    ),
    (
        "a work-status start before birth is refused",
        {"birth_date": "1990-05-10", "qualifying_status_start_date": "1980-01-01"},
        "qualifying_status_start_date",
        "before_birth",
        {"birth_date": "1990-05-10"},
    ),
    (
        "a status expiry the day before its grant date is refused at the expiry",
        {"status_grant_date": "2024-05-10", "status_expiry_date": "2024-05-09"},
        "status_expiry_date",
        "expiry_before_grant",
        {"grant_date": "2024-05-10"},
    ),
    (
        "a qualifying-status start the day before the continuous residence began is refused",
        {"residence_start_date": "2015-04-01", "qualifying_status_start_date": "2015-03-31"},
        "qualifying_status_start_date",
        "before_residence_start",
        {"residence_start_date": "2015-04-01"},
    ),
    (
        "a date with a time is refused",
        {"birth_date": "1980-01-01T00:00"},
        "birth_date",
        "invalid_date",
        {},
    ),
    (
        "an unknown status is not a choice",
        {"status": "tourist"},
        "status",
        "invalid_choice",
        {"value": "tourist"},
    ),
    (
        "an unknown payment kind is not a choice",
        {"payments": [{"kind": "parking", "due_date": "2025-01-31", "paid_date": None}]},
        "payments[0].kind",
        "invalid_choice",
        {"value": "parking"},
    ),
    (
        "a period of stay of 2 years is not a choice",
        {"period_of_stay_years": 2},
        "period_of_stay_years",
        "invalid_choice",
        {"value": "2"},
    ),
    (
        "another schema is not a choice",
        {"schema": "other/1"},
        "schema",
        "invalid_choice",
        {"value": "other/1"},
    ),
    (
        "an application before the 2006 guideline is refused",
        {"application_date": "2006-03-30"},
        "application_date",
        "before_rules",
        {"earliest": "2006-03-31"},
    ),
    ("negative assets are refused", {"assets": -1}, "assets", "negative", {}),
    (
        "negative income is refused",
        {"income": [{"year": 2025, "applicant": -5}]},
        "income[0].applicant",
        "negative",
        {},
    ),
    (
        "assets over the input limit are too large",
        {"assets": MAX_MONEY_YEN + 1},
        "assets",
        "too_large",
        {"maximum": MAX_MONEY_YEN},
    ),
    (
        "more dependants than the input limit are too many",
        {"dependents": MAX_DEPENDENTS + 1},
        "dependents",
        "too_large",
        {"maximum": MAX_DEPENDENTS},
    ),
    (
        "a residence start after the application date is refused",
        {"residence_start_date": "2026-12-02"},
        "residence_start_date",
        "after_application_date",
        {"limit": "2026-12-01"},
    ),
    (
        "a trip returning after the application date is refused",
        {"trips": [trip("2026-11-20", "2026-12-05")]},
        "trips[0].return",
        "after_application_date",
        {"limit": "2026-12-01"},
    ),
    (
        "a known change of the HSP points on the application date is refused (it must be to come)",
        {"hsp_points_changes": [{"date": "2026-12-01", "points": 67}]},
        "hsp_points_changes[0].date",
        "not_after_application_date",
        {"limit": "2026-12-01"},
    ),
    (
        "a return before the departure is refused",
        {"trips": [trip("2020-01-10", "2020-01-01")]},
        "trips[0].return",
        "return_before_departure",
        {},
    ),
    (
        "the later of two overlapping trips is flagged, whatever the order given",
        {"trips": [trip("2021-03-01", "2021-03-20"), trip("2021-02-01", "2021-03-10")]},
        "trips[0].departure",
        "overlapping_trip",
        {},
    ),
    (
        "income of the application year is out of range",
        {"income": [{"year": 2026, "applicant": 1}]},
        "income[0].year",
        "year_out_of_range",
        {"last": 2025},
    ),
    (
        "the same income year twice is a duplicate",
        {"income": [{"year": 2024, "applicant": 1}, {"year": 2024, "applicant": 2}]},
        "income[1].year",
        "duplicate_year",
        {"year": 2024},
    ),
    (
        "a payment made by its due date is not a late payment",
        {"payments": [{"kind": "pension", "due_date": "2025-01-31", "paid_date": "2025-01-31"}]},
        "payments[0].paid_date",
        "paid_on_time",
        {},
    ),
    (
        "a list longer than the input limit has too many items",
        {"missed_notifications": ["2020-01-01"] * (MAX_LIST_ITEMS + 1)},
        "missed_notifications",
        "too_many_items",
        {"maximum": MAX_LIST_ITEMS},
    ),
    ("an unknown answer is refused", {"nationality": "x"}, "nationality", "unknown_field", {}),
    (
        "an unknown key inside HSP points is refused",
        {"hsp_points": {"now": 80, "later": 90}},
        "hsp_points.later",
        "unknown_field",
        {},
    ),
    (
        "a household income one yen below the applicant's own is refused",
        {"income": [{"year": 2025, "applicant": 3_000_000, "household": 2_999_999}]},
        "income[0].household",
        "household_below_applicant",
        {"household": 2_999_999, "applicant": 3_000_000},
    ),
    (
        "a household income of 0 beside the applicant's own is refused",
        {
            "income": [
                {"year": 2025, "applicant": 1},
                {"year": 2024, "applicant": 5, "household": 0},
            ]
        },
        "income[1].household",
        "household_below_applicant",
        {"household": 0, "applicant": 5},
    ),
    (
        "more dependants abroad than dependants is refused",
        {"dependents": 1, "dependents_abroad": 2},
        "dependents_abroad",
        "more_than_dependents",
        {"dependents": 1},
    ),
    (
        "a residence card expiring before the grant of permanent residence is refused",
        {
            "status": "permanent_resident",
            "status_grant_date": "2020-05-01",
            "residence_card_expiry": "2020-04-30",
        },
        "residence_card_expiry",
        "card_expiry_before_grant",
        {"grant_date": "2020-05-01"},
    ),
    (
        "a permit expiry on a trip made on a special re-entry permit is refused",
        {
            "trips": [
                {
                    **trip("2025-01-10", "2025-02-01"),
                    "reentry_permit": "special",
                    "reentry_permit_expiry": "2026-01-10",
                }
            ]
        },
        "trips[0].reentry_permit_expiry",
        "permit_expiry_without_permit",
        {},
    ),
    (
        "a re-entry permit expiring before the departure is refused",
        {
            "trips": [
                {
                    **trip("2025-01-10", "2025-02-01"),
                    "reentry_permit": "permit",
                    "reentry_permit_expiry": "2025-01-09",
                }
            ]
        },
        "trips[0].reentry_permit_expiry",
        "permit_expiry_before_departure",
        {"departure": "2025-01-10"},
    ),
    (
        "a permanent resident's check before the residence-card system is refused",
        {
            "status": "permanent_resident",
            "status_grant_date": "2008-05-01",
            "application_date": "2012-07-08",
        },
        "application_date",
        "before_keep_pr_rules",
        {"earliest": "2012-07-09"},
    ),
    (
        "a permanent resident without the grant date is refused",
        {"status": "permanent_resident"},
        "status_grant_date",
        "required",
        {},
    ),
]


def build(changes):
    data = {**VALID, **changes}
    return {key: value for key, value in data.items() if value != "DROP"}


def errors_for(changes):
    with pytest.raises(AnswersInvalid) as caught:
        answers_from_dict(build(changes), today=TODAY)
    return caught.value.errors


@pytest.mark.parametrize(
    ("changes", "path", "code", "params"),
    [case[1:] for case in ERROR_CASES],
    ids=[case[0] for case in ERROR_CASES],
)
def test_invalid_answers_report_the_code_at_the_field_path(changes, path, code, params):
    errors = errors_for(changes)
    assert (code, params) in errors[path], errors


def test_every_error_code_has_a_case_and_english_and_japanese_wording():
    codes = {case[3] for case in ERROR_CASES}
    answer_codes = set(MESSAGES) - {
        "no_thresholds",  # the wizard's: no thresholds on the day, not a bad answer
        "thresholds_unavailable",
        "invalid_json",
        "request_too_large",
        "unsupported_media_type",
        "method_not_allowed",
    }
    assert answer_codes | {"invalid_type"} == codes
    for _name, _changes, _path, code, params in ERROR_CASES:
        with translation.override("en"):
            english = error_message(code, params)
        with translation.override("ja"):
            japanese = error_message(code, params)
        assert english != japanese, code
        assert "%(" not in english and "%(" not in japanese


@pytest.mark.parametrize(
    "changes",
    [
        {"birth_date": "1900-01-01"},
        {"status_expiry_date": "2100-12-31"},
        {"income": [{"year": 2025, "applicant": 3_000_000, "household": 3_000_000}]},
        {"birth_date": "1990-05-10", "residence_start_date": "1990-05-10"},
        {
            "birth_date": "1990-05-10",
            "marriage_date": "1990-05-10",
            "status_grant_date": "1990-05-11",
        },
    ],
    ids=[
        "the first day of 1900 is in range",
        "the last day of 2100 is in range",
        "a household income equal to the applicant's own is accepted",
        "residence from the day of birth is accepted",
        "marriage on the day of birth and a grant the day after are accepted",
    ],
)
def test_dates_on_the_limits_are_accepted(changes):
    answers = answers_from_dict(build(changes), today=TODAY)
    assert answers.application_date == TODAY


def test_every_error_is_reported_at_once_not_only_the_first():
    errors = errors_for({"status": "tourist", "assets": -1, "nationality": "x"})
    assert {"status", "assets", "nationality"} <= set(errors)


def test_a_document_that_is_not_an_object_is_one_error_at_the_root():
    with pytest.raises(AnswersInvalid) as caught:
        answers_from_dict([VALID], today=TODAY)
    assert caught.value.errors == {"": [("invalid_type", {"expected": "object"})]}


def test_the_application_date_defaults_to_the_day_given_as_today():
    answers = answers_from_dict(build({"application_date": None}), today=TODAY)
    assert answers.application_date == TODAY


def test_errors_to_json_gives_code_params_and_message_per_path():
    with translation.override("en"):
        data = errors_to_json({"assets": [("too_large", {"maximum": 10_000_000_000})]})
    assert data == {
        "assets": [
            {
                "code": "too_large",
                "params": {"maximum": 10_000_000_000},
                "message": "Enter a value no larger than 10,000,000,000.",
            }
        ]
    }


def test_an_unknown_code_or_missing_param_gets_a_message_not_an_exception():
    with translation.override("en"):
        assert error_message("brand_new_code", {}) == "This answer is not valid."
        assert error_message("invalid_type", {"expected": "set"}) == "This answer is not valid."
        assert error_message("too_large", {}) == "Enter a value no larger than ."


def test_valid_answers_round_trip_through_the_contract_json():
    data = build(
        {
            "trips": [trip("2020-01-01", "2020-01-20")],
            "income": [{"year": 2025, "applicant": 4_000_000}],
            "payments": [{"kind": "pension", "due_date": "2025-01-31", "paid_date": "2025-03-01"}],
            "hsp_points": {"now": 80},
        }
    )
    answers = answers_from_dict(data, today=TODAY)
    assert answers_from_dict(answers_to_dict(answers), today=TODAY) == answers


def test_the_json_message_writes_the_date_out_while_its_params_keep_iso():
    errors = {"residence_start_date": [("after_application_date", {"limit": "2026-12-01"})]}
    with translation.override("ja"):
        (entry,) = errors_to_json(errors)["residence_start_date"]
    assert entry["params"] == {"limit": "2026-12-01"}
    assert entry["message"] == "この日付は申請予定日（2026年12月1日）より後になっています。"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "prcheck has no rules in force on 1 January 2010"),
        ("ja", "prcheckには2010年1月1日に適用"),
    ],
)
def test_a_day_without_rules_is_named_in_words_on_pages(language, words):
    with translation.override(language):
        message = error_message("no_thresholds", {"date": dt.date(2010, 1, 1)}, written_dates=True)
    assert message.startswith(words)


def test_an_expiry_on_the_grant_day_and_a_qualifying_start_on_the_residence_start_are_accepted():
    """The boundaries of the two order checks: the same day is not before."""
    answers = answers_from_dict(
        build(
            {
                "status_grant_date": "2024-05-10",
                "status_expiry_date": "2024-05-10",
                "qualifying_status_start_date": "2015-04-01",
            }
        ),
        today=TODAY,
    )
    assert answers.status_expiry_date == answers.status_grant_date
    assert answers.qualifying_status_start_date == answers.residence_start_date
