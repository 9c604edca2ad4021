"""``POST /api/hsp-points``: a profile in, the points out; field errors as 400, never a 500."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hsp.conftest import PROFILE_FIELDS

pytestmark = pytest.mark.django_db

URL = reverse("api:hsp_points")
PROFILE = {
    "category": "business",
    "as_of": "2026-12-01",
    "education": "mba_mot",
    "experience_years": 10,
    "annual_salary": 30_000_000,
    "position": "representative",
    "investment_100m": True,
}


def post(client, body, **headers):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data, content_type="application/json", **headers)


def test_the_url_is_api_hsp_points():
    assert URL == "/api/hsp-points"


def test_a_valid_profile_returns_the_contracts_keys(client):
    response = post(client, PROFILE)
    assert response.status_code == 200
    result = response.json()
    assert {"category", "points", "passes", "breakdown"} <= set(result)
    assert (result["points"], result["passes"]) == (115, True)
    assert result["breakdown"][0] == {
        "item": "education",
        "points": 25,
        "params": {"degree": "mba_mot"},
    }
    assert result["j_skip"]["eligible"] is False  # ¥30M is below J-Skip's ¥40M for business


def test_no_cookie_and_no_csrf_token_are_needed():
    response = post(Client(enforce_csrf_checks=True), PROFILE)
    assert response.status_code == 200
    assert not response.cookies


def test_invalid_profiles_return_400_with_field_errors_in_the_requested_language(client):
    bad = {**PROFILE, "category": "technical", "annual_salary": -1, "bonuses": ["n3"]}
    response = post(client, bad, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"annual_salary", "birth_date", "bonuses[0]"}
    assert errors["birth_date"][0]["code"] == "required"
    assert errors["annual_salary"][0]["message"] == "Enter zero or a larger number."
    japanese = post(client, bad, HTTP_ACCEPT_LANGUAGE="ja").json()["errors"]
    assert japanese["annual_salary"][0]["message"] != errors["annual_salary"][0]["message"]


def test_a_day_before_the_table_existed_is_a_field_error(client):
    response = post(client, {**PROFILE, "as_of": "2015-01-01"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    (error,) = response.json()["errors"]["as_of"]
    assert error["code"] == "no_table"
    assert error["params"] == {"date": "2015-01-01"}, "ISO for programs"
    assert "1 January 2015" in error["message"], "written out for people"


@pytest.mark.parametrize(
    ("body", "status"),
    [("{", 400), ("[]", 400), ('"text"', 400), ("null", 400)],
    ids=["broken JSON", "a list", "a string", "null"],
)
def test_a_body_that_is_not_a_profile_is_a_400(client, body, status):
    assert post(client, body).status_code == status


def test_only_post_is_allowed(client):
    assert client.get(URL).status_code == 405


def test_a_database_without_the_table_is_a_503(client):
    from assessments.thresholds.models import Threshold

    Threshold.objects.filter(key="hsp.business.salary").delete()
    response = post(client, PROFILE)
    assert response.status_code == 503


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.dictionaries(st.sampled_from(PROFILE_FIELDS), json_values, max_size=4))
def test_no_profile_gives_a_server_error(client, changes):
    response = post(client, json.dumps({**PROFILE, **changes}, allow_nan=True))
    assert response.status_code in (200, 400)
