"""Who may do what with a workplace's ideas, in the words of organisations/permissions.py (whose member,
contributor and leader checks the services use as they are)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from frontloeber.organisations.models import Role
from frontloeber.organisations.permissions import (  # noqa: F401 — the words ideas' services use
    membership_of,
    require_contributor,
    require_leader,
)

from .models import LEADER_MOVES, QUESTION_FROM, IdeaStatus

# An idea merged away or withdrawn by its author takes no more work from a leader.
OUT_OF_PLAY = {IdeaStatus.MERGED, IdeaStatus.WITHDRAWN}


def is_new(idea) -> bool:
    """New, or back with its author for a question before the leader took it further."""
    return idea.status == IdeaStatus.NEW or (
        idea.status == IdeaStatus.NEEDS_INFO and idea.status_before_question in ("", IdeaStatus.NEW)
    )


def can_edit_idea(*, membership, idea) -> bool:
    return membership.can_contribute and membership.user_id == idea.author_id and is_new(idea)


def can_support(*, membership, idea) -> bool:
    """Colleagues support each other's ideas while they are open (and adopted ones, to show they work)."""
    return (
        membership.can_contribute
        and membership.user_id != idea.author_id
        and idea.status not in (IdeaStatus.NOT_PURSUED, IdeaStatus.WITHDRAWN, IdeaStatus.MERGED)
    )


def can_qualify(*, membership, idea) -> bool:
    """The author, the responsible person and the leaders work on the qualification together."""
    return membership.role == Role.LEADER or (
        membership.role == Role.EMPLOYEE and membership.user_id in (idea.author_id, idea.responsible_id)
    )


def can_mark_ready(*, membership, idea) -> bool:
    """A leader or the responsible person says the idea is ready to be tried out."""
    return membership.is_leader or idea.responsible_id == membership.user_id


def require_qualify(*, user, idea):
    membership = membership_of(user=user, workplace=idea.workplace)
    if not can_qualify(membership=membership, idea=idea):
        raise PermissionDenied(
            _("Only the author, the responsible person and the leaders can work on the qualification.")
        )
    return membership


def idea_page(*, membership, idea) -> dict:
    """What the idea's page offers the person whose membership the view resolved."""
    can_contribute = membership.can_contribute
    can_qualify_it = can_qualify(membership=membership, idea=idea)
    is_leader = membership.is_leader
    return {
        "is_leader": is_leader,
        "is_author": idea.author_id == membership.user_id,
        "can_contribute": can_contribute,
        "can_edit": can_edit_idea(membership=membership, idea=idea),
        "can_support": can_support(membership=membership, idea=idea),
        "can_qualify": can_qualify_it,
        "can_follow": can_contribute and not idea.is_merged,
        "can_comment": can_contribute and not idea.is_merged,
        "can_work_on_qualification": can_qualify_it and not idea.is_closed,
        "can_lead": is_leader and idea.status not in OUT_OF_PLAY,
        "can_answer_question": idea.status == IdeaStatus.NEEDS_INFO and idea.author_id == membership.user_id,
        # Where a leader may move it, and whether they may send it back with a question.
        "allowed_moves": LEADER_MOVES[IdeaStatus(idea.status)] if is_leader else [],
        "can_ask": is_leader and idea.status in QUESTION_FROM,
    }
