"""Who may change the catalogue and the learning activities. Services call these; views never decide."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from frontloeber.organisations import selectors as organisation_selectors

from . import selectors


def is_leader(*, user, workplace) -> bool:
    return user.is_authenticated and organisation_selectors.user_is_workplace_leader(
        user=user, workplace=workplace
    )


def can_plan_activity(*, user, workplace, skills=None) -> bool:
    """A leader plans any learning activity; a helper one that builds a skill they can teach, perhaps with
    others beside it (photos of the day with personal data, say). With no skills chosen yet: whether they
    are a helper for anything, so the form is offered."""
    if is_leader(user=user, workplace=workplace):
        return True
    taught = selectors.skills_taught_by(user=user, workplace=workplace)
    return bool(taught) and (not skills or bool({s.pk for s in skills} & taught))


def require_plan_activity(*, user, workplace, skills):
    if can_plan_activity(user=user, workplace=workplace, skills=skills):
        return
    taught = selectors.skills_taught_by(user=user, workplace=workplace)
    if taught:
        names = ", ".join(s.name for s in selectors.workplace_skills(workplace=workplace) if s.pk in taught)
        raise PermissionDenied(
            _("You can plan learning for what you can teach: %(skills)s. For other skills, ask a leader.")
            % {"skills": names}
        )
    raise PermissionDenied(
        _(
            "Leaders plan learning activities, and so do helpers for what they can teach. Mark what you "
            "want to learn under “My skills”: your leader sees it."
        )
    )


def can_manage_activity(*, user, activity) -> bool:
    """The host, whoever planned it, or a leader of the workplace."""
    if not user.is_authenticated:
        return False
    return user.pk in (activity.host_id, activity.created_by_id) or is_leader(
        user=user, workplace=activity.workplace
    )


def require_manage_activity(*, user, activity):
    if not can_manage_activity(user=user, activity=activity):
        raise PermissionDenied(_("Only the host, whoever planned it or a leader can change the activity."))


def is_organisation_admin(*, user, organisation) -> bool:
    return user.is_authenticated and organisation_selectors.user_is_organisation_admin(
        user=user, organisation=organisation
    )


def retirable_skill_ids(*, user, workplace, skills, leader=None, admin=None) -> set:
    """Of ``skills``, those the person may retire: organisation admins the catalogue's, a workplace's
    leaders the workplace's own. At most two reads (none when the caller knows the roles)."""
    if leader is None:
        leader = is_leader(user=user, workplace=workplace)
    if admin is None:
        admin = is_organisation_admin(user=user, organisation=workplace.organisation)
    return {
        s.pk
        for s in skills
        if (s.workplace_id is None and admin) or (s.workplace_id == workplace.pk and leader)
    }


def can_retire_skill(*, user, workplace, skill) -> bool:
    return skill.pk in retirable_skill_ids(user=user, workplace=workplace, skills=[skill])
