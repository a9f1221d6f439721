"""The roll-up's generation: a token per organisation that moves on whenever anything its organisation-wide
figures rest on changes, so figures kept in the cache under the old token are never read again.

It lives in the shared cache, so every node sees a change at once. A token the cache has lost is replaced by
a new one, never by an old one, so figures kept before it was lost cannot come back.
"""

import time

from django.core.cache import cache


def _key(organisation_id):
    return f"reflection:rollup-generation:{organisation_id}"


def rollup_generation(*, organisation_id) -> int:
    key = _key(organisation_id)
    token = cache.get(key)
    if token is None:
        cache.add(key, time.time_ns(), None)
        token = cache.get(key)
    return token


def rollup_changed(*, organisation_id) -> None:
    cache.set(_key(organisation_id), time.time_ns(), None)
