"""Who may run a workshop session. Services call these; views never decide."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from frontloeber.organisations.permissions import is_leader

from .models import OutputKind

# Challenges, experiments, adoption plans and learning activities are the leaders' to make from a post.
LEADERS_OUTPUTS = (
    OutputKind.CHALLENGE,
    OutputKind.EXPERIMENT,
    OutputKind.ADOPTION_PLAN,
    OutputKind.LEARNING_ACTIVITY,
)


def can_facilitate(*, membership, session) -> bool:
    """The session's facilitator, or any leader of its workplace (who can step in)."""
    return membership.workplace_id == session.workplace_id and (
        membership.user_id == session.facilitator_id or membership.is_leader
    )


def require_facilitate(*, user, session):
    """The same for a service given a user: the facilitator needs no read, a leader one."""
    facilitates = user.is_authenticated and (
        user.pk == session.facilitator_id or is_leader(user=user, workplace=session.workplace)
    )
    if not facilitates:
        raise PermissionDenied(_("Only the workshop's facilitator or a leader of the workplace can do this."))


def can_make_output(*, membership, kind) -> bool:
    """Whether the person may turn a post into a ``kind`` (given they facilitate the session)."""
    return membership.is_leader or kind not in LEADERS_OUTPUTS


def output_kinds(*, membership):
    """What the facilitator's desk offers this person to make of a post."""
    return [kind for kind in OutputKind if can_make_output(membership=membership, kind=kind)]
