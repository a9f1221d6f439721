"""Writes for organisations, workplaces and memberships. Each checks the actor's permission itself."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import permissions
from .models import Membership, Organisation, OrganisationAdmin, Role, Sector, Workplace


def _unique_workplace_slug(name, *, exclude_pk=None):
    danish = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})
    base = slugify(name.translate(danish))[:50] or "arbejdsplads"
    slug, n = base, 2
    existing = Workplace.objects.exclude(pk=exclude_pk)
    while existing.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _validate_workplace_fields(*, name, sector):
    errors = {}
    if not name or not name.strip():
        errors["name"] = _("Give the workplace a name.")
    if sector not in Sector.values:
        errors["sector"] = _("Choose a sector from the list.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def workplace_create(*, actor, organisation: Organisation, name: str, sector: str, core_task: str = ""):
    permissions.require_organisation_admin(user=actor, organisation=organisation)
    _validate_workplace_fields(name=name, sector=sector)
    return Workplace.objects.create(
        organisation=organisation,
        name=name.strip(),
        slug=_unique_workplace_slug(name),
        sector=sector,
        core_task=core_task.strip(),
    )


@transaction.atomic
def workplace_update(*, actor, workplace: Workplace, name: str, sector: str, core_task: str):
    permissions.require_edit_workplace(user=actor, workplace=workplace)
    _validate_workplace_fields(name=name, sector=sector)
    workplace.name = name.strip()
    workplace.sector = sector
    workplace.core_task = core_task.strip()
    workplace.save(update_fields=["name", "sector", "core_task"])
    return workplace


RESPONSE_TARGET_RANGE = (1, 90)


@transaction.atomic
def workplace_set_response_target(*, actor, workplace: Workplace, days):
    """The leader's promise to the team: how many days an idea may wait for its first answer."""
    permissions.require_edit_workplace(user=actor, workplace=workplace)
    low, high = RESPONSE_TARGET_RANGE
    try:
        days = int(days)
    except (TypeError, ValueError):
        days = 0
    if not low <= days <= high:
        raise ValidationError(
            {"days": _("Choose a number of days from %(low)d to %(high)d.") % {"low": low, "high": high}}
        )
    workplace.response_target_days = days
    workplace.save(update_fields=["response_target_days"])
    return workplace


def validate_role(role):
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a role from the list: employee, leader or observer.")})


def _leaves_workplace_without_leader(membership):
    if membership.role != Role.LEADER:
        return False
    # Lock the workplace's leader rows: two leaders demoting each other at once take turns, and the second
    # sees that the first is no longer a leader.
    list(
        Membership.objects.select_for_update().filter(workplace_id=membership.workplace_id, role=Role.LEADER)
    )
    membership.refresh_from_db(fields=["role"])
    if membership.role != Role.LEADER:
        return False
    return not (
        Membership.objects.filter(workplace_id=membership.workplace_id, role=Role.LEADER)
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def membership_add(*, workplace: Workplace, user, role: str):
    """Add a person to a workplace (used when an invitation is accepted); an existing membership stays."""
    validate_role(role)
    membership, _created = Membership.objects.get_or_create(
        workplace=workplace, user=user, defaults={"organisation_id": workplace.organisation_id, "role": role}
    )
    return membership


@transaction.atomic
def membership_change_role(*, actor, membership: Membership, role: str):
    permissions.require_manage_people(user=actor, workplace=membership.workplace)
    validate_role(role)
    if role == membership.role:
        return membership
    if _leaves_workplace_without_leader(membership):
        raise ValidationError(
            {"role": _("A workplace needs at least one leader. Appoint another leader first.")}
        )
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: Membership):
    """Take a person out of the workplace. Their ideas, comments and other contributions stay."""
    permissions.require_manage_people(user=actor, workplace=membership.workplace)
    if _leaves_workplace_without_leader(membership):
        raise ValidationError(_("A workplace needs at least one leader. Appoint another leader first."))
    membership.delete()


@transaction.atomic
def organisation_admin_add(*, organisation: Organisation, user):
    admin, _created = OrganisationAdmin.objects.get_or_create(organisation=organisation, user=user)
    return admin
