from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.events import event_publish
from frontloeber.core.text import clean_text
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.services import notification_create
from frontloeber.organisations.models import Membership, Role

from .. import permissions
from ..models import (
    CLOSED,
    LEADER_MOVES,
    MESSAGE_MAX,
    NEED_MAX,
    OUTCOMES,
    QUESTION_FROM,
    REASON_REQUIRED,
    Comment,
    EventKind,
    Follow,
    IdeaStatus,
    Support,
)
from .base import (
    _author_and_followers,
    _clean_values,
    _event,
    _follow,
    _leaders,
    _lock,
    _require_status_by_hand,
)
from .engagement import _mark_leader_response

# --- The leader's answers ------------------------------------------------------------------------------


def _clean_message(message, *, required, required_message=None, field="message"):
    errors = {}
    message = clean_text(
        message,
        field=field,
        required=required,
        max_length=MESSAGE_MAX,
        errors=errors,
        required_message=required_message,
    )
    if errors:
        raise ValidationError(errors)
    return message


@transaction.atomic
def idea_acknowledge(*, actor, idea, message=""):
    """The leader's first answer: "tak, vi kigger på den". The idea leaves the inbox."""
    membership = permissions.require_leader(user=actor, workplace=idea.workplace)
    idea = _lock(idea)
    if idea.status in CLOSED:
        raise ValidationError(_("This idea is closed; there is nothing to acknowledge."))
    if idea.awaiting_leader_since is None:
        raise ValidationError(_("The idea is already answered; write a comment if you have more to say."))
    message = _clean_message(message, required=False) or _("Thank you, we will look at it.")
    now = timezone.now()
    fields = ["last_activity_at", *_mark_leader_response(idea, actor, membership, now)]
    idea.last_activity_at = now
    idea.save(update_fields=fields)
    _event(idea, actor, EventKind.ACKNOWLEDGED, message=message)
    notification_create(
        recipients=_author_and_followers(idea),
        kind=Kind.IDEA_RESPONSE,
        workplace=idea.workplace,
        actor=actor,
        subject=idea,
        detail=message,
    )
    return idea


@transaction.atomic
def idea_move(*, actor, idea, to_status, message=""):
    """Move the idea along the pipeline. Parking or stopping it needs a reason, which the author sees."""
    membership = permissions.require_leader(user=actor, workplace=idea.workplace)
    idea = _lock(idea)
    _require_status_by_hand(idea)
    if to_status not in IdeaStatus.values:
        raise ValidationError({"to_status": _("Choose a status from the list.")})
    allowed = LEADER_MOVES[IdeaStatus(idea.status)]
    if to_status not in allowed:
        raise ValidationError(
            {
                "to_status": _("An idea that is “%(from)s” cannot be moved to “%(to)s”.")
                % {"from": IdeaStatus(idea.status).label, "to": IdeaStatus(to_status).label}
            }
        )
    message = _clean_message(
        message,
        required=to_status in REASON_REQUIRED,
        required_message=_("Give the author a reason: what would have to change for the idea to go on?"),
    )
    now = timezone.now()
    return _change_status(
        idea, actor, to_status, message, now, _mark_leader_response(idea, actor, membership, now)
    )


@transaction.atomic
def idea_status_follow(*, actor, idea, to_status, message=""):
    """The idea's status follows its experiment or adoption plan (whose service checked the actor)."""
    idea = _lock(idea)
    if idea.status == to_status:
        return idea
    now = timezone.now()
    fields = ["awaiting_leader_since"]
    idea.awaiting_leader_since = None
    if idea.first_response_at is None:
        idea.first_response_at = now
        fields.append("first_response_at")
        event_publish(kind="idea.answered", subject=idea)
    return _change_status(idea, actor, to_status, message, now, fields)


def _change_status(idea, actor, to_status, message, now, extra_fields):
    """Set the status, save with the caller's other changes, record it and tell the author and followers."""
    before = idea.status
    idea.status = to_status
    idea.status_before_question = ""
    idea.last_activity_at = now
    idea.save(update_fields=["status", "status_before_question", "last_activity_at", *extra_fields])
    _event(idea, actor, EventKind.MOVED, from_status=before, to_status=to_status, message=message)
    if to_status in OUTCOMES:
        event_publish(kind="idea.decided", subject=idea)
    # Followers hear of outcomes; the steps in between (qualifying, say) only the author.
    told = _author_and_followers(idea) if to_status in OUTCOMES else [idea.author]
    notification_create(
        recipients=told,
        kind=Kind.IDEA_STATUS,
        workplace=idea.workplace,
        actor=actor,
        subject=idea,
        detail=message,
        status=to_status,
    )
    return idea


