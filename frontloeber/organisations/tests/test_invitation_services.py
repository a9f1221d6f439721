from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from frontloeber.accounts.models import User
from frontloeber.organisations import services
from frontloeber.organisations.models import Invitation, Membership, Role
from tests.factories import OrganisationAdminFactory, UserFactory, member

pytestmark = pytest.mark.django_db


def test_leader_invites_and_the_email_carries_a_working_link(workplace, leader):
    invitation = services.invitation_create(
        actor=leader, workplace=workplace, email="Ny@Example.dk", role="employee"
    )
    assert invitation.email == "ny@example.dk"
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ny@example.dk"]
    assert workplace.name in message.subject
    # The signed token carries a timestamp, so take the link from the e-mail rather than signing again.
    url = next(word for word in message.body.split() if "/konto/invitation/" in word)
    assert url.startswith("http://127.0.0.1:8000/konto/invitation/")
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert services.invitation_check(token=token) == invitation


def test_invitation_email_is_written_in_the_inviters_language(workplace, leader):
    services.invitation_create(
        actor=leader, workplace=workplace, email="a@example.dk", role="employee", language="en"
    )
    assert "invites you" in mail.outbox[0].body
    services.invitation_create(
        actor=leader, workplace=workplace, email="b@example.dk", role="employee", language="da"
    )
    assert "inviterer dig" in mail.outbox[1].body


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_only_leaders_invite(workplace, role):
    actor = member(workplace, role).user
    with pytest.raises(PermissionDenied):
        services.invitation_create(actor=actor, workplace=workplace, email="x@example.dk", role="employee")
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_organisation_admin_invites_to_any_workplace_of_their_organisation(workplace):
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    invitation = services.invitation_create(
        actor=admin, workplace=workplace, email="x@example.dk", role="leader"
    )
    assert invitation.role == Role.LEADER
    other_admin = OrganisationAdminFactory().user
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            actor=other_admin, workplace=workplace, email="y@example.dk", role="leader"
        )


def test_a_role_that_does_not_exist_is_refused(workplace, leader):
    with pytest.raises(ValidationError) as error:
        services.invitation_create(actor=leader, workplace=workplace, email="x@example.dk", role="king")
    assert "role" in error.value.message_dict
    assert not Invitation.objects.exists()


def test_an_existing_member_cannot_be_invited_again(workplace, leader):
    existing = member(workplace, Role.EMPLOYEE, email="kollega@example.dk").user
    with pytest.raises(ValidationError) as error:
        services.invitation_create(
            actor=leader, workplace=workplace, email="KOLLEGA@example.dk", role="employee"
        )
    assert existing.email in error.value.message_dict["email"][0]
    assert not Invitation.objects.exists()


def test_inviting_again_replaces_the_pending_invitation(workplace, leader):
    first = services.invitation_create(
        actor=leader, workplace=workplace, email="x@example.dk", role="employee"
    )
    second = services.invitation_create(
        actor=leader, workplace=workplace, email="x@example.dk", role="observer"
    )
    first.refresh_from_db()
    assert first.revoked_at is not None
    with pytest.raises(services.InvitationInvalid) as error:
        services.invitation_check(token=services.invitation_token(invitation=first))
    assert error.value.reason == "revoked"
    assert services.invitation_check(token=services.invitation_token(invitation=second)) == second


def test_forged_expired_and_revoked_links_are_refused(workplace, leader):
    invitation = services.invitation_create(
        actor=leader, workplace=workplace, email="x@example.dk", role="employee"
    )
    token = services.invitation_token(invitation=invitation)
    for forged in ["not-a-token", token[:-2] + "xx", token + "x"]:
        with pytest.raises(services.InvitationInvalid) as error:
            services.invitation_check(token=forged)
        assert error.value.reason == "forged"
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(services.InvitationInvalid) as error:
        services.invitation_check(token=token)
    assert error.value.reason == "expired"


def test_accepting_creates_the_account_and_membership_once(workplace, leader):
    invitation = services.invitation_create(
        actor=leader, workplace=workplace, email="ny@example.dk", role="observer"
    )
    token = services.invitation_token(invitation=invitation)
    membership = services.invitation_accept_new_user(
        token=token, full_name=" Ny Kollega ", password="en-lang-kode-123"
    )
    assert membership.workplace == workplace and membership.role == Role.OBSERVER
    user = User.objects.get(email="ny@example.dk")
    assert user.full_name == "Ny Kollega" and user.check_password("en-lang-kode-123")
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    with pytest.raises(services.InvitationInvalid) as error:
        services.invitation_accept_new_user(token=token, full_name="Igen", password="en-lang-kode-123")
    assert error.value.reason == "used"
    assert User.objects.filter(email="ny@example.dk").count() == 1


def test_an_existing_account_joins_with_its_own_login(workplace, leader):
    person = UserFactory(email="findes@example.dk")
    invitation = services.invitation_create(
        actor=leader, workplace=workplace, email="findes@example.dk", role="employee"
    )
    token = services.invitation_token(invitation=invitation)
    stranger = UserFactory()
    with pytest.raises(ValidationError):
        services.invitation_accept_existing(token=token, user=stranger)
    assert not Membership.objects.filter(user=stranger).exists()
    with pytest.raises(ValidationError):
        services.invitation_accept_new_user(token=token, full_name="X", password="en-lang-kode-123")
    membership = services.invitation_accept_existing(token=token, user=person)
    assert membership.user == person and membership.workplace == workplace


def test_revoking_needs_the_right_to_manage_people(workplace, leader):
    invitation = services.invitation_create(
        actor=leader, workplace=workplace, email="x@example.dk", role="employee"
    )
    with pytest.raises(PermissionDenied):
        services.invitation_revoke(actor=member(workplace).user, invitation=invitation)
    services.invitation_revoke(actor=leader, invitation=invitation)
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
