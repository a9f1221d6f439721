from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from frontloeber.core.text import clean_text

from .. import permissions
from ..models import (
    NEED_MAX,
    TITLE_MAX,
    Challenge,
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
