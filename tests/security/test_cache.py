"""The database cache's atomic incr(): rate-limit counts shared by processes lose no request."""

from __future__ import annotations

import time

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import override_settings

from assessments.cache import DatabaseCache

pytestmark = pytest.mark.django_db

DATABASE_CACHE = {
    "default": {"BACKEND": "assessments.cache.DatabaseCache", "LOCATION": "prcheck_test_cache"}
}


@pytest.fixture
def cache():
    with override_settings(CACHES=DATABASE_CACHE):
        call_command("createcachetable", verbosity=0)
        yield caches["default"]


def another_process() -> DatabaseCache:
    """Return a second cache object on the same table, as another gunicorn worker has."""
    return DatabaseCache("prcheck_test_cache", {})


def test_incr_adds_to_the_stored_number(cache):
    cache.add("n", 1, timeout=60)
    assert cache.incr("n") == 2
    assert cache.incr("n", 5) == 7
    assert another_process().get("n") == 7


def test_incr_of_a_missing_key_raises_as_djangos_caches_do(cache):
    with pytest.raises(ValueError):
        cache.incr("missing")


def test_incr_of_an_expired_key_raises(cache):
    cache.add("n", 1, timeout=1)
    time.sleep(1.1)
    with pytest.raises(ValueError):
        cache.incr("n")


def test_incr_keeps_the_expiry_set_when_the_counter_was_created(cache):
    cache.add("n", 1, timeout=1)
    cache.incr("n")
    time.sleep(1.1)
    assert cache.get("n") is None


def test_an_increment_by_another_process_in_between_is_not_lost(cache, monkeypatch):
    cache.add("n", 1, timeout=60)
    real_get = DatabaseCache.get
    interleaved = []

    def get_then_other_process_increments(self, *args, **kwargs):
        value = real_get(self, *args, **kwargs)
        if not interleaved:
            interleaved.append("reading")
            interleaved[0] = another_process().incr("n")
        return value

    monkeypatch.setattr(DatabaseCache, "get", get_then_other_process_increments)
    assert cache.incr("n") == 3
    assert interleaved == [2]
    assert another_process().get("n") == 3
