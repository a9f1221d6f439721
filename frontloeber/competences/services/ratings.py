from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.organisations.permissions import require_contributor

from .. import selectors
from ..models import (
    Level,
    SkillLevelChange,
    SkillProfile,
    SkillRating,
)

# --- Rating one's own skills ------------------------------------------------------------------------------


@transaction.atomic
def skills_rate(*, actor, user, workplace, ratings, visible_to_team, willing_to_help, now=None):
    """Save a person's own ratings: ``ratings`` maps skill id to (level or None, wants to learn).

    Nobody rates on someone else's behalf, not even a leader: the map is only worth something if each
    person's levels are their own.
    """
    if actor.pk != user.pk:
        raise PermissionDenied(_("You can only rate your own skills."))
    require_contributor(
        user=user,
        workplace=workplace,
        message=_("Only the workplace's employees and leaders rate their skills."),
    )
    now = now or timezone.now()
    skills = {s.pk: s for s in selectors.workplace_skills(workplace=workplace)}
    organisation_id = workplace.organisation_id
    # The person's profile row is the lock: two first submits at once would otherwise both create ratings.
    SkillProfile.objects.get_or_create(organisation_id=organisation_id, user=user)
    profile = SkillProfile.objects.select_for_update().get(organisation_id=organisation_id, user=user)
    existing = {
        r.skill_id: r
        for r in SkillRating.objects.select_for_update().filter(
            organisation_id=organisation_id, user=user, skill_id__in=list(ratings)
        )
    }
    errors = []
    for skill_id, (level, wants) in ratings.items():
        if skill_id not in skills:
            errors.append(_("Choose among the workplace's skills."))
        elif level is not None and (not isinstance(level, int) or level not in Level.values):
            errors.append(_("Rate “%(skill)s” from 0 to 3.") % {"skill": skills[skill_id].name})
        elif level is None and wants and skill_id not in existing:
            errors.append(
                _("Tap your level of “%(skill)s” too, so the team's map can count you.")
                % {"skill": skills[skill_id].name}
            )
    if errors:
        raise ValidationError(errors)
    changes = []
    for skill_id, (level, wants) in ratings.items():
        rating = existing.get(skill_id)
        if level is None and rating is None:
            continue
        if rating is None:
            SkillRating.objects.create(
                organisation_id=organisation_id,
                user=user,
                skill_id=skill_id,
                level=level,
                wants_to_learn=bool(wants),
                updated_at=now,
            )
            changes.append(
                SkillLevelChange(
                    organisation_id=organisation_id, user=user, skill_id=skill_id, level=level, changed_at=now
                )
            )
            continue
        new_level = rating.level if level is None else level
        if (new_level, bool(wants)) != (rating.level, rating.wants_to_learn):
            if new_level != rating.level:
                changes.append(
                    SkillLevelChange(
                        organisation_id=organisation_id,
                        user=user,
                        skill_id=skill_id,
                        level=new_level,
                        changed_at=now,
                    )
                )
            rating.level, rating.wants_to_learn, rating.updated_at = new_level, bool(wants), now
            rating.save(update_fields=["level", "wants_to_learn", "updated_at"])
        elif level is not None:
            # Looked at again and kept: the prompt after a learning activity has been answered.
            rating.updated_at = now
            rating.save(update_fields=["updated_at"])
    SkillLevelChange.objects.bulk_create(changes)
    profile.visible_to_team, profile.willing_to_help, profile.updated_at = (
        bool(visible_to_team),
        bool(willing_to_help),
        now,
    )
    profile.save(update_fields=["visible_to_team", "willing_to_help", "updated_at"])
    return len(changes)
