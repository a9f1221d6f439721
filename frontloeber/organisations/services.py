"""Writes for organisations, workplaces, memberships and invitations.

Each checks the actor's permission itself.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from frontloeber.accounts.models import FORMER_PERSON_EMAIL
from frontloeber.accounts.personal_data import account_erase

from . import permissions, selectors
from .audit import audit_record
from .models import (
    AddressApproval,
    AuditAction,
    CoreTaskRevision,
    DomainClaim,
    Invitation,
    LeaderGroup,
    LeaderGroupMember,
    Membership,
    MembershipChange,
    MembershipChangeKind,
    MembershipOrigin,
    Organisation,
    OrganisationAdmin,
    OrganisationDomain,
    Role,
    SafetyContact,
    SafetyRole,
    Sector,
    StaffImport,
    Workplace,
)
from .selectors import Outcome
from .staff_files import MAX_BYTES, StaffFileError, staff_file_read


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
    permissions.require_administer(user=actor, organisation=organisation)
    _validate_workplace_fields(name=name, sector=sector)
    workplace = Workplace.objects.create(
        organisation=organisation,
        name=name.strip(),
        slug=_unique_workplace_slug(name),
        sector=sector,
        core_task=core_task.strip(),
    )
    if workplace.core_task:
        CoreTaskRevision.objects.create(workplace=workplace, text=workplace.core_task, revised_by=actor)
    return workplace


@transaction.atomic
def workplace_update(*, actor, workplace: Workplace, name: str, sector: str, core_task: str):
    permissions.require_edit_workplace(user=actor, workplace=workplace)
    _validate_workplace_fields(name=name, sector=sector)
    revised = core_task.strip() != workplace.core_task
    workplace.name = name.strip()
    workplace.sector = sector
    workplace.core_task = core_task.strip()
    workplace.save(update_fields=["name", "sector", "core_task"])
    if revised:  # when the core task was last revisited is a figure of practice 1 (insights)
        CoreTaskRevision.objects.create(workplace=workplace, text=workplace.core_task, revised_by=actor)
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


def _record_change(membership, *, kind, actor, previous_role="", origin="", now=None):
    MembershipChange.objects.create(
        organisation_id=membership.organisation_id,
        workplace_id=membership.workplace_id,
        user_id=membership.user_id,
        kind=kind,
        role=membership.role,
        previous_role=previous_role,
        origin=origin,
        actor=actor,
        at=now or timezone.now(),
    )


@transaction.atomic
def membership_add(*, workplace: Workplace, user, role: str, origin: str, actor=None, now=None):
    """Add a person to a workplace, recording where the membership came from and who made it (the inviter,
    the admin). An existing membership stays as it is."""
    validate_role(role)
    if origin not in MembershipOrigin.values:
        raise ValueError(f"Unknown membership origin {origin!r}")
    now = now or timezone.now()
    membership, created = Membership.objects.get_or_create(
        workplace=workplace,
        user=user,
        defaults={
            "organisation_id": workplace.organisation_id,
            "role": role,
            "origin": origin,
            "added_by": actor,
            "created_at": now,
        },
    )
    if created:
        _record_change(membership, kind=MembershipChangeKind.JOINED, actor=actor, origin=origin, now=now)
        audit_record(
            organisation=workplace.organisation_id,
            workplace=workplace,
            action=AuditAction.MEMBER_ADDED,
            actor=actor,
            subject=user,
            detail={"role": role, "origin": origin},
            now=now,
        )
    return membership


@transaction.atomic
def membership_change_role(*, actor, membership: Membership, role: str, now=None):
    permissions.require_manage_people(user=actor, workplace=membership.workplace)
    validate_role(role)
    if role == membership.role:
        return membership
    if _leaves_workplace_without_leader(membership):
        raise ValidationError(
            {"role": _("A workplace needs at least one leader. Appoint another leader first.")}
        )
    previous = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    _record_change(
        membership, kind=MembershipChangeKind.ROLE_CHANGED, actor=actor, previous_role=previous, now=now
    )
    audit_record(
        organisation=membership.organisation_id,
        workplace=membership.workplace_id,
        action=AuditAction.ROLE_CHANGED,
        actor=actor,
        subject=membership.user,
        detail={"previous_role": previous, "role": role},
        now=now,
    )
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: Membership, now=None, action=AuditAction.MEMBER_REMOVED):
    """Take a person out of the workplace. Their ideas, comments and other contributions stay."""
    permissions.require_manage_people(user=actor, workplace=membership.workplace)
    if _leaves_workplace_without_leader(membership):
        raise ValidationError(_("A workplace needs at least one leader. Appoint another leader first."))
    _membership_delete(membership, actor=actor, action=action, now=now)


def _membership_delete(membership, *, actor, action, now=None, detail=None):
    _record_change(membership, kind=MembershipChangeKind.LEFT, actor=actor, now=now)
    audit_record(
        organisation=membership.organisation_id,
        workplace=membership.workplace_id,
        action=action,
        actor=actor,
        subject=membership.user,
        detail={"role": membership.role, **(detail or {})},
        now=now,
    )
    membership.delete()


def memberships_follow_identity_provider(
    *, organisation: Organisation, user, wanted: dict, now=None, memberships=None, workplaces=None
) -> list:
    """Bring the person's mapped memberships in line with what the identity provider said at this sign-in.

    A workplace that would be left without a leader keeps its mapped leader (the admin sees it on the
    workplace) rather than end up with nobody to answer ideas. Returns the changes made. ``memberships``
    (the person's in the organisation) and ``workplaces`` (pk → the organisation's workplaces, those wanted
    at least) may be read beforehand for many people at once."""
    now = now or timezone.now()
    if memberships is None:
        memberships = list(Membership.objects.filter(organisation=organisation, user=user))
    if workplaces is None:
        workplaces = {
            w.pk: w for w in Workplace.objects.filter(organisation=organisation, pk__in=list(wanted))
        }
    wanted = {pk: role for pk, role in wanted.items() if pk in workplaces}
    changes = selectors.mapped_membership_changes(memberships=memberships, wanted=wanted)
    if not changes:
        return []  # most sign-ins and group changes: no transaction (a savepoint per person) for nothing
    return _mapped_changes_apply(organisation, user, changes, workplaces, now)


@transaction.atomic
def _mapped_changes_apply(organisation, user, changes, workplaces, now):
    made = []
    for kind, workplace_id, role, previous, membership in changes:
        if kind == "joins":
            membership_add(
                workplace=workplaces[workplace_id],
                user=user,
                role=role,
                origin=MembershipOrigin.IDENTITY_PROVIDER,
                now=now,
            )
        elif _leaves_workplace_without_leader(membership):
            continue
        elif kind == "role":
            membership.role = role
            membership.save(update_fields=["role"])
            _record_change(
                membership,
                kind=MembershipChangeKind.ROLE_CHANGED,
                actor=None,
                previous_role=previous,
                now=now,
            )
            audit_record(
                organisation=organisation.pk,
                workplace=workplace_id,
                action=AuditAction.ROLE_CHANGED,
                subject=user,
                detail={
                    "previous_role": previous,
                    "role": role,
                    "origin": MembershipOrigin.IDENTITY_PROVIDER,
                },
                now=now,
            )
        else:
            _record_change(membership, kind=MembershipChangeKind.LEFT, actor=None, now=now)
            audit_record(
                organisation=organisation.pk,
                workplace=workplace_id,
                action=AuditAction.MEMBER_REMOVED,
                subject=user,
                detail={"role": previous, "origin": MembershipOrigin.IDENTITY_PROVIDER},
                now=now,
            )
            membership.delete()
        made.append((kind, workplace_id, role, previous))
    return made


@transaction.atomic
def organisation_password_login_set(*, actor, organisation: Organisation, allowed: bool):
    """Switch password sign-in on or off for the organisation's people (issue 19, point 1)."""
    permissions.require_administer(user=actor, organisation=organisation)
    allowed = bool(allowed)
    if organisation.password_login == allowed:
        return organisation
    organisation.password_login = allowed
    organisation.save(update_fields=["password_login"])
    audit_record(
        organisation=organisation,
        action=AuditAction.PASSWORD_LOGIN_CHANGED,
        actor=actor,
        detail={"password_login": allowed},
    )
    return organisation


