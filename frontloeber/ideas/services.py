"""Writes for challenges and ideas. Each checks the actor's standing itself and records the idea's history."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from frontloeber.core.images import clean_image
from frontloeber.core.text import clean_text
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.services import notification_create
from frontloeber.organisations.models import Membership, Role

from . import permissions, registry, search
from .models import (
    CLOSED,
    COMMENT_MAX,
    DESCRIPTION_MAX,
    LEADER_MOVES,
    MAX_IMAGES,
    MESSAGE_MAX,
    NEED_MAX,
    QUESTION_FROM,
    REASON_REQUIRED,
    TITLE_MAX,
    WHY_MAX,
    Challenge,
    Comment,
    EventKind,
    Follow,
    Idea,
    IdeaEvent,
    IdeaImage,
    IdeaStatus,
    Support,
    Tag,
    ValueAxis,
)

MAX_TAGS = 8
TAG_MAX = 40


# --- Validation helpers -----------------------------------------------------------------------------


def _clean_values(values, errors):
    cleaned = {}
    for axis in ValueAxis:
        score, why = (values or {}).get(axis.value, (0, ""))
        try:
            score = int(score)
        except (TypeError, ValueError):
            score = -1
        if not 0 <= score <= 3:
            errors[f"value_{axis.value}"] = _("Choose a value from 0 to 3.")
        cleaned[f"value_{axis.value}"] = score
        cleaned[f"value_{axis.value}_why"] = clean_text(
            why, field=f"value_{axis.value}_why", required=False, max_length=WHY_MAX, errors=errors
        )
    return cleaned


def _clean_tag_names(tag_names, errors):
    names, keys = [], set()
    for raw in tag_names or []:
        name = " ".join(str(raw).split()).strip(" ,#")
        if not name:
            continue
        if len(name) > TAG_MAX or len(name.lower()) > TAG_MAX:
            errors["tags"] = _("A tag can be at most %(max)d characters.") % {"max": TAG_MAX}
            continue
        if name.lower() not in keys:
            keys.add(name.lower())
            names.append(name)
    if len(names) > MAX_TAGS:
        errors["tags"] = _("Use at most %(max)d tags.") % {"max": MAX_TAGS}
    return names


def _tags(organisation, names):
    tags = []
    for name in names:
        tag, _created = Tag.objects.get_or_create(
            organisation=organisation, key=name.lower(), defaults={"name": name}
        )
        tags.append(tag)
    return tags


def _clean_images(images, *, existing=0):
    images = [image for image in images or [] if image]
    if existing + len(images) > MAX_IMAGES:
        raise ValidationError(
            {"images": _("An idea can have at most %(max)d pictures.") % {"max": MAX_IMAGES}}
        )
    return [clean_image(image, field="images") for image in images]


def _save_images(idea, cleaned, actor):
    for content, content_type in cleaned:
        picture = IdeaImage(
            organisation_id=idea.organisation_id,
            workplace_id=idea.workplace_id,
            idea=idea,
            content_type=content_type,
            uploaded_by=actor,
        )
        picture.image.save(content.name, content, save=False)
        picture.save()


def _event(
    idea, actor, kind, *, from_status="", to_status="", message="", other_idea=None, other_person=None
):
    return IdeaEvent.objects.create(
        organisation_id=idea.organisation_id,
        workplace_id=idea.workplace_id,
        idea=idea,
        actor=actor,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        message=message,
        other_idea=other_idea,
        other_person=other_person,
    )


def _leaders(workplace):
    return [
        m.user
        for m in Membership.objects.select_related("user").filter(workplace=workplace, role=Role.LEADER)
    ]


def _author_and_followers(idea):
    followers = [f.user for f in Follow.objects.select_related("user").filter(idea=idea)]
    return [idea.author, *followers]


def _require_status_by_hand(idea):
    for guard in registry.manual_status_guards:
        guard(idea=idea)


def _lock(idea):
    """Re-read the idea under a row lock, so two leaders acting at once act one after the other.

    Only the idea's row (``of``): without it PostgreSQL locks every joined row too, the workplace, the
    organisation and the author, which every idea, comment and support in the workplace refers to, and a
    comment and a colleague's write then each waited for the other (a deadlock). A service that locks an
    idea and one of its experiments or plans locks the idea first (experiments.services)."""
    return (
        Idea.objects.select_for_update(of=("self",))
        .select_related("workplace__organisation", "author")
        .get(pk=idea.pk)
    )


def _follow(idea, user):
    Follow.objects.get_or_create(
        idea=idea,
        user=user,
        defaults={"organisation_id": idea.organisation_id, "workplace_id": idea.workplace_id},
    )


# --- Challenges ---------------------------------------------------------------------------------------


def _clean_challenge(*, title, description, opens_on, closes_on):
    errors = {}
    title = clean_text(
        title,
        field="title",
        required=True,
        max_length=TITLE_MAX,
        errors=errors,
        required_message=_("Write the challenge as a question, e.g. “How can we …?”."),
    )
    description = clean_text(
        description, field="description", required=False, max_length=NEED_MAX, errors=errors
    )
    if not opens_on:
        errors["opens_on"] = _("Give the date the challenge opens.")
    if not closes_on:
        errors["closes_on"] = _("Give the date the challenge closes.")
    if opens_on and closes_on and closes_on < opens_on:
        errors["closes_on"] = _("The challenge must close on or after the day it opens.")
    if errors:
        raise ValidationError(errors)
    return {"title": title, "description": description, "opens_on": opens_on, "closes_on": closes_on}


@transaction.atomic
def challenge_create(*, actor, workplace, title, description="", opens_on, closes_on):
    permissions.require_leader(user=actor, workplace=workplace)
    fields = _clean_challenge(title=title, description=description, opens_on=opens_on, closes_on=closes_on)
    return Challenge.objects.create(
        organisation_id=workplace.organisation_id, workplace=workplace, created_by=actor, **fields
    )


@transaction.atomic
def challenge_update(*, actor, challenge, title, description="", opens_on, closes_on):
    permissions.require_leader(user=actor, workplace=challenge.workplace)
    fields = _clean_challenge(title=title, description=description, opens_on=opens_on, closes_on=closes_on)
    for name, value in fields.items():
        setattr(challenge, name, value)
    challenge.save(update_fields=list(fields))
    return challenge


# --- Ideas ----------------------------------------------------------------------------------------------


# The idea's text fields: (longest length, message when it is missing; None when it may be empty).
IDEA_TEXT = {
    "title": (TITLE_MAX, _lazy("Give the idea a short title.")),
    "need": (NEED_MAX, _lazy("Describe the need or problem the idea answers.")),
    "description": (DESCRIPTION_MAX, _lazy("Describe the idea itself.")),
    "concerns": (NEED_MAX, None),
}


def _clean_idea(*, workplace, title, need, description, concerns, values, tag_names, challenge, errors):
    given = {"title": title, "need": need, "description": description, "concerns": concerns}
    fields = {
        name: clean_text(
            given[name],
            field=name,
            required=missing is not None,
            max_length=max_length,
            errors=errors,
            required_message=missing,
        )
        for name, (max_length, missing) in IDEA_TEXT.items()
    }
    fields.update(_clean_values(values, errors))
    names = _clean_tag_names(tag_names, errors)
    if challenge is not None and challenge.workplace_id != workplace.pk:
        errors["challenge"] = _("Choose one of this workplace's challenges.")
    return fields, names


@transaction.atomic
def idea_create(
    *,
    actor,
    workplace,
    title,
    need,
    description,
    values=None,
    concerns="",
    tag_names=(),
    challenge=None,
    images=(),
    submission_key=None,
):
    """Submit an idea. A second submit with the same ``submission_key`` returns the first idea unchanged."""
    membership = permissions.require_contributor(user=actor, workplace=workplace)
    if submission_key is not None:
        existing = Idea.objects.filter(author=actor, submission_key=submission_key).first()
        if existing is not None:
            if (existing.title, existing.need) == ((title or "").strip(), (need or "").strip()):
                return existing
            # The same form sent again with other words (back, rewrite, submit): a new idea.
            submission_key = None
    errors = {}
    fields, names = _clean_idea(
        workplace=workplace,
        title=title,
        need=need,
        description=description,
        concerns=concerns,
        values=values,
        tag_names=tag_names,
        challenge=challenge,
        errors=errors,
    )
    if challenge is not None and "challenge" not in errors and not challenge.is_open():
        errors["challenge"] = _("This challenge is closed; submit the idea without it or pick an open one.")
    if errors:
        raise ValidationError(errors)
    cleaned_images = _clean_images(images)
    now = timezone.now()
    try:
        with transaction.atomic():
            idea = Idea.objects.create(
                organisation_id=workplace.organisation_id,
                workplace=workplace,
                author=actor,
                challenge=challenge,
                status=IdeaStatus.NEW,
                created_at=now,
                last_activity_at=now,
                # A leader's own idea needs no answer from themself.
                awaiting_leader_since=None if membership.role == Role.LEADER else now,
                submission_key=submission_key,
                **fields,
            )
    except IntegrityError:
        # The same form was submitted twice at the same moment: the other request made the idea.
        return Idea.objects.get(author=actor, submission_key=submission_key)
    tags = _tags(workplace.organisation, names)
    idea.tags.set(tags)
    _save_images(idea, cleaned_images, actor)
    search.index(idea, [tag.name for tag in tags])
    _follow(idea, actor)
    _event(idea, actor, EventKind.SUBMITTED, to_status=IdeaStatus.NEW)
    notification_create(
        recipients=_leaders(workplace), kind=Kind.IDEA_NEW, workplace=workplace, actor=actor, idea=idea
    )
    return idea


@transaction.atomic
def idea_update(
    *,
    actor,
    idea,
    title,
    need,
    description,
    values=None,
    concerns="",
    tag_names=(),
    challenge=None,
    images=(),
):
    """The author edits the idea while it is new (or back with them for a question)."""
    membership = permissions.require_contributor(user=actor, workplace=idea.workplace)
    idea = _lock(idea)
    if not permissions.can_edit_idea(membership=membership, idea=idea):
        if idea.author_id != actor.pk:
            raise PermissionDenied(_("Only the author can edit an idea."))
        raise ValidationError(_("The idea can no longer be edited: your leader has started working on it."))
    errors = {}
    fields, names = _clean_idea(
        workplace=idea.workplace,
        title=title,
        need=need,
        description=description,
        concerns=concerns,
        values=values,
        tag_names=tag_names,
        challenge=challenge,
        errors=errors,
    )
    if errors:
        raise ValidationError(errors)
    cleaned_images = _clean_images(images, existing=idea.images.count())
    for name, value in fields.items():
        setattr(idea, name, value)
    idea.challenge = challenge
    idea.last_activity_at = timezone.now()
    idea.save()
    tags = _tags(idea.workplace.organisation, names)
    idea.tags.set(tags)
    _save_images(idea, cleaned_images, actor)
    search.index(idea, [tag.name for tag in tags])
    _event(idea, actor, EventKind.EDITED)
    return idea


@transaction.atomic
def idea_image_delete(*, actor, idea, image_id):
    membership = permissions.require_contributor(user=actor, workplace=idea.workplace)
    if not permissions.can_edit_idea(membership=membership, idea=idea):
        raise PermissionDenied(_("Only the author can remove pictures, while the idea is new."))
    picture = IdeaImage.objects.filter(idea=idea, pk=image_id).first()
    if picture is None:
        raise ValidationError(_("That picture is already gone."))
    picture.image.delete(save=False)
    picture.delete()


@transaction.atomic
def idea_withdraw(*, actor, idea):
    permissions.require_contributor(user=actor, workplace=idea.workplace)
    idea = _lock(idea)
    if idea.author_id != actor.pk:
        raise PermissionDenied(_("Only the author can withdraw an idea."))
    if not permissions.is_new(idea):
        raise ValidationError(_("Only a new idea can be withdrawn; talk to your leader about this one."))
    before = idea.status
    idea.status = IdeaStatus.WITHDRAWN
    idea.awaiting_leader_since = None
    idea.last_activity_at = timezone.now()
    idea.save(update_fields=["status", "awaiting_leader_since", "last_activity_at"])
    _event(idea, actor, EventKind.WITHDRAWN, from_status=before, to_status=IdeaStatus.WITHDRAWN)
    return idea


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
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
    else:
        deleted, _rows = Support.objects.filter(idea=idea, user=actor).delete()
        if deleted:
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
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
    if idea.awaiting_leader_since is not None:
        idea.awaiting_leader_since = None
        fields.append("awaiting_leader_since")
    return fields


@transaction.atomic
def comment_create(*, actor, idea, body):
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
    comment = Comment.objects.create(
        organisation_id=idea.organisation_id,
        workplace_id=idea.workplace_id,
        idea=idea,
        author=actor,
        body=body,
        by_leader=membership.role == Role.LEADER,
        created_at=now,
    )
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
        idea=idea,
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
        idea=idea,
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
    return _change_status(idea, actor, to_status, message, now, fields)


def _change_status(idea, actor, to_status, message, now, extra_fields):
    """Set the status, save with the caller's other changes, record it and tell the author and followers."""
    before = idea.status
    idea.status = to_status
    idea.status_before_question = ""
    idea.last_activity_at = now
    idea.save(update_fields=["status", "status_before_question", "last_activity_at", *extra_fields])
    _event(idea, actor, EventKind.MOVED, from_status=before, to_status=to_status, message=message)
    notification_create(
        recipients=_author_and_followers(idea),
        kind=Kind.IDEA_STATUS,
        workplace=idea.workplace,
        actor=actor,
        idea=idea,
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
        idea=idea,
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
        idea=idea,
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
            idea=idea,
        )
    return idea


@transaction.atomic
def idea_qualify(*, actor, idea, benefit, requirements, risks, measures, ready_to_test=False):
    """The four guiding questions, filled in by the author, the responsible person and the leader."""
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
    if (
        ready_to_test != idea.ready_to_test
        and membership.role != Role.LEADER
        and idea.responsible_id != actor.pk
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
        idea=into,
        detail=idea.title,
    )
    return into
