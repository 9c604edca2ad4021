"""Rate limits on the API and the PDF, and the API's request-size and list-length limits."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings
from django.urls import ResolverMatch
from django.utils import translation

from assessments.eligibility.answers import MAX_LIST_ITEMS
from assessments.web.middleware import Limit, client_address, rate_limit_scope, too_many_requests
from assessments.web.models import RateLimitCounter
from assessments.web.rate_counters import rate_count
from tests.security.conftest import APPLICANT

pytestmark = pytest.mark.django_db

LOW_LIMITS = {"api": "3/60", "pdf": "2/60"}

#: Thirty seconds into a one-minute window: the limits count in fixed windows, so a test whose
#: requests straddled a minute boundary on the real clock would start a fresh count half-way.
PINNED_CLOCK = 1_800_000_030.0


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch):
    monkeypatch.setattr(
        "assessments.web.middleware.time", SimpleNamespace(time=lambda: PINNED_CLOCK)
    )


def distinct_trips(count: int) -> list[dict]:
    """Return ``count`` short trips that do not overlap, from 2014 on."""
    first = dt.date(2014, 1, 1)
    return [
        {
            "departure": (first + dt.timedelta(days=10 * n)).isoformat(),
            "return": (first + dt.timedelta(days=10 * n + 2)).isoformat(),
        }
        for n in range(count)
    ]


def post_json(client, path: str, data, **headers):
    return client.post(path, json.dumps(data), content_type="application/json", **headers)


@override_settings(PRCHECK_RATE_LIMITS=LOW_LIMITS)
def test_the_api_answers_429_in_json_with_retry_after_once_the_limit_is_spent(client):
    statuses = [post_json(client, "/api/assess", APPLICANT).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]

    response = post_json(client, "/api/assess", APPLICANT, HTTP_ACCEPT_LANGUAGE="en")
    body = response.json()
    [error] = body["errors"][""]
    assert response.status_code == 429
    assert error["code"] == "rate_limited"
    assert int(response.headers["Retry-After"]) == 30
    assert body["retry_after"] == error["params"]["seconds"] == int(response.headers["Retry-After"])
    assert f"wait {body['retry_after']} seconds" in error["message"]


@override_settings(PRCHECK_RATE_LIMITS=LOW_LIMITS)
def test_the_429_message_follows_the_clients_language(client):
    for _ in range(3):
        post_json(client, "/api/assess", APPLICANT)
    response = post_json(client, "/api/assess", APPLICANT, HTTP_ACCEPT_LANGUAGE="ja")
    assert "リクエストが多すぎます" in response.json()["errors"][""][0]["message"]


@override_settings(PRCHECK_RATE_LIMITS=LOW_LIMITS)
def test_bad_requests_count_too_so_garbage_cannot_be_sent_without_limit(client):
    statuses = [post_json(client, "/api/assess", {"x": 1}).status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]


@override_settings(PRCHECK_RATE_LIMITS=LOW_LIMITS)
def test_each_client_address_has_its_own_allowance(client):
    for _ in range(3):
        post_json(client, "/api/assess", APPLICANT, REMOTE_ADDR="192.0.2.1")
    assert post_json(client, "/api/assess", APPLICANT, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert post_json(client, "/api/assess", APPLICANT, REMOTE_ADDR="192.0.2.2").status_code == 200


@override_settings(PRCHECK_RATE_LIMITS={"api": "0", "pdf": "0"})
def test_a_limit_of_zero_turns_rate_limiting_off(client):
    assert {post_json(client, "/api/assess", APPLICANT).status_code for _ in range(5)} == {200}


@override_settings(PRCHECK_RATE_LIMITS=LOW_LIMITS)
def test_pages_outside_the_api_and_the_pdf_are_not_limited(client):
    assert {client.get("/en/").status_code for _ in range(5)} == {200}


def test_the_counts_live_in_the_database_so_every_process_sees_them(client):
    with override_settings(PRCHECK_RATE_LIMITS=LOW_LIMITS):
        statuses = [post_json(client, "/api/assess", APPLICANT).status_code for _ in range(3)]
        counter = RateLimitCounter.objects.get()
        # Another process holds nothing in memory: the row alone decides the next answer.
        statuses.append(post_json(client, "/api/assess", APPLICANT).status_code)
    assert counter.count == 3
    assert statuses == [200, 200, 200, 429]


def test_the_counts_work_on_a_cache_with_incr_such_as_redis_or_memcached(client, settings):
    settings.CACHES = settings.CACHES | {
        "rate_limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    settings.PRCHECK_RATE_LIMIT_CACHE = "rate_limits"
    with override_settings(PRCHECK_RATE_LIMITS=LOW_LIMITS):
        statuses = [post_json(client, "/api/assess", APPLICANT).status_code for _ in range(4)]
    assert not RateLimitCounter.objects.exists()
    assert statuses == [200, 200, 200, 429]


def test_a_counter_held_by_another_process_is_added_to():
    RateLimitCounter.objects.create(
        key="k", count=4, expires_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    )
    assert rate_count(key="k", seconds=60) == 5


def test_two_processes_creating_the_same_counter_at_once_both_count(monkeypatch):
    from django.db.models import QuerySet

    real_update = QuerySet.update
    updates = []

    def update_before_the_other_insert(self, **kwargs):
        # This process's first UPDATE ran before the other process inserted the row.
        updates.append(kwargs)
        return 0 if len(updates) == 1 else real_update(self, **kwargs)

    RateLimitCounter.objects.create(  # the other process's row, counted once
        key="k", count=1, expires_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    )
    monkeypatch.setattr(QuerySet, "update", update_before_the_other_insert)
    assert rate_count(key="k", seconds=60) == 2  # the INSERT met the unique key, then added
    assert len(updates) == 2


@pytest.mark.parametrize(
    ("path", "namespace", "url_name", "scope"),
    [
        ("/api/assess", "api", "assess", "api"),
        ("/api/hsp-points", "api", "hsp_points", "api"),
        ("/en/result/abc/report.pdf", "assessments", "report", None),
        ("/en/", "assessments", "start", None),
        ("/en/result/abc/", "assessments", "result", None),
    ],
)
def test_the_middleware_limits_every_api_endpoint_and_leaves_the_pdf_to_its_view(
    path, namespace, url_name, scope
):
    request = RequestFactory().get(path)
    request.resolver_match = ResolverMatch(
        lambda r: None, (), {}, url_name=url_name, app_names=[namespace], namespaces=[namespace]
    )
    assert rate_limit_scope(request) == scope


def test_a_path_that_matches_no_url_is_not_rate_limited():
    request = RequestFactory().get("/nowhere.pdf")
    request.resolver_match = None
    assert rate_limit_scope(request) is None


def test_the_pdf_limit_answers_an_html_page_in_the_users_language():
    request = RequestFactory().get("/ja/result/abc/report.pdf")
    with translation.override("ja"):
        response = too_many_requests(request, "pdf", 42)
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "42"
    assert response["Content-Type"].startswith("text/html")
    assert "42 秒" in response.content.decode()


@pytest.mark.parametrize(
    ("text", "limit"),
    [("60/60", Limit(60, 60)), (" 5/1 ", Limit(5, 1)), ("0", None), ("", None)],
)
def test_limits_are_read_as_requests_per_seconds(text, limit):
    assert Limit.parse(text) == limit


@pytest.mark.parametrize("text", ["60", "a/b", "-1/60", "10/0", "1/2/3"])
def test_a_malformed_limit_is_a_configuration_error(text):
    with pytest.raises(ImproperlyConfigured):
        Limit.parse(text)


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.7, 203.0.113.9", "203.0.113.9"),
        (2, "198.51.100.7, 203.0.113.9", "198.51.100.7"),
        (2, "203.0.113.9", "10.0.0.1"),
        (1, "not-an-ip", "10.0.0.1"),
        (1, "203.0.113.9, not-an-ip", "10.0.0.1"),
        (2, "not-an-ip, 203.0.113.9", "10.0.0.1"),
        (1, "2001:DB8::1", "2001:db8::1"),
        (1, "203.0.113.9:443", "10.0.0.1"),
    ],
)
def test_the_client_is_the_address_the_trusted_proxies_saw(
    settings, proxies, forwarded_for, expected
):
    settings.PRCHECK_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get(
        "/api/assess", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for
    )
    assert client_address(request) == expected


def test_the_api_refuses_a_body_over_the_size_limit_with_413(client, settings):
    settings.PRCHECK_API_MAX_BYTES = 1024
    padded = APPLICANT | {"padding": "x" * 2048}
    response = post_json(client, "/api/assess", padded)
    assert response.status_code == 413
    assert "request_too_large" in json.dumps(response.json())


def test_the_api_accepts_a_body_just_under_the_size_limit(client, settings):
    body = json.dumps(APPLICANT)
    settings.PRCHECK_API_MAX_BYTES = len(body.encode())
    assert post_json(client, "/api/assess", APPLICANT).status_code == 200


@pytest.mark.parametrize("field", ["trips", "income", "payments", "missed_notifications"])
def test_the_api_refuses_a_list_longer_than_the_limit_with_400(client, field):
    item = {
        "income": {"year": 2020, "applicant": 1},
        "payments": {"kind": "pension", "due_date": "2020-01-01", "paid_date": None},
        "missed_notifications": "2020-01-01",
    }.get(field)
    items = [item] * (MAX_LIST_ITEMS + 1) if item else distinct_trips(MAX_LIST_ITEMS + 1)
    response = post_json(client, "/api/assess", APPLICANT | {field: items})
    assert response.status_code == 400
    assert "too_many_items" in json.dumps(response.json()["errors"][field])


def test_the_api_accepts_a_list_at_the_limit(client):
    trips = distinct_trips(MAX_LIST_ITEMS)
    response = post_json(client, "/api/assess", APPLICANT | {"trips": trips})
    assert response.status_code == 200


@override_settings(PRCHECK_RATE_LIMITS=LOW_LIMITS)
def test_the_pdf_answers_a_429_page_in_the_users_language_once_misses_spend_it(client):
    missed = [client.get(f"/ja/result/{c * 43}/report.pdf").status_code for c in "xy"]
    response = client.get(f"/ja/result/{'z' * 43}/report.pdf")
    assert missed == [404, 404]
    assert response.status_code == 429
    assert response["Content-Type"].startswith("text/html")
    assert "リクエストが多すぎます" in response.content.decode()
    assert int(response.headers["Retry-After"]) == 30
    assert "no-store" in response.headers["Cache-Control"]


@override_settings(PRCHECK_RATE_LIMITS=LOW_LIMITS)
def test_the_hsp_points_api_shares_the_api_limit(client):
    statuses = [post_json(client, "/api/assess", APPLICANT).status_code for _ in range(3)]
    response = post_json(client, "/api/hsp-points", {"category": "academic"})
    assert statuses == [200, 200, 200]
    assert response.status_code == 429


@override_settings(PRCHECK_RATE_LIMITS=LOW_LIMITS)
def test_the_count_starts_afresh_in_the_next_window_and_retry_after_says_when(client, monkeypatch):
    statuses = [post_json(client, "/api/assess", APPLICANT).status_code for _ in range(4)]
    retry_after = int(post_json(client, "/api/assess", APPLICANT).headers["Retry-After"])
    later = SimpleNamespace(time=lambda: PINNED_CLOCK + retry_after)
    monkeypatch.setattr("assessments.web.middleware.time", later)
    assert statuses == [200, 200, 200, 429]
    assert post_json(client, "/api/assess", APPLICANT).status_code == 200