@transaction.atomic
def organisation_admin_add(*, organisation: Organisation, user, actor=None):
    admin, created = OrganisationAdmin.objects.get_or_create(organisation=organisation, user=user)
    if created:
        audit_record(organisation=organisation, action=AuditAction.ADMIN_ADDED, actor=actor, subject=user)
    return admin


# --- The organisation's e-mail domains and approved outside addresses --------------------------------

# A host name: labels of letters, digits and hyphens (not at either end), at least one dot, a letter TLD.
_DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


# Domains anyone can get an address in: naming one would make every such address count as the staff's own.
FREE_MAIL_DOMAINS = frozenset(
    """
    gmail.com googlemail.com hotmail.com hotmail.dk outlook.com outlook.dk live.com live.dk msn.com yahoo.com
    yahoo.dk icloud.com me.com mac.com aol.com gmx.com gmx.net proton.me protonmail.com mail.dk jubii.dk
    sol.dk ofir.dk stofanet.dk get2net.dk youmail.dk webspeed.dk privat.dk
    """.split()
)


def normalise_domain(value) -> str:
    value = (value or "").strip().lower()
    # Someone pastes the organisation's web address: take its host.
    value = value.split("://", 1)[-1].split("/", 1)[0]
    value = value.rpartition("@")[2] if value.count("@") == 1 else value
    value = value.removeprefix("www.").rstrip(".")
    try:
        value = value.encode("idna").decode("ascii")  # æøå-domains in their DNS form
    except UnicodeError:
        return ""
    return value if _DOMAIN.match(value) else ""


