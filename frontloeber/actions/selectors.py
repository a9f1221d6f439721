"""Reads of the barrier register and the action items, each scoped to a workplace."""

from django.db.models import Case, Count, IntegerField, Prefetch, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _

from frontloeber.core.access import one_or_404

from .models import WAITING, ActionItem, Barrier, BarrierChange, Escalation


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


# --- Barriers raised to the organisation (issue 18, point 6) ------------------------------------------------


def organisation_raised_barriers(*, organisation, waiting_only=False):
    """The barriers the organisation's workplaces raised to it: those waiting for an answer first (the oldest
    raised first), then the answered ones, newest answer first."""
    barriers = Barrier.objects.filter(organisation=organisation).exclude(escalation="")
    if waiting_only:
        barriers = barriers.filter(escalation__in=WAITING)
    waiting_first = Case(
        When(escalation__in=WAITING, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return barriers.select_related("workplace", "raised_by").order_by(waiting_first, "raised_at", "pk")


def access_organisation_barrier(*, organisation, barrier_id):
    """A barrier raised to ``organisation``; 404 for any other (one not raised stays in its workplace)."""
    barriers = (
        Barrier.objects.filter(organisation=organisation, pk=barrier_id)
        .exclude(escalation="")
        .select_related("workplace", "organisation", "raised_by")
    )
    return one_or_404(barriers, _("No such barrier raised to this organisation."))


def barrier_escalation_history(*, barrier):
    """Each change of where the raised barrier stands, oldest first, with the state's label."""
    labels = dict(Escalation.choices)
    changes = list(
        BarrierChange.objects.filter(
            organisation_id=barrier.organisation_id, barrier=barrier, field=BarrierChange.Field.ESCALATION
        )
        .select_related("actor")
        .order_by("at", "pk")
    )
    for change in changes:
        change.label = labels.get(change.to_value, change.to_value)
    return changes


def overdue_raised_barriers(*, organisation, today):
    """{workplace id: how many barriers it raised are past the date the organisation promised an answer}."""
    return dict(
        Barrier.objects.filter(
            organisation=organisation, escalation=Escalation.TAKEN, answer_due_on__lt=today
        )
        .values("workplace_id")
        .annotate(n=Count("pk"))
        .values_list("workplace_id", "n")
    )


def organisation_links(*, organisation):
    """The organisation home's link to the barriers raised to it (``organisations.registry``)."""
    return [
        (
            _("Barriers raised to the organisation"),
            reverse("actions:organisation_barriers", kwargs={"org_slug": organisation.slug}),
        )
    ]
