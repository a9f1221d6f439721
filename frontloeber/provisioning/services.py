"""Writes for provisioning: an admin's tokens, and what the organisation's provisioning service does through
one (people made, changed, deactivated; groups and their members, which move people's memberships through the
sign-in rules).

The token is the actor of every SCIM write: a service checks it is usable and works in its organisation
only. Refusals are the SCIM errors of scim2-models (``UniquenessException`` 409, ``InvalidValueException``
400, ``ConflictException`` 409), raised inside the transaction so that nothing changes.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from scim2_models import (
    ConflictException,
    InvalidValueException,
    MutabilityException,
    UnauthorizedException,
    UniquenessException,
)

from frontloeber.accounts.models import FORMER_PERSON_EMAIL
from frontloeber.organisations import permissions
from frontloeber.organisations.audit import audit_record
from frontloeber.organisations.models import AuditAction, Membership, OrganisationDomain, Role, Workplace
from frontloeber.organisations.services import leaver_confirm_by_system, memberships_follow_identity_provider
from frontloeber.sso.models import IdentityProvider
from frontloeber.sso.selectors import (
    Asserted,
    RuleIndex,
    email_domain,
    identity_provider_of,
    mapping_rules,
    signed_in_identities,
    wanted_memberships,
)

from . import selectors
from .models import ScimGroup, ScimGroupMember, ScimIdentity, ScimToken
from .selectors import TOKEN_PREFIX, token_hash

TOKEN_VALID_DAYS = 365
TOKEN_NAME_MAX = 100
LAST_USED_EVERY = timedelta(minutes=1)
VIA = "SCIM"


# --- Tokens (an organisation admin) -----------------------------------------------------------------------


@transaction.atomic
def scim_token_create(*, actor, organisation, name: str, now=None) -> tuple[ScimToken, str]:
    """A new token for the organisation's provisioning service; returns it with its secret, which is shown
    once and kept nowhere (only its SHA-256 is stored)."""
    permissions.require_administer(user=actor, organisation=organisation)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name, such as the service that will use it.")})
    if len(name) > TOKEN_NAME_MAX:
        raise ValidationError(
            {"name": _("The name can be at most %(n)s characters.") % {"n": TOKEN_NAME_MAX}}
        )
    now = now or timezone.now()
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)  # 43 characters, 256 bits
    token = ScimToken.objects.create(
        organisation=organisation,
        name=name,
        token_hash=token_hash(secret),
        created_by=actor,
        created_at=now,
        expires_at=now + timedelta(days=TOKEN_VALID_DAYS),
    )
    audit_record(
        organisation=organisation,
        action=AuditAction.SCIM_TOKEN_CREATED,
        actor=actor,
        detail={"via": VIA, "token": token.name},
        now=now,
    )
    return token, secret


@transaction.atomic
def scim_token_revoke(*, actor, token: ScimToken, now=None) -> ScimToken:
    permissions.require_administer(user=actor, organisation=token.organisation)
    if token.revoked_at is None:
        token.revoked_at = now or timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            organisation=token.organisation_id,
            action=AuditAction.SCIM_TOKEN_REVOKED,
            actor=actor,
            detail={"via": VIA, "token": token.name},
        )
    return token


def scim_token_use(*, secret: str, now=None) -> ScimToken | None:
    """The usable token of ``secret``, its use noted (at most once a minute); None for any other secret."""
    now = now or timezone.now()
    token = selectors.scim_token_find(secret=secret, now=now)
    if token is not None and (token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY):
        ScimToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def _require_token(token: ScimToken):
    if token is None or not token.is_usable:
        raise UnauthorizedException()
    return token.organisation


def _via(token, **detail):
    return {"via": VIA, "token": token.name, **detail}


# --- People -----------------------------------------------------------------------------------------------


@dataclass
class PersonValues:
    """What the provisioning service says of a person, as Frontløber keeps it: None leaves a value as it is
    (a name the service does not send)."""

    email: str
    full_name: str | None = None
    given_name: str = ""
    family_name: str = ""
    external_id: str | None = None
    active: bool | None = None


def _normalised_email(value) -> str:
    return get_user_model().objects.normalize_email((value or "").strip()).lower()


def _check_email(organisation, email):
    domain = email.rpartition("@")[2]
    if "@" not in email or not domain or len(email) > 254 or email == FORMER_PERSON_EMAIL:
        raise InvalidValueException(
            detail=_("userName must be the person's e-mail address, such as name@fjordby.dk.")
        )
    domains = list(OrganisationDomain.objects.of(organisation).values_list("domain", flat=True))
    if email_domain(email) not in domains:
        raise InvalidValueException(
            detail=(
                _("%(email)s is not in the e-mail domains of %(organisation)s (%(domains)s).")
                if domains
                else _(
                    "%(organisation)s has no e-mail domains yet: an admin adds them on the organisation's "
                    "page before people can be provisioned."
                )
            )
            % {"email": email, "organisation": organisation.name, "domains": ", ".join(domains)}
        )


def _check_external_id(organisation, external_id, *, user=None):
    if external_id is None:
        return
    if len(external_id) > 255:
        raise InvalidValueException(detail=_("externalId can be at most 255 characters."))
    holder = selectors.scim_identity_by_external_id(organisation=organisation, external_id=external_id)
    if holder is not None and (user is None or holder.user_id != user.pk):
        raise UniquenessException(detail=_("Another person already has this externalId."))


def _identity_for(organisation, user, now):
    identity, _created = ScimIdentity.objects.get_or_create(
        organisation=organisation, user=user, defaults={"created_at": now, "updated_at": now}
    )
    return identity


@transaction.atomic
def scim_person_create(*, token: ScimToken, values: PersonValues, now=None):
    """Make the person (an account without a password, as the sign-in makes one just in time), or take the
    account with that address where it is this organisation's already or nobody's. Returns the user."""
    organisation = _require_token(token)
    now = now or timezone.now()
    email = _normalised_email(values.email)
    _check_email(organisation, email)
    _check_external_id(organisation, values.external_id)
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    taken_over = user is not None
    if taken_over:
        if selectors.scim_identity_find(organisation=organisation, user=user) is not None:
            raise UniquenessException(detail=_("A person with this userName exists already."))
        ours = Membership.objects.filter(organisation=organisation, user=user).exists()
        if not ours and not selectors.account_is_free(user=user):
            raise UniquenessException(
                detail=_(
                    "An account with this address exists in Frontløber and does not belong to this "
                    "organisation, so provisioning cannot take it over. Ask the people running Frontløber."
                )
            )
        if values.full_name and values.full_name != user.full_name:
            user.full_name = values.full_name
            user.save(update_fields=["full_name"])
    try:
        with transaction.atomic():  # two requests for the same person at once: the second is told so
            if not taken_over:
                user = User.objects.create_user(email, None, full_name=values.full_name or email)
            ScimIdentity.objects.create(
                organisation=organisation,
                user=user,
                external_id=values.external_id or "",
                given_name=values.given_name,
                family_name=values.family_name,
                deactivated_at=now if values.active is False else None,
                created_at=now,
                updated_at=now,
            )
    except IntegrityError:
        raise UniquenessException(
            detail=_("A person with this userName or externalId exists already.")
        ) from None
    audit_record(
        organisation=organisation,
        action=AuditAction.SCIM_USER_CREATED,
        subject=user,
        detail=_via(token, taken_over=True) if taken_over else _via(token),
        now=now,
    )
    if values.active is False:
        _deactivate(token, organisation, user, now)
    elif not user.is_active:
        User.objects.filter(pk=user.pk).update(is_active=True)
        user.is_active = True
    return user


@transaction.atomic
def scim_person_update(*, token: ScimToken, user, values: PersonValues, now=None):
    """Bring the person in line with what the service says (a PUT, or a PATCH once applied): address, name,
    its id for them, active or not. Deactivating makes them a confirmed leaver of the organisation."""
    organisation = _require_token(token)
    now = now or timezone.now()
    identity = _identity_for(organisation, user, now)
    changed = []
    email = _normalised_email(values.email)
    if email != user.email:
        _check_email(organisation, email)
        if selectors.belongs_elsewhere(organisation=organisation, user=user):
            raise MutabilityException(
                detail=_(
                    "The person also belongs to another organisation in Frontløber, so their address "
                    "(userName) cannot be changed by this organisation's provisioning."
                )
            )
        if user.is_staff or user.is_superuser or user.has_usable_password():
            # A password reset goes to the address: moving it would hand the account to whoever reads the
            # new one. Only accounts that sign in through the organisation's provider follow its addresses.
            raise MutabilityException(
                detail=_(
                    "The person signs in with their own password, so their address (userName) cannot be "
                    "changed by provisioning. They change it themselves, or an admin does."
                )
            )
        if get_user_model().objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
            raise UniquenessException(detail=_("Another account already has this userName."))
        user.email = email
        changed.append("userName")
    if values.full_name and values.full_name != user.full_name:
        user.full_name = values.full_name
        changed.append("name")
    if changed:
        user.save(update_fields=["email", "full_name"])
    if values.external_id is not None and values.external_id != identity.external_id:
        _check_external_id(organisation, values.external_id, user=user)
        identity.external_id = values.external_id
        changed.append("externalId")
    if (values.given_name, values.family_name) != (identity.given_name, identity.family_name):
        identity.given_name, identity.family_name = values.given_name, values.family_name
        if "name" not in changed:
            changed.append("name")
    identity.updated_at = now
    try:
        with transaction.atomic():
            identity.save(update_fields=["external_id", "given_name", "family_name", "updated_at"])
    except IntegrityError:
        raise UniquenessException(detail=_("Another person already has this externalId.")) from None
    if changed:
        audit_record(
            organisation=organisation,
            action=AuditAction.SCIM_USER_CHANGED,
            subject=user,
            detail=_via(token, fields=changed),
            now=now,
        )
    if values.active is False and (identity.deactivated_at is None or user.is_active):
        _deactivate(token, organisation, user, now, identity=identity)
    elif values.active is True and (identity.deactivated_at is not None or not user.is_active):
        _reactivate(token, organisation, user, now, identity=identity)
    return user


def _deactivate(token, organisation, user, now, identity=None):
    try:
        leaver_confirm_by_system(organisation=organisation, user=user, detail=_via(token), now=now)
    except ValidationError as error:
        raise ConflictException(detail=" ".join(error.messages)) from None
    identity = identity or _identity_for(organisation, user, now)
    identity.deactivated_at = now
    identity.updated_at = now
    identity.save(update_fields=["deactivated_at", "updated_at"])
    user.refresh_from_db(fields=["is_active"])
    audit_record(
        organisation=organisation,
        action=AuditAction.SCIM_USER_DEACTIVATED,
        subject=user,
        detail=_via(token),
        now=now,
    )


def _reactivate(token, organisation, user, now, identity):
    """The account opens again; memberships come back only as far as the person's groups give them."""
    identity.deactivated_at = None
    identity.updated_at = now
    identity.save(update_fields=["deactivated_at", "updated_at"])
    if not user.is_active:
        get_user_model().objects.filter(pk=user.pk).update(is_active=True)
        user.is_active = True
    audit_record(
        organisation=organisation,
        action=AuditAction.SCIM_USER_CHANGED,
        subject=user,
        detail=_via(token, fields=["active"]),
        now=now,
    )
    _follow(organisation, [user], now=now)


