"""Reads for the workshop library."""

from collections import defaultdict

from django.db.models import Prefetch

from .models import WorkshopFormat, WorkshopStep


def format_list(*, practice=None):
    formats = WorkshopFormat.objects.order_by("number")
    if practice:
        formats = formats.filter(practice=practice)
    return formats


def access_format(*, slug):
    """A format with its steps, or None."""
    return (
        WorkshopFormat.objects.prefetch_related(
            Prefetch("steps", queryset=WorkshopStep.objects.order_by("position"))
        )
        .filter(slug=slug)
        .first()
    )


def formats_by_practice():
    """{practice code: [formats]}, in one query: the reflection report suggests them for weak practices."""
    grouped = defaultdict(list)
    for workshop in WorkshopFormat.objects.order_by("number"):
        grouped[workshop.practice].append(workshop)
    return grouped
