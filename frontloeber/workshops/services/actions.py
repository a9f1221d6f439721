import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.text import clean_text
from frontloeber.notifications.services import notification_create
from frontloeber.organisations.permissions import is_contributor, require_leader

from ..models import (
    ActionItem,
    ActionStatus,
    Barrier,
    BarrierKind,
    BarrierStatus,
    OutputKind,
)
from ..notification_kinds import Kind
from .live import _bump
from .outputs import (
    BARRIER_MAX,
    DUE_AHEAD_DAYS,
    WHAT_MAX,
    _output,
    _require_not_converted,
    _require_same_workplace,
)
from .room import _facilitated


@transaction.atomic
def barrier_create(*, actor, workplace, kind, description, session=None, post=None) -> Barrier:
    """Add a barrier to the register: time, worry or habit, and what it is."""
    if post is not None:
        session = post.session
    if session is not None:
        # What a session found is added by its facilitator; anyone who may contribute adds to the register.
        session = _facilitated(actor, session)
        _require_same_workplace(session, workplace)
        _require_not_converted(post, OutputKind.BARRIER)
    elif not is_contributor(user=actor, workplace=workplace):
        raise PermissionDenied(_("Only the workplace's employees and leaders can add barriers."))
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
    barrier = Barrier.objects.create(
        organisation_id=workplace.organisation_id,
        workplace=workplace,
        kind=kind,
        description=description,
        created_by=actor,
    )
    if session is not None:
        _output(session, post, OutputKind.BARRIER, actor, barrier=barrier)
        _bump(session)
    return barrier


@transaction.atomic
def barrier_update(*, actor, barrier, status) -> Barrier:
    require_leader(user=actor, workplace=barrier.workplace)
    if status not in BarrierStatus.values:
        raise ValidationError({"status": _("Choose one of the statuses.")})
    barrier.status = status
    barrier.updated_at = timezone.now()
    barrier.save(update_fields=["status", "updated_at"])
    return barrier


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


@transaction.atomic
def action_item_create(
    *, actor, workplace, what, owner, due_on, barrier=None, idea=None, post=None, session=None, today=None
) -> ActionItem:
    """Somebody is to do something by a date. The owner is told, and reminded when it is due."""
    if post is not None:
        session = post.session
    if session is not None:
        session = _facilitated(actor, session)
        _require_same_workplace(session, workplace)
        _require_not_converted(post, OutputKind.ACTION_ITEM)
    else:
        require_leader(user=actor, workplace=workplace)
    for linked in (barrier, idea):
        if linked is not None and linked.workplace_id != workplace.pk:
            raise ValidationError(_("Choose something from this workplace."))
    what = _clean_action(
        workplace=workplace, what=what, owner=owner, due_on=due_on, today=today or timezone.localdate()
    )
    item = ActionItem.objects.create(
        organisation_id=workplace.organisation_id,
        workplace=workplace,
        what=what,
        owner=owner,
        due_on=due_on,
        barrier=barrier,
        idea=idea,
        created_by=actor,
    )
    if session is not None:
        _output(session, post, OutputKind.ACTION_ITEM, actor, action_item=item)
        _bump(session)
    notification_create(
        recipients=[owner],
        kind=Kind.ACTION_ITEM,
        workplace=workplace,
        actor=actor,
        detail=what,
        target_url=item_url(item),
    )
    return item


def item_url(item):
    from django.urls import reverse

    return reverse("workshops:action_items", kwargs={"workplace_slug": item.workplace.slug})


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
