"""Rate-limit counters live in the cache every worker shares: the database cache unless REDIS_URL is set.

The tests run with an in-memory cache (conftest.py); these switch to the database cache, whose table a
migration creates, and check that two cache objects (as two worker processes would have) see one count.
"""

import datetime
import threading

import pytest
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.utils import timezone

from frontloeber.core import ratelimit

DATABASE_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "frontloeber_cache"}
}


@pytest.fixture
def database_cache(settings):
    settings.CACHES = DATABASE_CACHE
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


@pytest.mark.django_db
def test_a_fresh_migrate_creates_the_cache_table():
    assert "frontloeber_cache" in connection.introspection.table_names()


@pytest.mark.django_db
def test_two_workers_count_on_one_counter(database_cache):
    other_worker = DatabaseCache("frontloeber_cache", {})
    for _ in range(3):
        ratelimit.hit("workshops:test", window=60)
    assert other_worker.get(ratelimit.cache_key("workshops:test")) == 3
    assert ratelimit.count("workshops:test") == 3


@pytest.mark.django_db
def test_a_counter_keeps_its_whole_window_on_the_database_cache(database_cache):
    """Django's DatabaseCache.incr stores the new value with the default timeout (5 minutes)."""
    for _ in range(3):
        ratelimit.hit("login:test", window=3600)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT expires FROM frontloeber_cache WHERE cache_key LIKE %s",
            ["%" + ratelimit.cache_key("login:test")],
        )
        (expires,) = cursor.fetchone()
    if timezone.is_naive(expires):
        expires = timezone.make_aware(expires, datetime.UTC)
    assert (expires - timezone.now()).total_seconds() > 3000


def test_counters_with_an_in_memory_cache_start_at_one_and_expire():
    caches["default"].clear()
    assert ratelimit.count("x") == 0
    assert ratelimit.hit("x", window=60) == 1
    assert ratelimit.hit("x", window=60) == 2
    assert ratelimit.count("x") == 2
    ratelimit.reset("x")
    assert ratelimit.count("x") == 0


def test_keys_carry_no_address_in_the_clear():
    key = ratelimit.cache_key("login-failures:198.51.100.7")
    assert "198.51.100.7" not in key and key.startswith("ratelimit:")


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgresql  # the tests' in-memory SQLite database is not shared between threads
def test_simultaneous_hits_on_the_database_cache_are_all_counted(settings):
    """Each worker's read-and-write of the counter would lose hits that land at the same time."""
    settings.CACHES = DATABASE_CACHE
    caches["default"].clear()
    errors = []

    def worker():
        try:
            for _ in range(10):
                ratelimit.hit("join:race", window=60)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert ratelimit.count("join:race") == 40
    caches["default"].clear()


@pytest.mark.django_db
def test_the_window_runs_from_the_first_event_and_is_not_stretched_by_later_ones(database_cache, monkeypatch):
    """A throttle on a whole network (one address behind a municipality's proxy) lifts on time even while
    someone keeps mistyping: later failures count, but do not push the end of the window."""
    started = ratelimit.time.time()
    ratelimit.hit("login:fixed", window=3600)
    # Fifty minutes later (for the cache too, which reckons its expiry times from time.time()).
    monkeypatch.setattr(ratelimit.time, "time", lambda: started + 3000)
    assert ratelimit.hit("login:fixed", window=3600) == 2
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT expires FROM frontloeber_cache WHERE cache_key LIKE %s",
            ["%" + ratelimit.cache_key("login:fixed")],
        )
        (expires,) = cursor.fetchone()
    if timezone.is_naive(expires):
        expires = timezone.make_aware(expires, datetime.UTC)
    # An hour from the first failure, not an hour from the last (which would be 50 minutes later still).
    assert abs(expires.timestamp() - (started + 3600)) < 5
