from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from frontloeber.core.images import clean_image
from frontloeber.core.text import clean_text
from frontloeber.organisations.models import Membership, Role

from .. import registry
from ..models import (
    MAX_IMAGES,
    WHY_MAX,
    Follow,
    Idea,
    IdeaEvent,
    IdeaImage,
    Tag,
    ValueAxis,
)

MAX_TAGS = 8
TAG_MAX = 40


# --- Validation helpers -----------------------------------------------------------------------------


def _clean_values(values, errors):
    """The three axes' scores (0–3, or None: not rated) and reasons; an axis left out is not rated."""
    cleaned = {}
    for axis in ValueAxis:
        score, why = (values or {}).get(axis.value, (None, ""))
        if score is not None and score != "":
            try:
                score = int(score)
            except (TypeError, ValueError):
                score = -1
            if not 0 <= score <= 3:
                errors[f"value_{axis.value}"] = _("Choose a value from 0 to 3, or leave it not rated.")
        else:
            score = None
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