@transaction.atomic
def idea_ask(*, actor, idea, question):
    """Send the idea back to its author with a question; it returns to the leader when they answer."""
    membership = permissions.require_leader(user=actor, workplace=idea.workplace)
    idea = _lock(idea)
    if idea.status not in QUESTION_FROM:
        raise ValidationError(
            _("You can ask the author a question while the idea is new, maturing or parked.")
        )
    question = _clean_message(
        question, required=True, required_message=_("Write the question for the author."), field="question"
    )
    before = idea.status
    now = timezone.now()
    idea.status_before_question = before
    idea.status = IdeaStatus.NEEDS_INFO
    idea.last_activity_at = now
    fields = [
        "status",
        "status_before_question",
        "last_activity_at",
        *_mark_leader_response(idea, actor, membership, now),
    ]
    idea.save(update_fields=fields)
    _event(
        idea, actor, EventKind.ASKED, from_status=before, to_status=IdeaStatus.NEEDS_INFO, message=question
    )
    notification_create(
        recipients=[idea.author],
        kind=Kind.IDEA_QUESTION,
        workplace=idea.workplace,
        actor=actor,
        subject=idea,
        detail=question,
    )
    return idea


@transaction.atomic
def idea_answer(*, actor, idea, answer):
    """The author answers the leader's question; the idea goes back to the leader's inbox."""
    permissions.require_contributor(user=actor, workplace=idea.workplace)
    idea = _lock(idea)
    if idea.author_id != actor.pk:
        raise PermissionDenied(_("Only the author can answer the leader's question."))
    if idea.status != IdeaStatus.NEEDS_INFO:
        raise ValidationError(_("There is no open question on this idea."))
    answer = _clean_message(
        answer, required=True, required_message=_("Write your answer to the question."), field="answer"
    )
    now = timezone.now()
    back_to = idea.status_before_question or IdeaStatus.NEW
    idea.status = back_to
    idea.status_before_question = ""
    idea.awaiting_leader_since = now
    idea.last_activity_at = now
    idea.save(update_fields=["status", "status_before_question", "awaiting_leader_since", "last_activity_at"])
    _event(
        idea, actor, EventKind.ANSWERED, from_status=IdeaStatus.NEEDS_INFO, to_status=back_to, message=answer
    )
    notification_create(
        recipients=[*_leaders(idea.workplace), idea.responsible],
        kind=Kind.IDEA_ANSWER,
        workplace=idea.workplace,
        actor=actor,
        subject=idea,
        detail=answer,
    )
    return idea


@transaction.atomic
def idea_assign(*, actor, idea, responsible):
    """Make a member of the workplace (not an observer) responsible for the idea, or nobody (None)."""
    membership = permissions.require_leader(user=actor, workplace=idea.workplace)
    idea = _lock(idea)
    if idea.status in (IdeaStatus.WITHDRAWN, IdeaStatus.MERGED):
        raise ValidationError(_("This idea is closed; nobody can be responsible for it."))
    if (
        responsible is not None
        and not Membership.objects.filter(
            workplace=idea.workplace, user=responsible, role__in=[Role.EMPLOYEE, Role.LEADER]
        ).exists()
    ):
        raise ValidationError({"responsible": _("Choose an employee or leader of this workplace.")})
    now = timezone.now()
    idea.responsible = responsible
    idea.last_activity_at = now
    idea.save(
        update_fields=[
            "responsible",
            "last_activity_at",
            *_mark_leader_response(idea, actor, membership, now),
        ]
    )
    _event(idea, actor, EventKind.ASSIGNED, other_person=responsible)
    if responsible is not None:
        _follow(idea, responsible)
        notification_create(
            recipients=[responsible],
            kind=Kind.IDEA_ASSIGNED,
            workplace=idea.workplace,
            actor=actor,
            subject=idea,
        )
    return idea


