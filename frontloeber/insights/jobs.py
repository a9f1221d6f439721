"""The nightly job of insights (registered in ``notifications.registry.daily_jobs``)."""

from django.utils import timezone

from frontloeber.organisations.models import Organisation

from .periods import Quarter
from .selectors import organisation_table


def organisation_tables_count(*, now=None) -> int:
    """Count every organisation's table for the quarter ahead of the day, so its admins' first look reads it
    from the cache. Returns how many organisations were counted."""
    now = now or timezone.now()
    quarter = Quarter.current(timezone.localdate(now))
    counted = 0
    for organisation in Organisation.objects.order_by("pk"):
        organisation_table(organisation=organisation, quarter=quarter, page=1, now=now, fresh=True)
        counted += 1
    return counted
