"""The permission vocabulary every app speaks (issue 15, point 4).

- ``can_*`` answers a question with True or False, for views and templates. Questions about a workplace
  take the ``membership`` the view resolved (``request.membership``), so a page asks nothing twice.
- ``require_*`` is what services call with the acting ``user`` (from a view, the API or a command alike):
  it returns the membership it checked, or raises ``PermissionDenied`` with a sentence for the person.
- ``access_*`` (in each app's selectors) finds a tenant's row or raises ``Http404``.

Each app's ``permissions`` module adds its own questions in these words (``can_manage``/``require_manage``
for an idea's experiments, ``can_facilitate``/``require_facilitate`` for a workshop) and builds on the
roles answered here: a member, a contributor (an employee or a leader, not an observer), a leader.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from . import selectors
from .models import Membership, Role

# --- Questions on a resolved membership (views, templates) ---------------------------------------------


def can_contribute(*, membership) -> bool:
    """Brings ideas and does work at the workplace: an employee or a leader, not an observer."""
    return membership is not None and membership.can_contribute


def can_lead(*, membership) -> bool:
    return membership is not None and membership.is_leader


# --- The same, for services that are given a user -----------------------------------------------------


def membership_of(*, user, workplace):
    """The user's membership of the workplace; PermissionDenied for anyone else."""
    membership = None
    if user is not None and user.is_authenticated:
        membership = Membership.objects.filter(workplace=workplace, user=user).first()
    if membership is None:
        raise PermissionDenied(_("You are not a member of this workplace."))
    return membership


def require_contributor(*, user, workplace, message=None):
    membership = membership_of(user=user, workplace=workplace)
    if not can_contribute(membership=membership):
        raise PermissionDenied(
            message or _("As an observer you can read the ideas, but not change anything.")
        )
    return membership


def require_leader(*, user, workplace, message=None):
    membership = None
    if user is not None and user.is_authenticated:
        membership = Membership.objects.filter(workplace=workplace, user=user, role=Role.LEADER).first()
    if membership is None:
        raise PermissionDenied(message or _("Only the workplace's leaders can do this."))
    return membership


def is_leader(*, user, workplace) -> bool:
    return (
        user is not None
        and user.is_authenticated
        and selectors.user_is_workplace_leader(user=user, workplace=workplace)
    )


def is_contributor(*, user, workplace) -> bool:
    """Whether ``user`` (who may be nobody, e.g. a guest's post) contributes to the workplace."""
    return user is not None and user.pk in selectors.workplace_contributor_ids(
        workplace=workplace, users=[user]
    )


# --- A workplace's people and settings, and the organisation ---------------------------------------------


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


def can_administer(*, user, organisation) -> bool:
    return user.is_authenticated and selectors.user_is_organisation_admin(
        user=user, organisation=organisation
    )


def require_administer(*, user, organisation):
    if not can_administer(user=user, organisation=organisation):
        raise PermissionDenied(_("Only the organisation's admins can do this."))


def can_edit_workplace(*, user, workplace) -> bool:
    return can_manage_people(user=user, workplace=workplace)


def require_edit_workplace(*, user, workplace):
    if not can_edit_workplace(user=user, workplace=workplace):
        raise PermissionDenied(_("Only the workplace's leaders and the organisation's admins can edit it."))