@transaction.atomic
def idea_qualify(*, actor, idea, benefit, requirements, risks, measures, ready_to_test=False, values=None):
    """The four guiding questions, filled in by the author, the responsible person and the leader, and the
    three value axes (``values`` as the idea form gives them; None leaves them as they are): here the leader
    weighs what the author left not rated."""
    membership = permissions.require_qualify(user=actor, idea=idea)
    idea = _lock(idea)
    if idea.status in CLOSED:
        raise ValidationError(_("This idea is closed; its qualification can no longer change."))
    errors = {}
    answers = {"benefit": benefit, "requirements": requirements, "risks": risks, "measures": measures}
    fields = {
        f"qualification_{name}": clean_text(
            answer, field=name, required=False, max_length=NEED_MAX, errors=errors
        )
        for name, answer in answers.items()
    }
    ready_to_test = bool(ready_to_test)
    if ready_to_test and not all(fields.values()):
        errors["ready_to_test"] = _("Answer all four questions before marking the idea ready to test.")
    if values is not None:
        fields.update(_clean_values(values, errors))
    if ready_to_test != idea.ready_to_test and not permissions.can_mark_ready(
        membership=membership, idea=idea
    ):
        errors["ready_to_test"] = _(
            "Only a leader or the responsible person can mark the idea ready to test."
        )
    if errors:
        raise ValidationError(errors)
    became_ready = ready_to_test and not idea.ready_to_test
    for name, value in fields.items():
        setattr(idea, name, value)
    idea.ready_to_test = ready_to_test
    idea.last_activity_at = timezone.now()
    idea.save(update_fields=[*fields, "ready_to_test", "last_activity_at"])
    _event(idea, actor, EventKind.READY if became_ready else EventKind.QUALIFIED)
    return idea


@transaction.atomic
def idea_merge(*, actor, idea, into):
    """Merge a duplicate into another idea: its supports, followers and comments move over, and its author
    is told where their idea went."""
    permissions.require_leader(user=actor, workplace=idea.workplace)
    if into is None or into.workplace_id != idea.workplace_id:
        raise ValidationError({"into": _("Choose another idea from this workplace.")})
    if into.pk == idea.pk:
        raise ValidationError({"into": _("An idea cannot be merged into itself.")})
    first, second = sorted([idea, into], key=lambda i: i.pk)
    locked = {i.pk: _lock(i) for i in (first, second)}
    idea, into = locked[idea.pk], locked[into.pk]
    if idea.status in CLOSED:
        raise ValidationError(_("This idea is closed and cannot be merged."))
    _require_status_by_hand(idea)
    if into.status in {IdeaStatus.WITHDRAWN, IdeaStatus.MERGED}:
        raise ValidationError({"into": _("Choose an idea that is still open.")})
    already_supporting = set(Support.objects.filter(idea=into).values_list("user_id", flat=True))
    Support.objects.filter(idea=idea, user_id__in=already_supporting | {into.author_id}).delete()
    Support.objects.filter(idea=idea).update(idea=into)
    already_following = set(Follow.objects.filter(idea=into).values_list("user_id", flat=True))
    Follow.objects.filter(idea=idea, user_id__in=already_following).delete()
    Follow.objects.filter(idea=idea).update(idea=into)
    moved_comments = Comment.objects.filter(idea=idea).update(idea=into)
    now = timezone.now()
    before = idea.status
    idea.status = IdeaStatus.MERGED
    idea.merged_into = into
    idea.awaiting_leader_since = None
    idea.support_count = 0
    idea.comment_count = 0
    idea.last_activity_at = now
    idea.save(
        update_fields=[
            "status",
            "merged_into",
            "awaiting_leader_since",
            "support_count",
            "comment_count",
            "last_activity_at",
        ]
    )
    into.support_count = Support.objects.filter(idea=into).count()
    into.comment_count = F("comment_count") + moved_comments
    into.last_activity_at = now
    into.save(update_fields=["support_count", "comment_count", "last_activity_at"])
    into.refresh_from_db(fields=["comment_count"])
    _event(
        idea, actor, EventKind.MERGED_AWAY, from_status=before, to_status=IdeaStatus.MERGED, other_idea=into
    )
    _event(into, actor, EventKind.MERGED_IN, other_idea=idea)
    notification_create(
        recipients=[idea.author],
        kind=Kind.IDEA_MERGED,
        workplace=idea.workplace,
        actor=actor,
        subject=into,
        detail=idea.title,
    )
    return into