def organisation_domain_add(*, actor, organisation: Organisation, domain: str) -> OrganisationDomain:
    permissions.require_administer(user=actor, organisation=organisation)
    normalised = normalise_domain(domain)
    if not normalised:
        raise ValidationError({"domain": _("Write a domain such as fjordby.dk, without the @.")})
    if normalised in FREE_MAIL_DOMAINS:
        raise ValidationError(
            {
                "domain": _(
                    "%(domain)s is a free e-mail service that anyone can get an address in, so it cannot be "
                    "the organisation's. Approve the people who use it one by one instead."
                )
                % {"domain": normalised}
            }
        )
    existing = OrganisationDomain.objects.filter(domain=normalised).first()
    if existing is not None:
        if existing.organisation_id == organisation.pk:
            message = _("%(domain)s is already on the list.") % {"domain": normalised}
            raise ValidationError({"domain": message})
        # Not in a transaction with the refusal: the claim must outlive it.
        domain_claim_create(actor=actor, organisation=organisation, domain=normalised)
        raise ValidationError(
            {
                "domain": _(
                    "%(domain)s belongs to another organisation in Frontløber. Your claim has gone to the "
                    "people running Frontløber, who check with both organisations before they move it; it is "
                    "listed below until then."
                )
                % {"domain": normalised}
            }
        )
    with transaction.atomic():
        audit_record(
            organisation=organisation,
            action=AuditAction.DOMAIN_ADDED,
            actor=actor,
            detail={"domain": normalised},
        )
        return OrganisationDomain.objects.create(organisation=organisation, domain=normalised, added_by=actor)


@transaction.atomic
def domain_claim_create(*, actor, organisation: Organisation, domain: str) -> DomainClaim:
    permissions.require_administer(user=actor, organisation=organisation)
    claim, created = DomainClaim.objects.get_or_create(
        organisation=organisation, domain=domain, decided_at=None, defaults={"claimed_by": actor}
    )
    if created:
        audit_record(
            organisation=organisation,
            action=AuditAction.DOMAIN_CLAIMED,
            actor=actor,
            detail={"domain": domain},
        )
    return claim


@transaction.atomic
def domain_claim_decide(*, operator, claim: DomainClaim, move: bool, now=None) -> DomainClaim:
    """A platform operator moves the domain to the claiming organisation, or refuses the claim. Both
    organisations' audit logs say what happened."""
    if not (operator.is_active and operator.is_superuser):
        raise PermissionDenied(_("Only the people running Frontløber decide a claim to a domain."))
    claim = DomainClaim.objects.select_for_update().get(pk=claim.pk)
    if not claim.is_pending:
        raise ValidationError(_("The claim is decided already."))
    now = now or timezone.now()
    held = OrganisationDomain.objects.select_for_update().filter(domain=claim.domain).first()
    if move and held is not None and held.organisation_id != claim.organisation_id:
        previous = held.organisation_id
        held.organisation_id = claim.organisation_id
        held.added_by = claim.claimed_by
        held.save(update_fields=["organisation", "added_by"])
        detail = {"domain": claim.domain, "by": "operator"}
        audit_record(organisation=previous, action=AuditAction.DOMAIN_MOVED, detail=detail, now=now)
        audit_record(
            organisation=claim.organisation_id, action=AuditAction.DOMAIN_MOVED, detail=detail, now=now
        )
    elif move and held is None:
        OrganisationDomain.objects.create(
            organisation_id=claim.organisation_id, domain=claim.domain, added_by=claim.claimed_by
        )
        audit_record(
            organisation=claim.organisation_id,
            action=AuditAction.DOMAIN_ADDED,
            detail={"domain": claim.domain, "by": "operator"},
            now=now,
        )
    claim.decided_at = now
    claim.decided_by = operator
    claim.moved = bool(move)
    claim.save(update_fields=["decided_at", "decided_by", "moved"])
    return claim