@transaction.atomic
def scim_person_delete(*, token: ScimToken, user, now=None):
    """DELETE: the person leaves the organisation as a deactivation does, and the provisioning service's
    record of them and of their groups goes, so the organisation's SCIM knows them no more (404)."""
    organisation = _require_token(token)
    now = now or timezone.now()
    identity = selectors.scim_identity_find(organisation=organisation, user=user)
    if identity is None or identity.deactivated_at is None or user.is_active:
        _deactivate(token, organisation, user, now, identity=identity)
    ScimGroupMember.objects.of(organisation).filter(user=user).delete()
    ScimIdentity.objects.of(organisation).filter(user=user).delete()


# --- Groups -----------------------------------------------------------------------------------------------


@dataclass
class GroupValues:
    display_name: str
    external_id: str | None = None
    member_ids: list | None = None  # None leaves the members as they are


def _check_group(organisation, values: GroupValues, *, group=None):
    name = (values.display_name or "").strip()
    if not name:
        raise InvalidValueException(detail=_("displayName is required."))
    if len(name) > 300:
        raise InvalidValueException(detail=_("displayName can be at most 300 characters."))
    external_id = values.external_id
    if external_id:
        if len(external_id) > 255:
            raise InvalidValueException(detail=_("externalId can be at most 255 characters."))
        taken = ScimGroup.objects.of(organisation).filter(external_id=external_id)
        if group is not None:
            taken = taken.exclude(pk=group.pk)
        if taken.exists():
            raise UniquenessException(detail=_("Another group already has this externalId."))
    people = None
    if values.member_ids is not None:
        people = selectors.scim_people_by_ids(organisation=organisation, user_ids=values.member_ids)
        unknown = sorted({value for value in values.member_ids if value not in people})
        if unknown:
            raise InvalidValueException(
                detail=_("No person of this organisation has the id %(ids)s.")
                % {"ids": ", ".join(unknown[:10])}
            )
    return name, people


