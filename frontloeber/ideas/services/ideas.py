from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from frontloeber.core.events import event_publish
from frontloeber.core.text import clean_text
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.services import notification_create, notification_subject_renamed
from frontloeber.organisations.models import Role

from .. import permissions, search
from ..models import (
    DESCRIPTION_MAX,
    NEED_MAX,
    TITLE_MAX,
    EventKind,
    Idea,
    IdeaImage,
    IdeaStatus,
)
from .base import (
    _clean_images,
    _clean_tag_names,
    _clean_values,
    _event,
    _follow,
    _leaders,
    _lock,
    _save_images,
    _tags,
)

# --- Ideas ----------------------------------------------------------------------------------------------


# The idea's text fields: (longest length, message when it is missing; None when it may be empty).
IDEA_TEXT = {
    "title": (TITLE_MAX, gettext_lazy("Give the idea a short title.")),
    "need": (NEED_MAX, gettext_lazy("Describe the need or problem the idea answers.")),
    "description": (DESCRIPTION_MAX, gettext_lazy("Describe the idea itself.")),
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
    idea.set_tags(tags)
    _save_images(idea, cleaned_images, actor)
    search.index(idea, [tag.name for tag in tags])
    _follow(idea, actor)
    _event(idea, actor, EventKind.SUBMITTED, to_status=IdeaStatus.NEW)
    event_publish(kind="idea.created", subject=idea)
    notification_create(
        recipients=_leaders(workplace), kind=Kind.IDEA_NEW, workplace=workplace, actor=actor, subject=idea
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
    renamed = fields["title"] != idea.title
    for name, value in fields.items():
        setattr(idea, name, value)
    idea.challenge = challenge
    idea.last_activity_at = timezone.now()
    idea.save()
    if renamed:
        notification_subject_renamed(subject=idea)
    tags = _tags(idea.workplace.organisation, names)
    idea.set_tags(tags)
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
