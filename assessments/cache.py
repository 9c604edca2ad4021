"""Django's database cache with an atomic ``incr``, for rate-limit counters shared by processes.

The stock ``DatabaseCache.incr`` reads the value, then ``set()``s the sum: five statements in a
transaction (a table ``COUNT(*)`` for culling among them), and two processes incrementing at
once can both write the same sum, losing a count. Here ``incr`` reads once, then writes with a
compare-and-swap (``UPDATE ... WHERE value = <what was read>``), retrying if another process got
there first: two statements, and no count is lost. Everything else is Django's.
"""

from __future__ import annotations

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router

#: Compare-and-swap attempts before giving up on exactness (only under extreme contention).
SWAP_ATTEMPTS = 20


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key, delta=1, version=None):
        """Add ``delta`` to the stored number; raise ``ValueError`` if the key is missing."""
        stored_key = self.make_and_validate_key(key, version=version)
        for _ in range(SWAP_ATTEMPTS):
            value = self.get(key, self._missing_key, version=version)
            if value is self._missing_key:
                raise ValueError(f"Key '{key}' not found.")
            new_value = value + delta
            if self._swap(stored_key, value, new_value):
                return new_value
        return super().incr(key, delta, version=version)

    def _swap(self, stored_key: str, old, new) -> bool:
        """Store ``new`` only if the entry still holds ``old``; return whether it did."""
        connection = connections[router.db_for_write(self.cache_model_class)]
        table, value, cache_key = map(
            connection.ops.quote_name, (self._table, "value", "cache_key")
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {value} = %s WHERE {cache_key} = %s AND {value} = %s",
                [self._encode(new), stored_key, self._encode(old)],
            )
            return cursor.rowcount == 1

    def _encode(self, value) -> str:
        """Encode ``value`` exactly as Django's database cache stores it."""
        return base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
