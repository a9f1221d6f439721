"""Who may change the catalogue and the learning activities. Services call these; views never decide."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from frontloeber.organisations.permissions import can_administer, can_lead, is_leader

from . import selectors


def can_plan_activity(*, membership, skills=None) -> bool:
    """A leader plans any learning activity; a helper one that builds a skill they can teach, perhaps with
    others beside it (photos of the day with personal data, say). With no skills chosen yet: whether they
    are a helper for anything, so the form is offered."""
    if can_lead(membership=membership):
        return True
    return _teaches(membership.user, membership.workplace, skills)


def _teaches(user, workplace, skills):
    taught = selectors.skills_taught_by(user=user, workplace=workplace)
    return bool(taught) and (not skills or bool({s.pk for s in skills} & taught))


def require_plan_activity(*, user, workplace, skills):
    if is_leader(user=user, workplace=workplace) or _teaches(user, workplace, skills):
        return
    taught = selectors.skills_taught_by(user=user, workplace=workplace)
    if taught:
        names = ", ".join(
            s.shown_name for s in selectors.workplace_skills(workplace=workplace) if s.pk in taught
        )
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


def can_manage_activity(*, membership, activity) -> bool:
    """The host, whoever planned it, or a leader of the workplace."""
    return membership.workplace_id == activity.workplace_id and (
        membership.user_id in (activity.host_id, activity.created_by_id) or membership.is_leader
    )


def require_manage_activity(*, user, activity):
    manages = user.is_authenticated and (
        user.pk in (activity.host_id, activity.created_by_id)
        or is_leader(user=user, workplace=activity.workplace)
    )
    if not manages:
        raise PermissionDenied(_("Only the host, whoever planned it or a leader can change the activity."))


def retirable_skill_ids(*, membership, skills, admin=None) -> set:
    """Of ``skills``, those the person may retire: organisation admins the catalogue's, a workplace's
    leaders the workplace's own. One read at most (none when the caller knows whether they are an admin)."""
    workplace = membership.workplace
    leader = can_lead(membership=membership)
    if admin is None:
        admin = can_administer(user=membership.user, organisation=workplace.organisation)
    return {
        s.pk
        for s in skills
        if (s.workplace_id is None and admin) or (s.workplace_id == workplace.pk and leader)
    }


def can_retire_skill(*, membership, skill) -> bool:
    return skill.pk in retirable_skill_ids(membership=membership, skills=[skill])
