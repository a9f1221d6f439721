"""A workplace's work generation: a token that moves on whenever something its figures rest on is written
(signals.py), so figures kept in the cache under the old token are never read again. In the shared cache, so
every node sees a change at once; a token the cache has lost is replaced by a new one, never an old one."""

import time

from django.core.cache import cache


def _key(workplace_id):
    return f"insights:work-generation:{workplace_id}"


def work_generation(*, workplace_id) -> int:
    key = _key(workplace_id)
    token = cache.get(key)
    if token is None:
        cache.add(key, time.time_ns(), None)
        token = cache.get(key)
    return token


def work_changed(*, workplace_id) -> None:
    cache.set(_key(workplace_id), time.time_ns(), None)