@transaction.atomic
def organisation_domain_remove(*, actor, domain: OrganisationDomain):
    permissions.require_administer(user=actor, organisation=domain.organisation)
    audit_record(
        organisation=domain.organisation_id,
        action=AuditAction.DOMAIN_REMOVED,
        actor=actor,
        detail={"domain": domain.domain},
    )
    domain.delete()


@transaction.atomic
def address_approve(*, actor, organisation: Organisation, user, now=None) -> AddressApproval:
    """Approve a person whose address is outside the organisation's domains, so survey rounds may ask them."""
    permissions.require_administer(user=actor, organisation=organisation)
    if not Membership.objects.filter(organisation=organisation, user=user).exists():
        raise ValidationError(_("This person is not a member of any of the organisation's workplaces."))
    approval, created = AddressApproval.objects.get_or_create(
        organisation=organisation,
        user=user,
        defaults={"approved_by": actor, "approved_at": now or timezone.now()},
    )
    if created:
        audit_record(
            organisation=organisation, action=AuditAction.ADDRESS_APPROVED, actor=actor, subject=user
        )
    return approval


@transaction.atomic
def address_approval_withdraw(*, actor, organisation: Organisation, user):
    permissions.require_administer(user=actor, organisation=organisation)
    deleted, _rows = AddressApproval.objects.filter(organisation=organisation, user=user).delete()
    if deleted:
        audit_record(
            organisation=organisation, action=AuditAction.ADDRESS_WITHDRAWN, actor=actor, subject=user
        )


# --- Invitations -------------------------------------------------------------------------------

_TOKEN_SALT = "frontloeber.invitation"  # noqa: S105  a signing salt, not a secret


class InvitationInvalid(Exception):
    """An invitation link that cannot be used; ``reason`` is one of the keys of ``REASONS``."""

    REASONS = ("forged", "expired", "used", "revoked")

    def __init__(self, reason, invitation=None):
        super().__init__(reason)
        self.reason = reason
        self.invitation = invitation


def invitation_token(*, invitation: Invitation) -> str:
    return signing.dumps(invitation.pk, salt=_TOKEN_SALT)


def invitation_url(*, invitation: Invitation) -> str:
    path = reverse(
        "organisations:invitation_accept", kwargs={"token": invitation_token(invitation=invitation)}
    )
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def invitation_create(*, actor, workplace, email: str, role: str, language: str = "da") -> Invitation:
    """Invite a person by e-mail to the workplace; the e-mail goes out through the task worker.

    Inviting the same address again replaces the earlier pending invitation.
    """
    from .tasks import invitation_send

    permissions.require_manage_people(user=actor, workplace=workplace)
    email = get_user_model().objects.normalize_email(email or "").strip().lower()
    validate_role(role)
    if not email:
        raise ValidationError({"email": _("Write the e-mail address of the person you are inviting.")})
    if email == FORMER_PERSON_EMAIL:
        raise ValidationError({"email": _("This address cannot be used.")})
    if len(email) > 254:
        raise ValidationError({"email": _("Write a valid e-mail address, such as name@example.dk.")})
    if Membership.objects.filter(workplace=workplace, user__email__iexact=email).exists():
        raise ValidationError(
            {
                "email": _("%(email)s is already a member of %(workplace)s.")
                % {"email": email, "workplace": workplace.name}
            }
        )
    now = timezone.now()
    Invitation.objects.pending().filter(workplace=workplace, email__iexact=email).update(revoked_at=now)
    invitation = Invitation.objects.create(
        organisation_id=workplace.organisation_id,
        workplace=workplace,
        email=email,
        role=role,
        language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
        invited_by=actor,
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    audit_record(
        organisation=workplace.organisation_id,
        workplace=workplace,
        action=AuditAction.INVITED,
        actor=actor,
        subject_email=email,
        detail={"role": role},
        now=now,
    )
    # Enqueued inside the transaction: with the database backend the task row commits with the invitation.
    invitation_send.enqueue(invitation_id=invitation.pk)
    return invitation


@transaction.atomic
def invitation_revoke(*, actor, invitation: Invitation) -> Invitation:
    permissions.require_manage_people(user=actor, workplace=invitation.workplace)
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit_record(
            organisation=invitation.organisation_id,
            workplace=invitation.workplace_id,
            action=AuditAction.INVITATION_REVOKED,
            actor=actor,
            subject_email=invitation.email,
        )
    return invitation


def invitation_check(*, token: str) -> Invitation:
    """The invitation a link points at, if it can still be used; otherwise ``InvitationInvalid``."""
    try:
        pk = signing.loads(token, salt=_TOKEN_SALT)
    except signing.BadSignature:
        raise InvitationInvalid("forged") from None
    invitation = Invitation.objects.select_related("workplace__organisation").filter(pk=pk).first()
    if invitation is None:
        raise InvitationInvalid("forged")
    if invitation.accepted_at is not None:
        raise InvitationInvalid("used", invitation)
    if invitation.revoked_at is not None:
        raise InvitationInvalid("revoked", invitation)
    if invitation.is_expired:
        raise InvitationInvalid("expired", invitation)
    return invitation


def _lock_usable(token):
    invitation = invitation_check(token=token)
    # Lock the row so that two clicks on the same link cannot both use it (only it: not the workplace's).
    invitation = (
        Invitation.objects.select_for_update(of=("self",)).select_related("workplace").get(pk=invitation.pk)
    )
    if invitation.accepted_at is not None:
        raise InvitationInvalid("used", invitation)
    return invitation


def _mark_accepted(invitation, user):
    membership = membership_add(
        workplace=invitation.workplace,
        user=user,
        role=invitation.role,
        origin=MembershipOrigin.INVITATION,
        actor=invitation.invited_by,
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_accept_new_user(*, token: str, full_name: str, password: str):
    """Create the invitee's account and membership. Returns the membership."""
    invitation = _lock_usable(token)
    if get_user_model().objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("An account with this e-mail address exists already. Log in to accept."))
    organisation = invitation.workplace.organisation
    if not organisation.password_login:
        raise ValidationError(
            _(
                "%(organisation)s signs its people in through its own sign-in, not with a password: log in "
                "with it."
            )
            % {"organisation": organisation.name}
        )
    user = get_user_model().objects.create_user(
        email=invitation.email, password=password, full_name=full_name.strip()
    )
    return _mark_accepted(invitation, user)


@transaction.atomic
def invitation_accept_existing(*, token: str, user):
    """Join a logged-in person's existing account to the workplace. Returns the membership."""
    invitation = _lock_usable(token)
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _("This invitation was sent to %(email)s. Log in with that address to accept it.")
            % {"email": invitation.email}
        )
    return _mark_accepted(invitation, user)


