"""The rate-limit counter table: one atomic statement counts a request for every process."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from assessments.web.counters import CounterDatabaseCache

pytestmark = pytest.mark.django_db

TABLE = "prcheck_test_rate_limits"
COUNTER_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "rate_limits": {"BACKEND": "assessments.web.counters.CounterDatabaseCache", "LOCATION": TABLE},
}


@pytest.fixture
def counters():
    with override_settings(CACHES=COUNTER_CACHE):
        call_command("createcachetable", verbosity=0)
        yield caches["rate_limits"]


def another_process() -> CounterDatabaseCache:
    """Return a second cache object on the same table, as another gunicorn worker has."""
    return CounterDatabaseCache(TABLE, {})


def rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(TABLE)}")
        return cursor.fetchone()[0]


def test_a_new_counter_starts_at_one_and_each_count_adds_one(counters):
    assert [counters.count("a", timeout=60) for _ in range(3)] == [1, 2, 3]
    assert counters.count("b", timeout=60) == 1


def test_every_process_adds_to_the_same_counter(counters):
    counters.count("a", timeout=60)
    assert another_process().count("a", timeout=60) == 2
    assert counters.count("a", timeout=60) == 3


def test_a_count_is_one_statement(counters):
    counters.count("a", timeout=60)
    with CaptureQueriesContext(connection) as queries:
        counters.count("a", timeout=60)
    assert len([q for q in queries if not q["sql"].startswith("DELETE")]) == 1


def test_expired_counters_are_deleted_and_live_ones_kept(counters):
    with time_machine.travel(dt.datetime(2020, 1, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        counters.count("old-window", timeout=60)
    counters.count("current-window", timeout=60)
    assert rows() == 2
    assert counters.delete_expired() == 1
    assert rows() == 1
    assert counters.count("current-window", timeout=60) == 2
