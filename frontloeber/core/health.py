"""Whether this node can serve: its database and its cache answer (the load balancer's health check)."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection

logger = logging.getLogger(__name__)


def health_report() -> dict[str, bool]:
    """{"database": ok, "cache": ok}: each checked with a round trip that changes nothing lasting."""
    return {"database": _database_answers(), "cache": _cache_answers()}


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # noqa: BLE001 — any failure means this node cannot serve
        logger.exception("Health check: the database did not answer")
        return False


_PROCESS = uuid.uuid4().hex


def _cache_answers() -> bool:
    # A key of this process's own: nodes sharing one cache would otherwise overwrite each other's value
    # between the set and the get, and read as down.
    key, value = f"health-check:{_PROCESS}", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        return cache.get(key) == value
    except Exception:  # noqa: BLE001 — any failure means this node cannot serve
        logger.exception("Health check: the cache did not answer")
        return False