# --- Who reviews experiments' safety checks ------------------------------------------------------------


@transaction.atomic
def safety_contact_add(*, actor, organisation: Organisation, email: str, role: str) -> SafetyContact:
    """Name a person of the organisation (a member of one of its workplaces, or an admin) as its data
    protection adviser or IT security contact."""
    permissions.require_administer(user=actor, organisation=organisation)
    if role not in SafetyRole.values:
        raise ValidationError({"role": _("Choose the data protection adviser or the IT security contact.")})
    address = (email or "").strip()
    person = (
        get_user_model()
        .objects.filter(email__iexact=address, is_active=True)
        .filter(
            models.Q(memberships__organisation=organisation)
            | models.Q(organisation_admin_roles__organisation=organisation)
        )
        .distinct()
        .first()
        if address
        else None
    )
    if person is None:
        raise ValidationError(
            {
                "email": _(
                    "Nobody with this address belongs to the organisation. Invite them to a workplace "
                    "first, or make them an organisation admin."
                )
            }
        )
    contact, created = SafetyContact.objects.get_or_create(organisation=organisation, user=person, role=role)
    if not created:
        raise ValidationError(
            {"email": _("%(email)s is already named for this role.") % {"email": person.email}}
        )
    audit_record(
        organisation=organisation,
        action=AuditAction.SAFETY_CONTACT_ADDED,
        actor=actor,
        subject=person,
        detail={"safety_role": role},
    )
    return contact


@transaction.atomic
def safety_contact_remove(*, actor, contact: SafetyContact):
    permissions.require_administer(user=actor, organisation=contact.organisation)
    audit_record(
        organisation=contact.organisation_id,
        action=AuditAction.SAFETY_CONTACT_REMOVED,
        actor=actor,
        subject=contact.user,
        detail={"safety_role": contact.role},
    )
    contact.delete()


# --- Leader groups (issue 18, point 4) ----------------------------------------------------------------------

LEADER_GROUP_NAME_MAX = 100


