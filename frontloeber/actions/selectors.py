"""Reads of the barrier register and the action items, each scoped to a workplace."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from frontloeber.core.access import one_or_404

from .models import ActionItem, Barrier


def workplace_barriers(*, workplace, status=None):
    barriers = Barrier.objects.of(workplace)
    if status:
        barriers = barriers.filter(status=status)
    return barriers.select_related("created_by").prefetch_related(
        Prefetch("action_items", queryset=ActionItem.objects.select_related("owner").order_by("due_on", "pk"))
    )


def action_items_for(*, workplace, owner=None, status=None):
    items = ActionItem.objects.of(workplace)
    if owner is not None:
        items = items.filter(owner=owner)
    if status:
        items = items.filter(status=status)
    return items.select_related("owner", "barrier", "idea").order_by("status", "due_on", "pk")


def idea_action_items(*, idea, membership=None):
    """What the idea page shows from here: the idea's action items (registered in ``ideas.registry``)."""
    items = ActionItem.objects.filter(
        organisation_id=idea.organisation_id, workplace_id=idea.workplace_id, idea=idea
    )
    return {"action_items": list(items.select_related("owner").order_by("status", "due_on", "pk"))}


def access_barrier(*, workplace, barrier_id):
    barriers = Barrier.objects.of(workplace).filter(pk=barrier_id)
    return one_or_404(barriers, _("No such barrier in this workplace."))


def access_action_item(*, workplace, item_id):
    items = ActionItem.objects.select_related("workplace").of(workplace).filter(pk=item_id)
    return one_or_404(items, _("No such action item in this workplace."))
