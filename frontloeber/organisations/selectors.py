"""Reads for organisations, workplaces and memberships; each scoped to a person, workplace or organisation."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from .models import Membership, Organisation, OrganisationAdmin, Role, Workplace


def membership_for_user(*, user, workplace_slug):
    """The person's membership of the workplace with that slug, or None (missing and forbidden alike)."""
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.select_related("workplace__organisation")
        .filter(user=user, workplace__slug=workplace_slug)
        .first()
    )


def memberships_for_user(*, user):
    return (
        Membership.objects.select_related("workplace__organisation")
        .filter(user=user)
        .order_by("workplace__name")
    )


def organisations_administered(*, user):
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(admins__user=user).order_by("name")


def organisation_for_admin(*, user, org_slug):
    return organisations_administered(user=user).filter(slug=org_slug).first()


def user_is_organisation_admin(*, user, organisation):
    return OrganisationAdmin.objects.filter(organisation=organisation, user=user).exists()


def user_is_workplace_leader(*, user, workplace):
    return Membership.objects.filter(workplace=workplace, user=user, role=Role.LEADER).exists()


def workplace_contributor_ids(*, workplace, users):
    """Of ``users``, the ids of the workplace's employees and leaders (not observers), in one query."""
    ids = [user.pk for user in users if user is not None]
    if not ids:
        return set()
    return set(
        Membership.objects.filter(
            workplace=workplace, user_id__in=ids, role__in=[Role.EMPLOYEE, Role.LEADER]
        ).values_list("user_id", flat=True)
    )


def workplace_members(*, workplace):
    return (
        Membership.objects.select_related("user")
        .filter(organisation_id=workplace.organisation_id, workplace=workplace)
        .order_by("user__full_name", "user__email")
    )


def workplace_role_counts(*, workplace):
    counts = dict(
        Membership.objects.filter(organisation_id=workplace.organisation_id, workplace=workplace)
        .values_list("role")
        .annotate(n=Count("id"))
    )
    return {role: counts.get(role, 0) for role in Role.values}


def access_membership(*, workplace, membership_id):
    """A membership of this workplace by id; 404 for another workplace's id as for a missing one."""
    membership = (
        Membership.objects.select_related("user", "workplace")
        .filter(organisation_id=workplace.organisation_id, workplace=workplace, pk=membership_id)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def organisation_workplaces(*, organisation):
    """The organisation's workplaces with member counts and their leaders, in a fixed number of queries."""
    leaders = Membership.objects.filter(role=Role.LEADER).select_related("user").order_by("user__full_name")
    return (
        Workplace.objects.filter(organisation=organisation)
        .annotate(
            member_count=Count("memberships", distinct=True),
            leader_count=Count("memberships", filter=Q(memberships__role=Role.LEADER), distinct=True),
        )
        .prefetch_related(Prefetch("memberships", queryset=leaders, to_attr="leader_memberships"))
        .order_by("name")
    )


def access_organisation_workplace(*, organisation, workplace_slug):
    workplace = Workplace.objects.filter(organisation=organisation, slug=workplace_slug).first()
    if workplace is None:
        raise Http404
    return workplace
