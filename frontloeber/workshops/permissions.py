"""Who may run a workshop session. Services call these; views never decide."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from frontloeber.organisations import selectors as organisation_selectors


def can_facilitate(*, user, session) -> bool:
    """The session's facilitator, or any leader of its workplace (who can step in)."""
    if not user.is_authenticated:
        return False
    return user.pk == session.facilitator_id or organisation_selectors.user_is_workplace_leader(
        user=user, workplace=session.workplace
    )


def require_facilitator(*, user, session):
    if not can_facilitate(user=user, session=session):
        raise PermissionDenied(_("Only the workshop's facilitator or a leader of the workplace can do this."))
