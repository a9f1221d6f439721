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

from frontloeber.core.events import event_publish
from frontloeber.core.text import clean_text
from frontloeber.notifications.models import Audience
from frontloeber.notifications.services import notification_create
from frontloeber.organisations.permissions import is_contributor, require_administer, require_leader
from frontloeber.organisations.selectors import organisation_admins

from .models import (
    ANSWERED,
    ActionItem,
    ActionStatus,
    Barrier,
    BarrierChange,
    BarrierKind,
    BarrierStatus,
    Escalation,
    RaisedKind,
)
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
    if status == barrier.status:
        return barrier
    now = timezone.now()
    BarrierChange.objects.create(
        workplace=barrier.workplace,
        barrier=barrier,
        field=BarrierChange.Field.STATUS,
        from_value=barrier.status,
        to_value=status,
        actor=actor,
        at=now,
    )
    barrier.status = status
    barrier.updated_at = now
    barrier.save(update_fields=["status", "updated_at"])
    return barrier


# --- Barriers raised to the organisation (issue 18, point 6) ------------------------------------------------

RAISED_WHY_MAX = 1000
ANSWER_MAX = 2000
ANSWERER_MAX = 200
ANSWER_AHEAD_DAYS = 365


def _lock_barrier(barrier):
    return Barrier.objects.select_for_update().select_related("workplace", "organisation").get(pk=barrier.pk)


def _escalation_changed(barrier, *, actor, to, note="", at):
    BarrierChange.objects.create(
        workplace=barrier.workplace,
        barrier=barrier,
        field=BarrierChange.Field.ESCALATION,
        from_value=barrier.escalation,
        to_value=to,
        note=note,
        actor=actor,
        at=at,
    )
    barrier.escalation = to


def organisation_barriers_url(barrier):
    return reverse(
        "actions:organisation_barrier",
        kwargs={"org_slug": barrier.organisation.slug, "barrier_id": barrier.pk},
    )


@transaction.atomic
def barrier_raise(*, actor, barrier, kind, why) -> Barrier:
    """A leader raises a barrier of the register to the organisation, when removing it needs a decision
    above the workplace. The organisation's admins are told."""
    require_leader(user=actor, workplace=barrier.workplace)
    barrier = _lock_barrier(barrier)
    errors = {}
    if barrier.waits_for_answer:
        errors["kind"] = _("The barrier is already raised to the organisation and waits for its answer.")
    elif barrier.status == BarrierStatus.REMOVED:
        errors["kind"] = _("The barrier is removed; there is nothing to raise.")
    if kind not in RaisedKind.values:
        errors["kind"] = _("Choose what the decision is about.")
    why = clean_text(
        why, field="why", required=True, max_length=RAISED_WHY_MAX, errors=errors,
        required_message=_("Say why it needs a decision above the workplace."),
    )  # fmt: skip
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    _escalation_changed(barrier, actor=actor, to=Escalation.RAISED, note=why, at=now)
    barrier.raised_kind, barrier.raised_why, barrier.raised_by, barrier.raised_at = kind, why, actor, now
    barrier.answerer, barrier.answer_due_on, barrier.answer, barrier.answered_at = "", None, "", None
    barrier.save()
    event_publish(kind="barrier.raised", subject=barrier)
    notification_create(
        recipients=organisation_admins(organisation_id=barrier.organisation_id),
        kind=Kind.BARRIER_RAISED,
        workplace=barrier.workplace,
        actor=actor,
        detail=barrier.description[:200],
        target_url=organisation_barriers_url(barrier),
        audience=Audience.ADMINS,
    )
    return barrier


@transaction.atomic
def barrier_take(*, actor, barrier, answerer, due_on, today=None) -> Barrier:
    """An organisation admin takes a raised barrier up: who answers it, and by when."""
    require_administer(user=actor, organisation=barrier.organisation)
    barrier = _lock_barrier(barrier)
    today = today or timezone.localdate()
    errors = {}
    if not barrier.waits_for_answer:
        errors["answerer"] = _("Only a barrier raised and not yet answered can be taken up.")
    answerer = clean_text(
        answerer, field="answerer", required=True, max_length=ANSWERER_MAX, errors=errors,
        required_message=_("Name who answers it."),
    )  # fmt: skip
    if due_on is None:
        errors["due_on"] = _("Say by when it will be answered.")
    elif not today <= due_on <= today + datetime.timedelta(days=ANSWER_AHEAD_DAYS):
        errors["due_on"] = _("Choose a date from today and within a year.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    note = f"{answerer} · {due_on.isoformat()}"
    _escalation_changed(barrier, actor=actor, to=Escalation.TAKEN, note=note, at=now)
    barrier.answerer, barrier.answer_due_on = answerer, due_on
    barrier.save(update_fields=["escalation", "answerer", "answer_due_on"])
    return barrier


@transaction.atomic
def barrier_answer(*, actor, barrier, outcome, answer) -> Barrier:
    """The organisation's answer: resolved, declined (with the reason) or forwarded (to whom, and why). The
    leader who raised it is told, and the team reads the answer on the barrier."""
    require_administer(user=actor, organisation=barrier.organisation)
    barrier = _lock_barrier(barrier)
    errors = {}
    if not barrier.waits_for_answer:
        errors["outcome"] = _("Only a barrier raised and not yet answered can be answered.")
    if outcome not in ANSWERED:
        errors["outcome"] = _("Choose resolved, declined or forwarded.")
    answer = clean_text(
        answer, field="answer", required=True, max_length=ANSWER_MAX, errors=errors,
        required_message=_("Write the answer: what was decided, or why not."),
    )  # fmt: skip
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    _escalation_changed(barrier, actor=actor, to=outcome, note=answer, at=now)
    barrier.answer, barrier.answered_at = answer, now
    barrier.save(update_fields=["escalation", "answer", "answered_at"])
    notification_create(
        recipients=[barrier.raised_by],
        kind=Kind.BARRIER_ANSWERED,
        workplace=barrier.workplace,
        actor=actor,
        detail=barrier.description[:200],
        status=outcome,
        target_url=reverse("actions:barrier_list", kwargs={"workplace_slug": barrier.workplace.slug})
        + f"#barrier-{barrier.pk}",
    )
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