def _follow(organisation, users, *, now):
    """Each person's memberships follow their groups through the sign-in rules (only memberships the
    identity provider made move; a deactivated person gets none). What the rules read is read for all of
    them at once: a group of two thousand changes in a handful of queries, and writes only what changes."""
    people = [user for user in users if user.is_active]
    if not people:
        return
    provider = identity_provider_of(organisation=organisation) or IdentityProvider(
        organisation=organisation, default_role=Role.EMPLOYEE
    )
    rules = RuleIndex(mapping_rules(organisation=organisation))
    user_ids = [user.pk for user in people]
    deactivated = set(
        ScimIdentity.objects.of(organisation)
        .filter(user_id__in=user_ids, deactivated_at__isnull=False)
        .values_list("user_id", flat=True)
    )
    units = selectors.scim_units_by_person(organisation=organisation, user_ids=user_ids)
    last = signed_in_identities(provider=provider, user_ids=user_ids) if provider.pk else {}
    held = {}
    for membership in Membership.objects.filter(organisation=organisation, user_id__in=user_ids):
        held.setdefault(membership.user_id, []).append(membership)
    wanted_by_person = {}
    for user in people:
        if user.pk in deactivated:
            continue
        said = last.get(user.pk)
        asserted = Asserted(
            email=user.email,
            units=[*units.get(user.pk, []), *(said.units if said else [])],
            roles=said.roles if said else [],
        )
        wanted_by_person[user] = wanted_memberships(provider=provider, rules=rules, asserted=asserted)
    wanted_ids = {pk for wanted in wanted_by_person.values() for pk in wanted}
    workplaces = Workplace.objects.filter(organisation=organisation, pk__in=wanted_ids).in_bulk()
    for user, wanted in wanted_by_person.items():
        memberships_follow_identity_provider(
            organisation=organisation,
            user=user,
            wanted=wanted,
            now=now,
            memberships=held.get(user.pk, []),
            workplaces=workplaces,
        )