@transaction.atomic
def leader_group_save(*, actor, organisation, name, workplace_ids, group=None):
    """Form a leader group of ``organisation``'s workplaces, or change ``group``'s name and workplaces."""
    permissions.require_administer(user=actor, organisation=organisation)
    errors = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = _("Give the group a name.")
    elif len(name) > LEADER_GROUP_NAME_MAX:
        errors["name"] = _("The name can be at most %(n)s characters.") % {"n": LEADER_GROUP_NAME_MAX}
    elif (
        LeaderGroup.objects.filter(organisation=organisation, name__iexact=name)
        .exclude(pk=getattr(group, "pk", None))
        .exists()
    ):
        errors["name"] = _("The organisation already has a leader group with that name.")
    ids = set(workplace_ids)
    found = set(Workplace.objects.filter(organisation=organisation, pk__in=ids).values_list("pk", flat=True))
    if found != ids:
        errors["workplaces"] = _("Choose workplaces of this organisation.")
    elif len(ids) < 2:
        errors["workplaces"] = _("Choose at least two workplaces.")
    if errors:
        raise ValidationError(errors)
    if group is None:
        group = LeaderGroup.objects.create(organisation=organisation, name=name)
    elif group.organisation_id != organisation.pk:
        raise PermissionDenied
    else:
        group.name = name
        group.save(update_fields=["name"])
    LeaderGroupMember.objects.filter(group=group).exclude(workplace_id__in=ids).delete()
    present = set(LeaderGroupMember.objects.filter(group=group).values_list("workplace_id", flat=True))
    LeaderGroupMember.objects.bulk_create(
        LeaderGroupMember(organisation=organisation, group=group, workplace_id=pk)
        for pk in sorted(ids - present)
    )
    return group


@transaction.atomic
def leader_group_delete(*, actor, group):
    permissions.require_administer(user=actor, organisation=group.organisation)
    group.delete()


# --- People who leave, their erasure and the retention periods (issue 19, points 3 and 4) ------------------


@transaction.atomic
def leavers_confirm(*, actor, organisation: Organisation, users, now=None) -> int:
    """Confirm people as having left the organisation: their memberships of its workplaces go (so they are
    asked in no survey and count toward no threshold), and an account left with no workplace anywhere is
    closed. A workplace whose only leader is among them keeps that leader; the admin is told."""
    permissions.require_administer(user=actor, organisation=organisation)
    now = now or timezone.now()
    users = list(users)
    memberships = list(
        Membership.objects.filter(organisation=organisation, user__in=users).select_related(
            "workplace", "user"
        )
    )
    _leavers_remove(actor=actor, memberships=memberships, now=now)
    return len({m.user_id for m in memberships})


@transaction.atomic
def leaver_confirm_by_system(*, organisation: Organisation, user, detail: dict, now=None) -> int:
    """A system the organisation runs says the person has left it (its provisioning service, through SCIM):
    their memberships of its workplaces go as a confirmed leaver's do, recorded with no actor and with
    ``detail`` (which system, in words that name nobody), and an account left with no workplace anywhere is
    closed. Refused with a ``ValidationError`` naming the workplace, changing nothing, where the person is a
    workplace's only leader. Returns how many memberships went."""
    now = now or timezone.now()
    memberships = list(
        Membership.objects.select_for_update(of=("self",))
        .filter(organisation=organisation, user=user)
        .select_related("workplace", "user")
    )
    _leavers_remove(actor=None, memberships=memberships, now=now, detail=detail)
    if not memberships:
        _close_accounts_without_place({user.pk})
    return len(memberships)


def _leavers_remove(*, actor, memberships, now, detail=None):
    """Take leavers out of their workplaces: refused if a workplace would have no leader left once all of
    them are gone (two leaders leaving together each see the other, one at a time); an account left with no
    workplace anywhere is closed. ``actor`` None: a system did it (``leaver_confirm_by_system``), which the
    caller has vouched for; otherwise each removal checks the actor may manage the workplace's people."""
    leaving = [membership.pk for membership in memberships]
    for membership in memberships:
        if membership.role != Role.LEADER:
            continue
        leaders = Membership.objects.select_for_update().filter(
            workplace_id=membership.workplace_id, role=Role.LEADER
        )
        if not leaders.exclude(pk__in=leaving).exists():
            raise ValidationError(
                _("%(person)s is the only leader of %(workplace)s. Appoint another leader first.")
                % {"person": membership.user, "workplace": membership.workplace.name}
            )
    for membership in memberships:
        if actor is None:
            _membership_delete(
                membership, actor=None, action=AuditAction.LEAVER_CONFIRMED, now=now, detail=detail
            )
        else:
            membership_remove(
                actor=actor, membership=membership, now=now, action=AuditAction.LEAVER_CONFIRMED
            )
    _close_accounts_without_place({membership.user_id for membership in memberships})


def _close_accounts_without_place(user_ids):
    get_user_model().objects.filter(pk__in=user_ids, is_staff=False).exclude(
        models.Q(memberships__isnull=False) | models.Q(organisation_admin_roles__isnull=False)
    ).update(is_active=False)


