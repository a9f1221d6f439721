"""Writes to the barrier register and the action items.

``barrier_create`` and ``action_item_create`` check who may add one here (anyone who contributes adds a
barrier; a leader hands out an action item). A workshop makes them from its posts under its own rule (the
session's facilitator), checks that itself, and calls ``barrier_add`` / ``action_item_add``, which check the
contents only.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.text import clean_text
from frontloeber.notifications.services import notification_create
from frontloeber.organisations.permissions import is_contributor, require_leader

from .models import ActionItem, ActionStatus, Barrier, BarrierKind, BarrierStatus
from .notification_kinds import Kind

WHAT_MAX = 200
BARRIER_MAX = 500
DUE_AHEAD_DAYS = 730


# --- Barriers ---------------------------------------------------------------------------------------------


@transaction.atomic
def barrier_create(*, actor, workplace, kind, description) -> Barrier:
    """Add a barrier to the register: time, worry or habit, and what it is."""
    if not is_contributor(user=actor, workplace=workplace):
        raise PermissionDenied(_("Only the workplace's employees and leaders can add barriers."))
    return barrier_add(actor=actor, workplace=workplace, kind=kind, description=description)


def barrier_add(*, actor, workplace, kind, description) -> Barrier:
    """The barrier, for a caller that has checked who may add it."""
    errors = {}
    if kind not in BarrierKind.values:
        errors["kind"] = _("Choose whether it is about time, worry or habit.")
    description = clean_text(
        description,
        field="description",
        required=True,
        max_length=BARRIER_MAX,
        errors=errors,
        required_message=_("Describe the barrier."),
    )
    if errors:
        raise ValidationError(errors)
    return Barrier.objects.create(workplace=workplace, kind=kind, description=description, created_by=actor)


@transaction.atomic
def barrier_update(*, actor, barrier, status) -> Barrier:
    require_leader(user=actor, workplace=barrier.workplace)
    if status not in BarrierStatus.values:
        raise ValidationError({"status": _("Choose one of the statuses.")})
    barrier.status = status
    barrier.updated_at = timezone.now()
    barrier.save(update_fields=["status", "updated_at"])
    return barrier


# --- Action items -----------------------------------------------------------------------------------------


@transaction.atomic
def action_item_create(
    *, actor, workplace, what, owner, due_on, barrier=None, idea=None, today=None
) -> ActionItem:
    """Somebody is to do something by a date. The owner is told, and reminded when it is due."""
    require_leader(user=actor, workplace=workplace)
    return action_item_add(
        actor=actor,
        workplace=workplace,
        what=what,
        owner=owner,
        due_on=due_on,
        barrier=barrier,
        idea=idea,
        today=today,
    )


def action_item_add(
    *, actor, workplace, what, owner, due_on, barrier=None, idea=None, today=None
) -> ActionItem:
    """The action item, for a caller that has checked who may hand it out; its owner is told."""
    for linked in (barrier, idea):
        if linked is not None and linked.workplace_id != workplace.pk:
            raise ValidationError(_("Choose something from this workplace."))
    what = _clean_action(
        workplace=workplace, what=what, owner=owner, due_on=due_on, today=today or timezone.localdate()
    )
    item = ActionItem.objects.create(
        workplace=workplace,
        what=what,
        owner=owner,
        due_on=due_on,
        barrier=barrier,
        idea=idea,
        created_by=actor,
    )
    notification_create(
        recipients=[owner],
        kind=Kind.ACTION_ITEM,
        workplace=workplace,
        actor=actor,
        detail=what,
        target_url=item_url(item),
    )
    return item


def _clean_action(*, workplace, what, owner, due_on, today):
    errors = {}
    what = clean_text(
        what,
        field="what",
        required=True,
        max_length=WHAT_MAX,
        errors=errors,
        required_message=_("Say what is to be done."),
    )
    if not is_contributor(user=owner, workplace=workplace):
        errors["owner"] = _("Choose an employee or leader of this workplace.")
    if not isinstance(due_on, datetime.date):
        errors["due_on"] = _("Give the day it is due.")
    elif due_on < today:
        errors["due_on"] = _("The due date cannot be in the past.")
    elif due_on > today + datetime.timedelta(days=DUE_AHEAD_DAYS):
        errors["due_on"] = _("Choose a date within two years from today.")
    if errors:
        raise ValidationError(errors)
    return what


def item_url(item):
    return reverse("actions:action_items", kwargs={"workplace_slug": item.workplace.slug})


@transaction.atomic
def action_item_update(*, actor, item, status) -> ActionItem:
    """The owner or a leader marks an item done, or opens it again."""
    if actor.pk != item.owner_id:
        require_leader(user=actor, workplace=item.workplace)
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose one of the statuses.")})
    item.status = status
    item.done_at = timezone.now() if status == ActionStatus.DONE else None
    item.save(update_fields=["status", "done_at"])
    return item


def action_items_remind(*, today=None) -> int:
    """The daily reminder: once the day before an item is due, and once more when it is overdue."""
    today = today or timezone.localdate()
    due = (
        ActionItem.objects.filter(
            status=ActionStatus.OPEN, owner__isnull=False, due_on__lte=today + datetime.timedelta(days=1)
        )
        .select_related("workplace", "owner")
        .order_by("pk")
    )
    sent = 0
    for item in due:
        first = item.reminded_on is None
        overdue_again = item.reminded_on is not None and item.reminded_on <= item.due_on < today
        if not (first or overdue_again):
            continue
        with transaction.atomic():
            notification_create(
                recipients=[item.owner],
                kind=Kind.ACTION_ITEM_DUE,
                workplace=item.workplace,
                detail=item.what,
                target_url=item_url(item),
            )
            ActionItem.objects.filter(pk=item.pk).update(reminded_on=today)
        sent += 1
    return sent