def _set_members(organisation, group, people: dict, now) -> list:
    """Make the group's members ``people``; returns the people added or removed."""
    held = {
        member.user_id: member
        for member in ScimGroupMember.objects.of(organisation).filter(group=group).select_related("user")
    }
    wanted = {person.pk: person for person in people.values()}
    gone = [member.user for pk, member in held.items() if pk not in wanted]
    new = [person for pk, person in wanted.items() if pk not in held]
    if gone:
        ScimGroupMember.objects.of(organisation).filter(group=group, user__in=gone).delete()
    ScimGroupMember.objects.bulk_create(
        ScimGroupMember(organisation=organisation, group=group, user=person) for person in new
    )
    return gone + new


@transaction.atomic
def scim_group_create(*, token: ScimToken, values: GroupValues, now=None) -> ScimGroup:
    organisation = _require_token(token)
    now = now or timezone.now()
    name, people = _check_group(organisation, values)
    try:
        with transaction.atomic():
            group = ScimGroup.objects.create(
                organisation=organisation,
                display_name=name,
                external_id=values.external_id or "",
                created_at=now,
                updated_at=now,
            )
    except IntegrityError:
        raise UniquenessException(detail=_("Another group already has this externalId.")) from None
    moved = _set_members(organisation, group, people or {}, now)
    audit_record(
        organisation=organisation,
        action=AuditAction.SCIM_GROUP_CHANGED,
        detail=_via(token, group=name, change="created", members=len(moved)),
        now=now,
    )
    _follow(organisation, moved, now=now)
    return group


@transaction.atomic
def scim_group_update(*, token: ScimToken, group: ScimGroup, values: GroupValues, now=None) -> ScimGroup:
    """Bring the group in line with what the service says (a PUT, or a PATCH once applied). Its members'
    memberships follow: those who joined or left it, and all of them when its name or external id changed
    (the rules look for those)."""
    organisation = _require_token(token)
    if group.organisation_id != organisation.pk:
        raise UnauthorizedException()
    now = now or timezone.now()
    name, people = _check_group(organisation, values, group=group)
    external_id = group.external_id if values.external_id is None else values.external_id
    renamed = name != group.display_name or external_id != group.external_id
    group.display_name, group.external_id, group.updated_at = name, external_id, now
    try:
        with transaction.atomic():
            group.save(update_fields=["display_name", "external_id", "updated_at"])
    except IntegrityError:
        raise UniquenessException(detail=_("Another group already has this externalId.")) from None
    moved = _set_members(organisation, group, people, now) if people is not None else []
    if renamed:
        others = get_user_model().objects.filter(pk__in=selectors.scim_group_member_ids(group=group))
        moved += [person for person in others if person not in moved]
    if renamed or moved:
        audit_record(
            organisation=organisation,
            action=AuditAction.SCIM_GROUP_CHANGED,
            detail=_via(token, group=name, change="changed", members=len(moved)),
            now=now,
        )
    _follow(organisation, moved, now=now)
    return group


@transaction.atomic
def scim_group_delete(*, token: ScimToken, group: ScimGroup, now=None):
    organisation = _require_token(token)
    if group.organisation_id != organisation.pk:
        raise UnauthorizedException()
    now = now or timezone.now()
    members = list(get_user_model().objects.filter(pk__in=selectors.scim_group_member_ids(group=group)))
    audit_record(
        organisation=organisation,
        action=AuditAction.SCIM_GROUP_CHANGED,
        detail=_via(token, group=group.display_name, change="deleted", members=len(members)),
        now=now,
    )
    group.delete()
    _follow(organisation, members, now=now)