def person_erase_refusal(*, organisation: Organisation, user, actor=None) -> str:
    """Why ``user`` cannot be erased by ``organisation``'s admins ("" when they can): someone who still
    belongs to another organisation, or who runs this one, is not theirs alone to erase; nor is oneself."""
    if actor is not None and user.pk == actor.pk:
        return _("You cannot erase yourself. Ask another admin of the organisation.")
    if user.is_former_person or user.is_staff or user.is_superuser:
        return _("This account cannot be erased here.")
    if OrganisationAdmin.objects.filter(user=user).exists():
        return _("%(person)s is an organisation admin. Their admin role must be ended first.") % {
            "person": user
        }
    if Membership.objects.filter(user=user).exclude(organisation=organisation).exists():
        return _(
            "%(person)s also belongs to a workplace of another organisation in Frontløber, so only their "
            "place here can be ended, not their account."
        ) % {"person": user}
    other_leader = Membership.objects.filter(
        workplace_id=models.OuterRef("workplace_id"), role=Role.LEADER
    ).exclude(user=user)
    sole = (
        Membership.objects.filter(organisation=organisation, user=user, role=Role.LEADER)
        .exclude(models.Exists(other_leader))
        .select_related("workplace")
        .first()
    )
    if sole is not None:
        return _("%(person)s is the only leader of %(workplace)s. Appoint another leader first.") % {
            "person": user,
            "workplace": sole.workplace.name,
        }
    return ""


@transaction.atomic
def person_erase(*, actor, organisation: Organisation, user, remove_contributions=False, now=None):
    """Erase a person of the organisation (art. 17): their account and personal data go; what they wrote
    stays as "Former employee", or their ideas and comments go where the admin chooses (ideas that an
    experiment was built on stay, the workplace needs them). The audit log keeps the erasure under the
    person's pseudonym."""
    permissions.require_administer(user=actor, organisation=organisation)
    refusal = person_erase_refusal(organisation=organisation, user=user, actor=actor)
    if refusal:
        raise ValidationError(refusal)
    now = now or timezone.now()
    Invitation.objects.filter(organisation=organisation, email__iexact=user.email).delete()
    audit_record(
        organisation=organisation,
        action=AuditAction.ERASED,
        actor=actor,
        subject=user,
        detail={"contributions": "removed" if remove_contributions else "kept"},
        now=now,
    )
    account_erase(user=user, remove_contributions=remove_contributions)


@transaction.atomic
def retention_update(*, actor, organisation: Organisation, **periods):
    """Set the organisation's retention periods (``Organisation.RETENTION_FIELDS``), each within its range."""
    permissions.require_administer(user=actor, organisation=organisation)
    changed = {}
    for name, value in periods.items():
        if name not in Organisation.RETENTION_FIELDS:
            raise ValueError(f"Not a retention period: {name}")
        field = Organisation._meta.get_field(name)
        try:
            field.clean(value, organisation)
        except ValidationError as error:
            raise ValidationError({name: error.messages}) from None
        before = getattr(organisation, name)
        if before != int(value):
            changed[name] = (before, int(value))
            setattr(organisation, name, int(value))
    if changed:
        organisation.save(update_fields=list(changed))
        audit_record(
            organisation=organisation,
            action=AuditAction.RETENTION_CHANGED,
            actor=actor,
            detail={"changed": changed},
        )
    return organisation


# --- Staff lists (issue 19, point 3) ---------------------------------------------------------------------


@transaction.atomic
def staff_import_create(
    *, actor, organisation: Organisation, filename: str, data: bytes = b"", upload=None
) -> StaffImport:
    """Read an uploaded staff list (CSV or XLSX: ``data``, or an ``upload`` read only if it is small enough)
    and keep its rows for the preview; nothing else changes."""
    permissions.require_administer(user=actor, organisation=organisation)
    try:
        if upload is not None:
            if upload.size > MAX_BYTES:
                raise StaffFileError(_("The file is larger than 5 MB. Split it, for instance by workplace."))
            data = upload.read()
        rows = staff_file_read(name=filename or "", data=data)
    except StaffFileError as error:
        raise ValidationError({"file": str(error)}) from None
    return StaffImport.objects.create(
        organisation=organisation, uploaded_by=actor, filename=(filename or "")[:200], rows=rows
    )


def staff_import_running(staff_import) -> bool:
    return staff_import.applied_at is not None and staff_import.finished_at is None


