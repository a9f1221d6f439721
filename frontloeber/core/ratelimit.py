"""Counters for rate limits, in the cache every worker shares (settings.CACHES: the database cache, or Redis).

``hit(key, window=…)`` counts one more event and returns the count; the count lives ``window`` seconds from
the first event (a fixed window), so a limit that was reached lifts on time even while failures go on: a
throttle on a whole network must not be kept shut by one person mistyping now and then. Keys are hashed with
the secret key: the cache table holds no client address in the clear.

Django's DatabaseCache reads and writes a counter in two steps and, on ``incr``, stores it with the default
timeout; here a counter on the database cache is changed inside one transaction that holds a lock on the key
(an advisory lock on PostgreSQL; on SQLite the ``IMMEDIATE`` transaction is the lock), so workers counting at
the same moment lose nothing. Redis counts atomically by itself.
"""

import contextlib
import hashlib
import time

from django.core.cache import caches
from django.core.cache.backends.db import BaseDatabaseCache
from django.db import connections, router, transaction
from django.utils.crypto import salted_hmac


def _cache():
    return caches["default"]


def cache_key(name: str) -> str:
    return "ratelimit:" + salted_hmac("frontloeber.core.ratelimit", name, algorithm="sha256").hexdigest()[:40]


@contextlib.contextmanager
def _serialised(cache, key):
    if not isinstance(cache, BaseDatabaseCache):
        yield
        return
    alias = router.db_for_write(cache.cache_model_class)
    with transaction.atomic(using=alias):
        connection = connections[alias]
        if connection.vendor == "postgresql":
            lock = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock])
        yield


def hit(name: str, *, window: int) -> int:
    """Count one event under ``name``; returns how many there have been in the window the first one began."""
    cache = _cache()
    key = cache_key(name)
    with _serialised(cache, key):
        if cache.add(key, 1, window):
            cache.set(key + ":until", time.time() + window, window)
            return 1
        expires = cache.get(key + ":until")
        try:
            count = cache.incr(key)
        except ValueError:  # it expired between the two calls
            cache.set(key, 1, window)
            return 1
        if isinstance(cache, BaseDatabaseCache):
            # Django's database cache stores an incremented value with its default timeout; keep the window.
            cache.touch(key, max(1, int((expires or 0) - time.time())) if expires else window)
    return count


def count(name: str) -> int:
    return _cache().get(cache_key(name), 0)


def reset(name: str) -> None:
    key = cache_key(name)
    _cache().delete_many([key, key + ":until"])
