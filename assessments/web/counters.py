"""A database cache table for rate-limit counters: one atomic statement per request.

Rate limits must be counted where every app process sees the counts. Django's cache framework
gives that with Redis or Memcached (an atomic ``incr``), and with a database table. But the
stock ``DatabaseCache`` counts badly: ``add`` runs a ``COUNT(*)`` of the whole table and a
transaction, ``incr`` reads then rewrites the value (five statements, and two processes can
both write the same sum, losing a count).

``CounterDatabaseCache.count()`` is a single ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``
(PostgreSQL, SQLite >= 3.35): it creates the counter at 1 or adds 1, atomically, and returns
the new count. Counters are stored as plain integers, so this table is for ``count()`` only;
other databases fall back to ``add``/``incr``. Expired counters are deleted now and then, by
one request in ``CLEANUP_EVERY``, and by ``purge_assessments``.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.utils import timezone

#: On average one count in this many also deletes the expired counters.
CLEANUP_EVERY = 200
UPSERT_VENDORS = frozenset({"postgresql", "sqlite"})


class CounterDatabaseCache(DatabaseCache):
    def count(self, key: str, *, timeout: int) -> int:
        """Add one to the counter ``key`` (created at 1, expiring in ``timeout`` s); return it."""
        connection = connections[router.db_for_write(self.cache_model_class)]
        if connection.vendor not in UPSERT_VENDORS:
            return self._count_portably(key, timeout)
        stored_key = self.make_and_validate_key(key)
        expires = timezone.now().replace(microsecond=0) + dt.timedelta(seconds=timeout)
        table, key_, value, expires_ = map(
            connection.ops.quote_name, (self._table, "cache_key", "value", "expires")
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({key_}, {value}, {expires_}) VALUES (%s, '1', %s) "
                f"ON CONFLICT ({key_}) DO UPDATE "
                f"SET {value} = CAST(CAST({table}.{value} AS INTEGER) + 1 AS TEXT) "
                f"RETURNING {value}",
                [stored_key, connection.ops.adapt_datetimefield_value(expires)],
            )
            count = int(cursor.fetchone()[0])
        if secrets.randbelow(CLEANUP_EVERY) == 0:
            self.delete_expired()
        return count

    def delete_expired(self) -> int:
        """Delete the counters whose window has passed; return how many went."""
        connection = connections[router.db_for_write(self.cache_model_class)]
        table, expires = map(connection.ops.quote_name, (self._table, "expires"))
        now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table} WHERE {expires} < %s", [now])
            return cursor.rowcount

    def _count_portably(self, key: str, timeout: int) -> int:
        """Count with Django's own cache operations (not atomic under contention)."""
        if self.add(key, 1, timeout=timeout):
            return 1
        return self.incr(key)
