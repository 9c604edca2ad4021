"""Every answer under /api/ is JSON: 404, 405, 500, and text that is not Unicode (a 400)."""

from __future__ import annotations

import json
import logging

import pytest
from django.test import Client
from django.urls import reverse

from tests.hsp.test_api import PROFILE
from tests.results.test_api import ANSWERS

pytestmark = pytest.mark.django_db

ENDPOINTS = [reverse("api:assess"), reverse("api:hsp_points")]


def is_json_error(response, status: int, code: str, path: str = "") -> bool:
    assert response.status_code == status, response.content[:200]
    assert response["Content-Type"].startswith("application/json")
    assert "Accept-Language" in response.get("Vary", "")
    error = response.json()["errors"][path][0]
    return error["code"] == code and error["message"]


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize(
    ("body", "path"),
    [
        (b'{"\\ud800": 1}', "\\ud800"),
        (b'{"status": "\\udfff"}', "status"),
        (
            b'{"trips": [{"departure": "2020-01-01"}, {"departure": "x\\ud800"}]}',
            "trips[1].departure",
        ),
        (b'{"a": {"\\udc00b": [1]}}', "a.\\udc00b"),
    ],
    ids=["a key", "a value", "a value in a list", "a nested key"],
)
def test_a_lone_surrogate_is_a_400_naming_the_field(client, url, body, path):
    response = client.post(url, body, content_type="application/json")
    assert is_json_error(response, 400, "invalid_text", path)


@pytest.mark.parametrize("url", ENDPOINTS)
def test_a_surrogate_pair_is_ordinary_text(client, url):
    response = client.post(url, b'{"status": "\\ud83d\\ude00"}', content_type="application/json")
    assert response.status_code == 400
    assert "invalid_text" not in response.content.decode()


@pytest.mark.parametrize("url", ["/api/", "/api/nothing", "/api/assess/", "/api/hsp-points/x"])
def test_an_unknown_api_address_is_a_json_404(client, url):
    assert is_json_error(client.get(url), 404, "not_found")
    assert is_json_error(client.post(url, b"{}", content_type="application/json"), 404, "not_found")


def test_a_page_outside_the_api_is_still_an_html_404(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("method", ["get", "put", "delete", "patch", "options"])
def test_another_method_is_a_json_405_that_says_post(client, url, method):
    response = getattr(client, method)(url)
    assert is_json_error(response, 405, "method_not_allowed")
    assert response["Allow"] == "POST"


@pytest.mark.parametrize(
    ("url", "target"),
    [
        (ENDPOINTS[0], "assessments.results.api.assessment_evaluate"),
        (ENDPOINTS[1], "assessments.hsp.api.hsp_points_at"),
    ],
)
def test_an_unexpected_failure_in_an_endpoint_is_a_json_500_that_logs_nothing_personal(
    client, monkeypatch, caplog, url, target
):
    def fail(*args, **kwargs):
        raise ValueError("year 1985-03-14 is out of range for 4,200,000 yen")

    monkeypatch.setattr(target, fail)
    body = json.dumps(ANSWERS if url == ENDPOINTS[0] else PROFILE)
    with caplog.at_level(logging.ERROR):
        response = client.post(url, body, content_type="application/json")
    assert is_json_error(response, 500, "server_error")
    assert "ValueError" in caplog.text
    assert "1985" not in caplog.text and "4,200,000" not in caplog.text


def test_a_failure_before_the_endpoint_is_a_json_500_too(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("cache down")

    monkeypatch.setattr("assessments.web.middleware.retry_after_seconds", fail)
    client = Client(raise_request_exception=False)
    response = client.post(ENDPOINTS[0], b"{}", content_type="application/json")
    assert is_json_error(response, 500, "server_error")


def test_the_answers_in_japanese_say_so_in_japanese(client):
    response = client.get("/api/nothing", HTTP_ACCEPT_LANGUAGE="ja")
    assert is_json_error(response, 404, "not_found")
    assert (
        response.json()["errors"][""][0]["message"] != "There is no API endpoint at this address."
    )
