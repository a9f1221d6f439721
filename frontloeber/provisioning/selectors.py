"""Reads for provisioning: the organisation's SCIM tokens, its people and groups as its provisioning service
sees them, and what the groups give a person through the sign-in rules.

A person is the organisation's when they are a member of one of its workplaces or its provisioning service
made (or took over) their account: nobody else's person is ever read or written through a token.
"""

import hashlib

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from frontloeber.accounts.models import FORMER_PERSON_EMAIL
from frontloeber.core.access import at_most_one, one_or_404
from frontloeber.organisations.models import Membership, OrganisationAdmin

from .models import ScimGroup, ScimGroupMember, ScimIdentity, ScimToken

TOKEN_PREFIX = "flscim_"  # noqa: S105  the secrets' recognisable beginning, not a secret
# Every list answers at most this many resources a page, whatever ``count`` asks.
MAX_PAGE = 200
DEFAULT_PAGE = 100


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# --- Tokens -----------------------------------------------------------------------------------------------


def scim_tokens(*, organisation):
    return ScimToken.objects.of(organisation).select_related("created_by")


def access_scim_token(*, organisation, token_id):
    return one_or_404(scim_tokens(organisation=organisation).filter(pk=token_id))


def scim_token_find(*, secret: str, now=None):
    """The usable token whose secret this is, with its organisation; None for anything else (a wrong, revoked
    or expired secret alike)."""
    secret = (secret or "").strip()
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 100:
        return None
    return at_most_one(
        ScimToken.objects.usable(now).select_related("organisation").filter(token_hash=token_hash(secret))
    )


# --- People -----------------------------------------------------------------------------------------------


def _identity(organisation, field):
    return Subquery(
        ScimIdentity.objects.filter(organisation=organisation, user=OuterRef("pk")).values(field)[:1]
    )


def scim_people(*, organisation):
    """The organisation's people, each with what its provisioning service knows of them (``scim_external_id``,
    ``scim_deactivated_at``, ``scim_given_name``…; None where it has not met them yet), by id."""
    member = Membership.objects.filter(organisation=organisation, user=OuterRef("pk"))
    known = ScimIdentity.objects.filter(organisation=organisation, user=OuterRef("pk"))
    return (
        get_user_model()
        .objects.filter(Exists(member) | Exists(known))
        .exclude(email=FORMER_PERSON_EMAIL)
        .annotate(
            scim_external_id=_identity(organisation, "external_id"),
            scim_deactivated_at=_identity(organisation, "deactivated_at"),
            scim_updated_at=_identity(organisation, "updated_at"),
            scim_given_name=_identity(organisation, "given_name"),
            scim_family_name=_identity(organisation, "family_name"),
        )
        .order_by("pk")
    )


def _as_id(value) -> int | None:
    value = str(value or "").strip()
    return int(value) if value.isdigit() and len(value) < 19 else None


def scim_person_find(*, organisation, user_id):
    """One of the organisation's people by the id SCIM knows them by, or None (also for another
    organisation's person)."""
    pk = _as_id(user_id)
    return None if pk is None else at_most_one(scim_people(organisation=organisation).filter(pk=pk))


def scim_people_by_ids(*, organisation, user_ids) -> dict:
    """{id as SCIM writes it: person} for those of ``user_ids`` who are the organisation's people."""
    pks = {pk for pk in (_as_id(value) for value in user_ids) if pk is not None}
    if not pks:
        return {}
    return {str(person.pk): person for person in scim_people(organisation=organisation).filter(pk__in=pks)}


def scim_people_filtered(*, organisation, attribute: str, value: str):
    """The people a supported filter (``attribute eq value``) selects: userName as the address (case does
    not matter), externalId exactly, id."""
    people = scim_people(organisation=organisation)
    if attribute == "userName":
        return people.filter(email__iexact=value)
    if attribute == "externalId":
        known = ScimIdentity.objects.filter(organisation=organisation, external_id=value).values("user_id")
        return people.filter(pk__in=known) if value else people.none()
    pk = _as_id(value)
    return people.none() if pk is None else people.filter(pk=pk)


