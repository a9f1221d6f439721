"""Who may do what with a workplace's ideas. Services call these with the actor's membership."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from frontloeber.organisations.models import Membership, Role

from .models import IdeaStatus


def membership_of(*, user, workplace):
    """The actor's membership of the workplace; PermissionDenied for anyone else."""
    membership = None
    if user is not None and user.is_authenticated:
        membership = Membership.objects.filter(workplace=workplace, user=user).first()
    if membership is None:
        raise PermissionDenied(_("You are not a member of this workplace."))
    return membership


def require_contributor(*, user, workplace):
    membership = membership_of(user=user, workplace=workplace)
    if membership.role not in (Role.EMPLOYEE, Role.LEADER):
        raise PermissionDenied(_("As an observer you can read the ideas, but not change anything."))
    return membership


def require_leader(*, user, workplace):
    membership = membership_of(user=user, workplace=workplace)
    if membership.role != Role.LEADER:
        raise PermissionDenied(_("Only the workplace's leaders can do this."))
    return membership


def is_new(idea) -> bool:
    """New, or back with its author for a question before the leader took it further."""
    return idea.status == IdeaStatus.NEW or (
        idea.status == IdeaStatus.NEEDS_INFO and idea.status_before_question in ("", IdeaStatus.NEW)
    )


def can_edit_idea(*, membership, idea) -> bool:
    return (
        membership.role in (Role.EMPLOYEE, Role.LEADER)
        and membership.user_id == idea.author_id
        and is_new(idea)
    )


def can_support(*, membership, idea) -> bool:
    """Colleagues support each other's ideas while they are open (and adopted ones, to show they work)."""
    return (
        membership.role in (Role.EMPLOYEE, Role.LEADER)
        and membership.user_id != idea.author_id
        and idea.status not in (IdeaStatus.NOT_PURSUED, IdeaStatus.WITHDRAWN, IdeaStatus.MERGED)
    )


def can_qualify(*, membership, idea) -> bool:
    """The author, the responsible person and the leaders work on the qualification together."""
    return membership.role == Role.LEADER or (
        membership.role == Role.EMPLOYEE and membership.user_id in (idea.author_id, idea.responsible_id)
    )


def require_qualify(*, user, idea):
    membership = membership_of(user=user, workplace=idea.workplace)
    if not can_qualify(membership=membership, idea=idea):
        raise PermissionDenied(
            _("Only the author, the responsible person and the leaders can work on the qualification.")
        )
    return membership
