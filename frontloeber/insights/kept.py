"""The counted work, kept in the shared cache: counting a large workplace's two years of work takes a tenth
of a second, and the organisation's thousand workplaces a second or more, while the figures change far less
often than the pages are read.

A workplace's figures are kept until its work generation moves on (a write to what they count), the day
changes, or ``WORKPLACE_KEPT_FOR`` has passed. The organisation's table is kept for ``ORGANISATION_KEPT_FOR``
whatever changes, since any write in any workplace would move it on; a nightly task counts it ahead
(``organisation_tables_count``), and the page says when it was counted.
"""

import hashlib

from django.core.cache import cache
from django.utils import timezone

from .counting import count_work
from .generation import work_generation

# Part of every key: a release that changes what is kept moves it on, so no node reads another's old shape.
KEPT_VERSION = 2
WORKPLACE_KEPT_FOR = 60 * 60  # seconds
ORGANISATION_KEPT_FOR = 15 * 60


def workplace_work(*, workplace, quarters, now=None):
    """``count_work`` for one workplace, from the cache while nothing it counts has changed."""
    now = now or timezone.now()
    key = ":".join(
        str(part)
        for part in (
            "insights:workplace-work",
            KEPT_VERSION,
            workplace.pk,
            quarters[0],
            quarters[-1],
            timezone.localdate(now).isoformat(),
            workplace.response_target_days,
            workplace.organisation.reflection_threshold,
            work_generation(workplace_id=workplace.pk),
        )
    )
    work = cache.get(key)
    if work is None:
        work = count_work(
            organisation=workplace.organisation, workplaces=[workplace], quarters=quarters, now=now
        )
        cache.set(key, work, WORKPLACE_KEPT_FOR)
    return work


def organisation_work(*, organisation, workplaces, quarter, now=None):
    """``count_work`` for a few workplaces of ``organisation`` (a leader group's) and one quarter, from the
    cache for up to ``ORGANISATION_KEPT_FOR``."""
    now = now or timezone.now()
    ids = ",".join(str(w.pk) for w in workplaces)
    key = ":".join(
        (
            "insights:organisation-work",
            str(KEPT_VERSION),
            str(organisation.pk),
            str(quarter),
            timezone.localdate(now).isoformat(),
            hashlib.sha256(ids.encode()).hexdigest()[:16],
            str(organisation.reflection_threshold),
        )
    )
    work = cache.get(key)
    if work is None:
        work = count_work(organisation=organisation, workplaces=workplaces, quarters=[quarter], now=now)
        cache.set(key, work, ORGANISATION_KEPT_FOR)
    return work


ROWS_PER_PAGE = 25


def _pages(rows):
    return max(1, -(-rows // ROWS_PER_PAGE))


def kept_table(*, organisation, quarter, filters, page, count, now=None, fresh=False):
    """The organisation's table, ``count()`` -> (summary, rows) counted once and kept: the summary under one
    key and the rows a page (ROWS_PER_PAGE) under each of the next, so a page reads its 25 rows, not a
    thousand. ``page`` is a page number (1 …), or None for every row. Counted again when ``fresh``, after
    ``ORGANISATION_KEPT_FOR``, or when a part is missing."""
    now = now or timezone.now()
    key = ":".join(
        str(part)
        for part in (
            "insights:table",
            KEPT_VERSION,
            organisation.pk,
            quarter,
            *filters,
            timezone.localdate(now).isoformat(),
            organisation.reflection_threshold,
        )
    )
    summary = None if fresh else cache.get(key)
    if summary is not None:
        pages = _pages(summary.rows)
        wanted = [f"{key}:{n}" for n in (range(pages) if page is None else [min(page, pages) - 1])]
        found = cache.get_many(wanted)
        if len(found) == len(wanted):
            return summary, [row for part in wanted for row in found[part]]
    summary, rows = count()
    parts = {
        f"{key}:{n}": rows[n * ROWS_PER_PAGE : (n + 1) * ROWS_PER_PAGE] for n in range(_pages(len(rows)))
    }
    cache.set_many(parts, ORGANISATION_KEPT_FOR)
    cache.set(key, summary, ORGANISATION_KEPT_FOR)
    if page is None:
        return summary, rows
    start = (max(1, min(page, len(parts))) - 1) * ROWS_PER_PAGE
    return summary, rows[start : start + ROWS_PER_PAGE]
