"""Rate-limit counters that every app process shares: count one request, return the count.

By default a counter is a ``RateLimitCounter`` row, added to with an atomic
``UPDATE … SET count = count + 1`` (created at 1 the first time; the unique key settles a
race between two processes). With ``RATE_LIMIT_CACHE_URL`` (or ``REDIS_URL``) set, the counts
live in that cache instead, counted with its atomic ``incr`` (Redis, Memcached).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from assessments.web.models import RateLimitCounter


def rate_count(*, key: str, seconds: int) -> int:
    """Add one to the counter ``key``, which lasts ``seconds``; return its new count."""
    if settings.PRCHECK_RATE_LIMIT_CACHE:
        return _cache_count(caches[settings.PRCHECK_RATE_LIMIT_CACHE], key, seconds)
    counters = RateLimitCounter.objects.filter(key=key)
    if not counters.update(count=F("count") + 1):
        expires_at = timezone.now() + dt.timedelta(seconds=seconds)
        try:
            with transaction.atomic():
                RateLimitCounter.objects.create(key=key, count=1, expires_at=expires_at)
            return 1
        except IntegrityError:  # another process created it first
            counters.update(count=F("count") + 1)
    return counters.values_list("count", flat=True).first() or 1


def _cache_count(cache, key: str, seconds: int) -> int:
    if cache.add(key, 1, timeout=seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=seconds)
        return 1


def rate_counters_purge(*, now: dt.datetime) -> int:
    """Delete the counters whose window ended before ``now``; return how many went."""
    if settings.PRCHECK_RATE_LIMIT_CACHE:
        return 0  # a cache expires its own keys
    deleted, _ = RateLimitCounter.objects.filter(expires_at__lt=now).delete()
    return deleted
