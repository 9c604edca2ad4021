"""``POST /api/assess``: JSON in and out, field errors as 400, and never a server error."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.eligibility.choices import REQUIREMENT_IDS

pytestmark = pytest.mark.django_db

URL = reverse("api:assess")

ANSWERS = {
    "application_date": "2026-12-01",
    "status": "work",
    "period_of_stay_years": 5,
    "residence_start_date": "2012-04-01",
    "employment": "regular",
    "guarantor": "japanese",
    "income": [{"year": year, "applicant": 3_100_000} for year in range(2021, 2026)],
}


def post(client, body, *, content_type="application/json", **headers):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data, content_type=content_type, **headers)


def test_valid_answers_return_the_result_json(client):
    response = post(client, ANSWERS)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    result = response.json()
    assert result["schema"] == "prcheck.result/1"
    assert result["overall"] == "likely_eligible"
    assert [item["id"] for item in result["requirements"]] == list(REQUIREMENT_IDS)


def test_the_api_sets_no_cookie_and_needs_no_csrf_token():
    response = post(Client(enforce_csrf_checks=True), ANSWERS)
    assert response.status_code == 200
    assert not response.cookies


def test_invalid_answers_return_400_with_every_field_error(client):
    bad = {**ANSWERS, "status": "tourist", "assets": -1, "trips": [{"departure": "2020-01-01"}]}
    response = post(client, bad, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"status", "assets", "trips[0].return"}
    assert errors["assets"] == [
        {"code": "negative", "params": {}, "message": "Enter zero or a larger number."}
    ]


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Enter zero or a larger number."), ("ja", "0以上の数を入力してください。")],
)
def test_error_messages_follow_accept_language(client, language, message):
    response = post(client, {**ANSWERS, "assets": -1}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.json()["errors"]["assets"][0]["message"] == message
    assert "Accept-Language" in response["Vary"]


# (sentence, body, content type, expected status, expected code)
BAD_REQUESTS = [
    ("text that is not JSON is a 400", "{status: work", "application/json", 400, "invalid_json"),
    ("a blank body is a 400", "  ", "application/json", 400, "invalid_json"),
    (
        "bytes that are not UTF-8 are a 400",
        b'{"a": "\xff"}',
        "application/json",
        400,
        "invalid_json",
    ),
    ("deeply nested JSON is a 400", "[" * 50_000, "application/json", 400, "invalid_json"),
    ("a huge number is a 400", "1" * 5000, "application/json", 400, "invalid_json"),
    ("a JSON list is a 400", "[]", "application/json", 400, "invalid_type"),
    ("a JSON null is a 400", "null", "application/json", 400, "invalid_type"),
    ("plain text is a 415", json.dumps(ANSWERS), "text/plain", 415, "unsupported_media_type"),
    (
        "a form post is a 415",
        "status=work",
        "application/x-www-form-urlencoded",
        415,
        "unsupported_media_type",
    ),
]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "code"),
    [case[1:] for case in BAD_REQUESTS],
    ids=[case[0] for case in BAD_REQUESTS],
)
def test_a_bad_request_gets_a_json_error(client, body, content_type, status, code):
    response = post(client, body, content_type=content_type)
    assert response.status_code == status
    [errors] = response.json()["errors"].values()
    assert errors[0]["code"] == code


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete", "head"])
def test_only_post_is_allowed(client, method):
    response = getattr(client, method)(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"


@pytest.mark.parametrize(
    "padding",
    [0, 1],
    ids=["a body exactly at the limit is read", "a body one byte over the limit is a 413"],
)
def test_the_request_size_limit(client, settings, padding):
    body = json.dumps(ANSWERS)
    settings.PRCHECK_API_MAX_BYTES = len(body)
    body = body[:-1] + " " * padding + "}"
    response = post(client, body)
    assert response.status_code == (413 if padding else 200)
    if padding:
        error = response.json()["errors"][""][0]
        assert error["params"] == {"maximum": settings.PRCHECK_API_MAX_BYTES}


def test_a_declared_length_over_the_limit_is_refused_before_reading(client, settings):
    settings.PRCHECK_API_MAX_BYTES = 100
    response = client.generic(
        "POST", URL, b"{}", content_type="application/json", CONTENT_LENGTH="1000000"
    )
    assert response.status_code == 413


def test_thresholds_missing_from_the_database_are_a_503_not_a_crash(client):
    from assessments.thresholds.models import Threshold

    Threshold.objects.filter(key="livelihood.min_income").delete()
    response = post(client, ANSWERS)
    assert response.status_code == 503
    assert response.json()["errors"][""][0]["code"] == "thresholds_unavailable"


# Never a 500 --------------------------------------------------------------------------


def test_an_application_dated_before_the_guideline_gets_a_field_error(client):
    """The engine models the guideline from 2006-03-31; earlier dates are refused, not crashed on."""
    old = {**ANSWERS, "application_date": "2000-01-01", "residence_start_date": "1990-01-01"}
    response = post(client, {**old, "income": []})
    assert response.status_code == 400, response.content
    assert response.json()["errors"]["application_date"][0]["code"] == "before_rules"


def test_an_application_on_the_guideline_date_gets_a_result(client):
    """Keys not yet in force then (HSP, J-Skip, the 2027 transition) resolve to None (ADR 001, 7)."""
    old = {**ANSWERS, "application_date": "2006-03-31", "residence_start_date": "1995-01-01"}
    response = post(client, {**old, "income": []})
    assert response.status_code == 200, response.content


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**15), max_value=10**15)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["2026-12-01", "2020-02-29", "2027-04-01", "1899-12-31", "work", "minor"]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)

dates = st.dates(min_value=dt.date(1890, 1, 1)).map(lambda d: d.isoformat())
date_like = dates | json_values

#: Answers that are close to valid: known keys, each with a plausible or a random value.
near_answers = st.fixed_dictionaries(
    {},
    optional={
        "application_date": dates,
        "status": st.sampled_from(["work", "hsp", "spouse_of_japanese", "refugee", "student"])
        | json_values,
        "period_of_stay_years": st.sampled_from([None, 0.25, 0.5, 1, 3, 5]) | json_values,
        "residence_start_date": dates,
        "marriage_date": date_like,
        "status_grant_date": date_like,
        "qualifying_status_start_date": date_like,
        "status_expiry_date": date_like,
        "hsp_points": st.fixed_dictionaries(
            {}, optional={"now": st.integers(0, 120), "one_year_ago": st.integers(0, 120)}
        )
        | json_values,
        "trips": st.lists(st.fixed_dictionaries({"departure": dates, "return": dates}), max_size=3),
        "income": st.lists(
            st.fixed_dictionaries(
                {"year": st.integers(1990, 2030), "applicant": st.integers(-1, 10**10)}
            ),
            max_size=4,
        ),
        "dependents": st.integers(-1, 40) | json_values,
        "payments": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(["resident_tax", "pension", "x"]),
                    "due_date": dates,
                    "paid_date": st.none() | dates,
                }
            ),
            max_size=3,
        ),
        "criminal_records": st.lists(
            st.fixed_dictionaries(
                {"kind": st.sampled_from(["fine", "imprisonment"]), "completed_on": dates}
            ),
            max_size=2,
        ),
        "traffic_violations": st.lists(
            st.fixed_dictionaries({"date": dates, "kind": st.sampled_from(["minor", "serious"])}),
            max_size=3,
        ),
        "unknown": json_values,
    },
).map(lambda overrides: {**ANSWERS, **overrides})

NO_FIXTURE_RESET = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@settings(max_examples=40, deadline=None, suppress_health_check=NO_FIXTURE_RESET)
@given(body=json_values)
def test_any_json_body_gets_a_200_or_a_400(client, body):
    response = post(client, json.dumps(body))
    assert response.status_code in (200, 400), response.content


@settings(max_examples=60, deadline=None, suppress_health_check=NO_FIXTURE_RESET)
@given(body=near_answers)
def test_near_valid_answers_get_a_result_or_field_errors(client, body):
    response = post(client, json.dumps(body))
    assert response.status_code in (200, 400), response.content
    if response.status_code == 400:
        assert response.json()["errors"]
    else:
        assert response.json()["schema"] == "prcheck.result/1"


def test_the_result_carries_naturalization_beside_permanent_residence(client):
    body = {**ANSWERS, "japanese_level": "n3", "nationality_renounceable": True}
    result = post(client, {**body, "monthly_take_home": 200_000}).json()
    assert result["schema"] == "prcheck.result/1" and len(result["requirements"]) == 12
    natz = result["naturalization"]
    assert [f["id"] for f in natz["requirements"]][:2] == ["residence", "absences"]
    assert {f["id"]: f["status"] for f in natz["requirements"]}["japanese"] == "met"
    assert set(natz) == {"overall", "earliest_date", "requirements"}


def test_a_bad_naturalization_answer_is_a_field_error(client):
    response = post(client, {**ANSWERS, "japanese_level": "fluent", "monthly_take_home": -5})
    assert response.status_code == 400
    assert set(response.json()["errors"]) >= {"japanese_level", "monthly_take_home"}


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("application_date", "9999-12-31", "date_out_of_range"),
        ("application_date", "2014-W14-2", "invalid_date"),
        ("status_expiry_date", "9999-12-31", "date_out_of_range"),
        ("residence_start_date", "1899-12-31", "date_out_of_range"),
    ],
)
def test_a_date_outside_the_contract_is_a_json_400_naming_the_field(client, field, value, code):
    response = post(client, {**ANSWERS, field: value}, HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["errors"][field][0]
    assert error["code"] == code
    if code == "date_out_of_range":
        assert error["params"]["earliest"] == "1900-01-01", "ISO for programs"
        assert "1900年1月1日" in error["message"], "written out for people"
    else:
        assert "YYYY-MM-DD" in error["message"]


def test_a_residence_start_before_birth_is_a_json_400(client):
    body = {**ANSWERS, "birth_date": "2013-01-01", "residence_start_date": "2012-04-01"}
    response = post(client, body)
    assert response.status_code == 400, response.content
    assert response.json()["errors"]["residence_start_date"][0]["code"] == "before_birth"


@pytest.mark.parametrize(
    ("language", "field", "value", "code", "words"),
    [
        (
            "en",
            "status_expiry_date",
            "2023-12-31",
            "expiry_before_grant",
            "before the status was granted",
        ),
        (
            "ja",
            "status_expiry_date",
            "2023-12-31",
            "expiry_before_grant",
            "在留資格の許可日（2024年1月1日）",
        ),
        (
            "en",
            "qualifying_status_start_date",
            "2012-03-31",
            "before_residence_start",
            "before your continuous residence began",
        ),
        (
            "ja",
            "qualifying_status_start_date",
            "2012-03-31",
            "before_residence_start",
            "継続した在留の開始日",
        ),
    ],
)
def test_dates_out_of_order_are_a_json_400_naming_the_field(
    client, language, field, value, code, words
):
    body = {**ANSWERS, "status_grant_date": "2024-01-01", field: value}
    response = post(client, body, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400, response.content
    (error,) = response.json()["errors"][field]
    assert error["code"] == code
    assert words in error["message"], error["message"]


def test_a_household_income_below_the_applicants_own_is_a_json_400_naming_the_field(client):
    income = [{"year": 2025, "applicant": 3_100_000, "household": 3_099_999}]
    response = post(client, {**ANSWERS, "income": income})
    assert response.status_code == 400, response.content
    (error,) = response.json()["errors"]["income[0].household"]
    assert error["code"] == "household_below_applicant"
    assert error["params"] == {"household": 3_099_999, "applicant": 3_100_000}
    assert "3,099,999" in error["message"]
