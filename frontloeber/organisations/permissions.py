"""Who may do what to a workplace's people and settings. Services call these; views never decide."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from . import selectors


def can_manage_people(*, user, workplace) -> bool:
    """Leaders manage their own workplace's people; organisation admins manage every workplace's."""
    if not user.is_authenticated:
        return False
    return selectors.user_is_workplace_leader(
        user=user, workplace=workplace
    ) or selectors.user_is_organisation_admin(user=user, organisation=workplace.organisation)


def require_manage_people(*, user, workplace):
    if not can_manage_people(user=user, workplace=workplace):
        raise PermissionDenied(
            _("Only the workplace's leaders and the organisation's admins can manage its people.")
        )


def require_workplace_leader(*, user, workplace):
    if not (user.is_authenticated and selectors.user_is_workplace_leader(user=user, workplace=workplace)):
        raise PermissionDenied(_("Only a leader of the workplace can do this."))


def require_organisation_admin(*, user, organisation):
    if not (
        user.is_authenticated and selectors.user_is_organisation_admin(user=user, organisation=organisation)
    ):
        raise PermissionDenied(_("Only the organisation's admins can do this."))


def can_edit_workplace(*, user, workplace) -> bool:
    return can_manage_people(user=user, workplace=workplace)


def require_edit_workplace(*, user, workplace):
    if not can_edit_workplace(user=user, workplace=workplace):
        raise PermissionDenied(_("Only the workplace's leaders and the organisation's admins can edit it."))