def scim_identity_find(*, organisation, user):
    return at_most_one(ScimIdentity.objects.of(organisation).filter(user=user))


def scim_identity_by_external_id(*, organisation, external_id):
    if not external_id:
        return None
    return at_most_one(ScimIdentity.objects.of(organisation).filter(external_id=external_id))


def belongs_elsewhere(*, organisation, user) -> bool:
    """Whether the person is also another organisation's (a member or an admin there)."""
    return (
        Membership.objects.filter(user=user).exclude(organisation=organisation).exists()
        or OrganisationAdmin.objects.filter(user=user).exclude(organisation=organisation).exists()
    )


def account_is_free(*, user) -> bool:
    """An account nobody has used and nobody holds: no membership or admin role anywhere, never signed in,
    no password; not staff. Provisioning may take it over for its address."""
    return (
        user.last_login is None
        and not user.has_usable_password()
        and not user.is_staff
        and not user.is_superuser
        and not user.is_former_person
        and not Membership.objects.filter(user=user).exists()
        and not OrganisationAdmin.objects.filter(user=user).exists()
    )


# --- Groups -----------------------------------------------------------------------------------------------


def scim_groups(*, organisation, with_members=True):
    groups = ScimGroup.objects.of(organisation).order_by("pk")
    if with_members:
        members = ScimGroupMember.objects.select_related("user").order_by("pk")
        groups = groups.prefetch_related(Prefetch("memberships", queryset=members))
    return groups


def scim_group_find(*, organisation, group_id, with_members=True):
    pk = _as_id(group_id)
    if pk is None:
        return None
    return at_most_one(scim_groups(organisation=organisation, with_members=with_members).filter(pk=pk))


def scim_groups_filtered(*, organisation, attribute: str, value: str, with_members=True):
    groups = scim_groups(organisation=organisation, with_members=with_members)
    if attribute == "displayName":
        return groups.filter(display_name__iexact=value)
    if attribute == "externalId":
        return groups.filter(external_id=value) if value else groups.none()
    pk = _as_id(value)
    return groups.none() if pk is None else groups.filter(pk=pk)


def scim_group_member_ids(*, group) -> list[int]:
    return list(ScimGroupMember.objects.filter(group=group).values_list("user_id", flat=True))


def scim_units_by_person(*, organisation, user_ids=None) -> dict:
    """For the sign-in rules (``sso.registry.people_units``): person → the display names and external ids
    of the SCIM groups they are in, in one query; nobody SCIM has deactivated here."""
    deactivated = ScimIdentity.objects.of(organisation).filter(deactivated_at__isnull=False).values("user_id")
    members = ScimGroupMember.objects.of(organisation).exclude(user_id__in=deactivated)
    if user_ids is not None:
        members = members.filter(user_id__in=user_ids)
    units = {}
    for user_id, name, external_id in members.values_list(
        "user_id", "group__display_name", "group__external_id"
    ):
        held = units.setdefault(user_id, [])
        held += [value for value in (name, external_id) if value and value not in held]
    return units


def scim_sign_in_refusal(*, organisation, user) -> str | None:
    """For ``sso.registry.sign_in_refusal``: a person SCIM has deactivated here does not sign in through the
    organisation's provider until SCIM opens them again."""
    if ScimIdentity.objects.of(organisation).filter(user=user, deactivated_at__isnull=False).exists():
        return _("%(organisation)s has closed your access. Ask its admin.") % {
            "organisation": organisation.name
        }
    return None


# --- What other apps ask ---------------------------------------------------------------------------------


def organisation_home_links(*, organisation):
    return [
        (_("Provisioning (SCIM)"), reverse("provisioning:tokens", kwargs={"org_slug": organisation.slug}))
    ]