@transaction.atomic
def staff_import_apply(*, actor, staff_import: StaffImport, now=None) -> StaffImport:
    """Apply the list in the background (the page shows how far it has come). Applying it again changes
    nothing that the first time did: each row is weighed against the people as they are then."""
    from .tasks import staff_import_run

    permissions.require_administer(user=actor, organisation=staff_import.organisation)
    locked = StaffImport.objects.select_for_update().get(pk=staff_import.pk)
    if staff_import_running(locked):
        raise ValidationError(_("The list is being applied. Wait until it is done."))
    locked.applied_at = now or timezone.now()
    locked.applied_by = actor
    locked.finished_at = None
    locked.rows_done = locked.welcomes_total = locked.welcomes_sent = 0
    locked.result = {}
    locked.save()
    # Enqueued inside the transaction: with the database backend the task row commits with the applying.
    staff_import_run.enqueue(import_id=locked.pk)
    return locked


PROGRESS_EVERY = 200


def _staff_row_apply(row, *, actor, made):
    User = get_user_model()
    if row.outcome == Outcome.NEW:
        user = made.get(row.email)
        if user is None:
            user = made[row.email] = User.objects.create_user(email=row.email, full_name=row.name)
    else:
        user = User.objects.get(pk=row.user_id)
        if not user.is_active:
            User.objects.filter(pk=user.pk).update(is_active=True)
    if row.membership_id is None:
        membership_add(
            workplace=row.workplace, user=user, role=row.role, origin=MembershipOrigin.IMPORT, actor=actor
        )
    else:
        membership = Membership.objects.select_related("workplace", "user").get(pk=row.membership_id)
        membership_change_role(actor=actor, membership=membership, role=row.role)


def staff_import_run_rows(*, staff_import: StaffImport) -> list[int]:
    """Make what the rows say, row by row (so each membership is recorded, audited and counted as any other
    is); returns the ids of the accounts made, to be welcomed. New leaders come first, so a list that swaps
    a workplace's leader does not demote the old one before the new one is in place. A person new to
    Frontløber in two workplaces gets one account; an account that belongs elsewhere gets an invitation; an
    account closed when its owner left is opened again."""
    actor = staff_import.applied_by
    rows = selectors.staff_import_rows(staff_import=staff_import)
    counts = selectors.staff_import_counts(rows)
    refused = []
    made = {}
    ordered = sorted(rows, key=lambda row: row.role != Role.LEADER)
    for done, row in enumerate(ordered, start=1):
        if row.outcome in (Outcome.NEW, Outcome.CHANGED):
            try:
                with transaction.atomic():
                    if row.invite:
                        invitation_create(
                            actor=actor, workplace=row.workplace, email=row.email, role=row.role
                        )
                    else:
                        _staff_row_apply(row, actor=actor, made=made)
            except (ValidationError, IntegrityError) as error:
                reason = (
                    " ".join(error.messages)
                    if isinstance(error, ValidationError)
                    else _("Could not be saved.")
                )
                refused.append([row.line, reason])
                counts[row.outcome] -= 1
                counts[Outcome.ERROR] += 1
        if done % PROGRESS_EVERY == 0:
            StaffImport.objects.filter(pk=staff_import.pk).update(rows_done=done)
    refused.sort()
    counts["refused"] = refused
    StaffImport.objects.filter(pk=staff_import.pk).update(
        rows_done=len(rows), welcomes_total=len(made), result=counts
    )
    audit_record(
        organisation=staff_import.organisation_id,
        action=AuditAction.STAFF_IMPORTED,
        actor=actor,
        detail={
            "count": counts[Outcome.NEW] + counts[Outcome.CHANGED],
            "new": counts[Outcome.NEW],
            "changed": counts[Outcome.CHANGED],
            "errors": counts[Outcome.ERROR],
        },
    )
    return [user.pk for user in made.values()]


@transaction.atomic
def staff_import_leavers_confirm(*, actor, staff_import: StaffImport, now=None) -> int:
    """Take the members the list leaves out of its workplaces (after the admin saw them listed)."""
    permissions.require_administer(user=actor, organisation=staff_import.organisation)
    absent = selectors.staff_import_absent(staff_import=staff_import)
    now = now or timezone.now()
    _leavers_remove(actor=actor, memberships=absent, now=now)
    return len(absent)


def personal_data_export_record(*, user, now=None):
    """A person downloaded everything held about them: each of their organisations' audit logs says so
    (``accounts.registry.personal_data_exported``)."""
    for organisation_id in selectors.organisations_of_person(user=user).values_list("pk", flat=True):
        audit_record(
            organisation=organisation_id, action=AuditAction.DATA_EXPORTED, actor=user, subject=user, now=now
        )
