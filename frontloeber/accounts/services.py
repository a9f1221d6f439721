"""Writes for accounts and invitations. Each checks the actor's permission itself."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.organisations import permissions as org_permissions
from frontloeber.organisations import services as org_services
from frontloeber.organisations.models import Membership, MembershipOrigin

from .models import Invitation, User

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
    path = reverse("accounts:invitation_accept", kwargs={"token": invitation_token(invitation=invitation)})
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def invitation_create(*, actor, workplace, email: str, role: str, language: str = "da") -> Invitation:
    """Invite a person by e-mail to the workplace; the e-mail goes out through the task worker.

    Inviting the same address again replaces the earlier pending invitation.
    """
    from .tasks import invitation_send

    org_permissions.require_manage_people(user=actor, workplace=workplace)
    email = User.objects.normalize_email(email or "").strip().lower()
    org_services.validate_role(role)
    if not email:
        raise ValidationError({"email": _("Write the e-mail address of the person you are inviting.")})
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
    # Enqueued inside the transaction: with the database backend the task row commits with the invitation.
    invitation_send.enqueue(invitation_id=invitation.pk)
    return invitation


@transaction.atomic
def invitation_revoke(*, actor, invitation: Invitation) -> Invitation:
    org_permissions.require_manage_people(user=actor, workplace=invitation.workplace)
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
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
    membership = org_services.membership_add(
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
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("An account with this e-mail address exists already. Log in to accept."))
    user = User.objects.create_user(email=invitation.email, password=password, full_name=full_name.strip())
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
