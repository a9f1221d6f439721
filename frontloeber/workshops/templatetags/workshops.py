from django import template
from django.conf import settings
from django.utils import timezone

register = template.Library()


@register.simple_tag
def poll_every():
    """How often a live board asks for news, as htmx's ``every`` reads it (WORKSHOP_POLL_MS)."""
    return f"every {settings.WORKSHOP_POLL_MS}ms"


@register.filter
def seconds_left(moment):
    """Whole seconds from now until ``moment``, never below zero."""
    if moment is None:
        return 0
    return max(0, int((moment - timezone.now()).total_seconds()))


@register.filter
def clock(seconds):
    """Seconds as a countdown reads: 9:05, or 1:02:05 past an hour."""
    seconds = max(0, int(seconds or 0))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
