import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.events import event_publish
from frontloeber.core.text import clean_text
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.services import notification_create
from frontloeber.organisations.models import Role

from .. import permissions
from ..models import (
    COMMENT_MAX,
    Comment,
    Follow,
    Idea,
    IdeaStatus,
    Support,
)
from .base import _author_and_followers, _follow, _lock

# --- Supports, follows, comments ---------------------------------------------------------------------


@transaction.atomic
def idea_support(*, actor, idea, support=True):
    """Support the idea (once per person), or take the support back; returns whether they now support it."""
    membership = permissions.require_contributor(user=actor, workplace=idea.workplace)
    if support and idea.author_id == actor.pk:
        raise ValidationError(_("You cannot support your own idea, but your colleagues can."))
    if support and not permissions.can_support(membership=membership, idea=idea):
        raise ValidationError(_("This idea is closed and cannot be supported."))
    if support:
        _row, created = Support.objects.get_or_create(
            idea=idea,
            user=actor,
            defaults={"organisation_id": idea.organisation_id, "workplace_id": idea.workplace_id},
        )
        if created:
            Idea.objects.filter(pk=idea.pk).update(
                support_count=F("support_count") + 1, updated_at=timezone.now()
            )
    else:
        deleted, _rows = Support.objects.filter(idea=idea, user=actor).delete()
        if deleted:
            Idea.objects.filter(pk=idea.pk).update(
                support_count=F("support_count") - 1, updated_at=timezone.now()
            )
    idea.refresh_from_db(fields=["support_count"])
    return support


@transaction.atomic
def idea_follow(*, actor, idea, follow=True):
    """Follow or stop following. Observers change nothing, so they do not follow; anyone may stop."""
    if follow:
        permissions.require_contributor(user=actor, workplace=idea.workplace)
    if follow:
        _follow(idea, actor)
    else:
        Follow.objects.filter(idea=idea, user=actor).delete()
    return follow


def _mark_leader_response(idea, actor, membership, now):
    """A leader's action answers an idea that was waiting for them (not one that is closed)."""
    if membership.role != Role.LEADER or idea.status in (IdeaStatus.WITHDRAWN, IdeaStatus.MERGED):
        return []
    fields = []
    if idea.first_response_at is None:
        idea.first_response_at = now
        fields.append("first_response_at")
        event_publish(kind="idea.answered", subject=idea)
    if idea.awaiting_leader_since is not None:
        idea.awaiting_leader_since = None
        fields.append("awaiting_leader_since")
    return fields


@transaction.atomic
def comment_create(*, actor, idea, body, submission_key=None):
    """Post a comment. A second post with the same ``submission_key`` (a device's queue sending again after
    an answer it never heard) returns the first comment."""
    membership = permissions.require_contributor(user=actor, workplace=idea.workplace)
    errors = {}
    body = clean_text(
        body,
        field="body",
        required=True,
        max_length=COMMENT_MAX,
        errors=errors,
        required_message=_("Write a comment first."),
    )
    if errors:
        raise ValidationError(errors)
    idea = _lock(idea)
    if idea.status == IdeaStatus.MERGED:
        raise ValidationError(_("This idea was merged into another; comment there instead."))
    now = timezone.now()
    repeat = Comment.objects.filter(
        idea=idea, author=actor, body=body, created_at__gte=now - datetime.timedelta(minutes=1)
    ).first()
    if repeat is not None:  # a double submit
        return repeat
    if submission_key is not None:
        # Read under the idea's lock: a second send waits for the first to finish and then finds its comment.
        earlier = Comment.objects.filter(author=actor, submission_key=submission_key).first()
        if earlier is not None:
            if earlier.idea_id == idea.pk:
                return earlier
            submission_key = None  # a key already used on another idea says nothing about this one
    row = {
        "organisation_id": idea.organisation_id,
        "workplace_id": idea.workplace_id,
        "idea": idea,
        "author": actor,
        "body": body,
        "by_leader": membership.role == Role.LEADER,
        "created_at": now,
    }
    try:
        with transaction.atomic():
            comment = Comment.objects.create(**row, submission_key=submission_key)
    except IntegrityError:
        # The key was used on another idea at the same moment (the idea's lock holds only this one).
        comment = Comment.objects.create(**row)
    fields = ["comment_count", "last_activity_at", *_mark_leader_response(idea, actor, membership, now)]
    idea.comment_count = F("comment_count") + 1
    idea.last_activity_at = now
    idea.save(update_fields=fields)
    idea.refresh_from_db(fields=["comment_count"])
    notification_create(
        recipients=_author_and_followers(idea),
        kind=Kind.IDEA_COMMENT,
        workplace=idea.workplace,
        actor=actor,
        subject=idea,
        detail=body,
    )
    _follow(idea, actor)
    return comment


@transaction.atomic
def comment_update(*, actor, comment, body):
    permissions.require_contributor(user=actor, workplace=comment.idea.workplace)
    if comment.author_id != actor.pk:
        raise PermissionDenied(_("Only the person who wrote a comment can edit it."))
    if timezone.now() > comment.editable_until():
        raise ValidationError(_("A comment can be edited for 15 minutes after it was written."))
    errors = {}
    body = clean_text(
        body,
        field="body",
        required=True,
        max_length=COMMENT_MAX,
        errors=errors,
        required_message=_("Write a comment first."),
    )
    if errors:
        raise ValidationError(errors)
    comment.body = body
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment
