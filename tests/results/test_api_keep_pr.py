"""``POST /api/assess`` with a permanent resident's answers: the keep-PR check, errors as JSON."""

import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("api:assess")
KEEP = {
    "application_date": "2028-03-01",
    "status": "permanent_resident",
    "status_grant_date": "2020-05-01",
    "trips": [{"departure": "2026-10-01", "return": "2027-12-10", "reentry_permit": "special"}],
    "payments": [{"kind": "pension", "due_date": "2027-05-31", "paid_date": "2027-09-01"}],
}


def post(client, body, **headers):
    return client.post(URL, json.dumps(body), content_type="application/json", **headers)


def test_a_permanent_residents_answers_get_the_keep_pr_result_with_sources(client):
    response = post(client, KEEP)
    assert response.status_code == 200
    result = response.json()
    assert result["route"] == "keep_pr"
    assert result["keep_pr"]["verdict"] == "lost"
    findings = {f["id"]: f for f in result["requirements"]}
    assert list(findings) == ["reentry", "residence_card", "public_dues", "notifications"]
    assert findings["reentry"]["code"] == "keep_pr.reentry.lapsed"
    assert "26条の2" in findings["reentry"]["reference"]
    assert findings["public_dues"]["basis"] == "draft"
    assert result["thresholds"]["keep_pr.special_reentry_years"]["value"] == 1
    assert "keep_pr.non_payment_revocation_from.draft" in result["thresholds"]


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "only for a re-entry permit"), ("ja", "再入国許可（通常）の場合にのみ")],
)
def test_a_permit_expiry_on_a_special_permit_is_a_400_naming_the_field(client, language, words):
    trip = {**KEEP["trips"][0], "reentry_permit_expiry": "2027-12-31"}
    body = {**KEEP, "trips": [trip], "residence_card_expiry": "2019-01-01"}
    response = post(client, body, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"trips[0].reentry_permit_expiry", "residence_card_expiry"}
    assert words in errors["trips[0].reentry_permit_expiry"][0]["message"]
    assert errors["residence_card_expiry"][0]["code"] == "card_expiry_before_grant"


def test_a_permanent_resident_without_the_grant_date_is_a_400_naming_it(client):
    body = {key: value for key, value in KEEP.items() if key != "status_grant_date"}
    response = post(client, body, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["errors"]["status_grant_date"][0]["code"] == "required"
