"""The services underneath: a confirmed leaver by a system (organisations), and the token as the actor of
every SCIM write."""

import pytest
from django.core.exceptions import ValidationError
from scim2_models import ConflictException, UnauthorizedException

from frontloeber.organisations.models import (
    AuditAction,
    AuditEntry,
    Membership,
    MembershipChange,
    MembershipChangeKind,
    MembershipOrigin,
    Role,
)
from frontloeber.organisations.services import leaver_confirm_by_system, membership_add
from frontloeber.provisioning import services
from frontloeber.provisioning.models import ScimGroup, ScimIdentity
from tests.factories import OrganisationAdminFactory, WorkplaceFactory, member

from .conftest import DOMAIN

pytestmark = pytest.mark.django_db
VIA = {"via": "SCIM", "token": "Entra ID"}


def test_a_system_confirms_a_leaver_of_every_workplace_of_the_organisation(org):
    second = WorkplaceFactory(organisation=org.organisation)
    member(second, Role.LEADER)
    person = member(org.workplace, Role.EMPLOYEE).user
    membership_add(workplace=second, user=person, role=Role.OBSERVER, origin=MembershipOrigin.IMPORT)
    assert leaver_confirm_by_system(organisation=org.organisation, user=person, detail=VIA) == 2
    person.refresh_from_db()
    assert not person.is_active and not Membership.objects.filter(user=person).exists()
    assert (
        MembershipChange.objects.filter(user=person, kind=MembershipChangeKind.LEFT, actor=None).count() == 2
    )
    entries = AuditEntry.objects.filter(action=AuditAction.LEAVER_CONFIRMED, subject=person)
    assert entries.count() == 2 and all(e.detail["via"] == "SCIM" and e.actor is None for e in entries)


def test_a_workplaces_only_leader_is_refused_by_name_and_nothing_changes(org):
    second = WorkplaceFactory(organisation=org.organisation, name="Plejecenter Solgården")
    membership_add(workplace=second, user=org.leader, role=Role.LEADER, origin=MembershipOrigin.ADMIN)
    member(org.workplace, Role.LEADER)  # the first workplace has another leader
    before = (Membership.objects.count(), MembershipChange.objects.count(), AuditEntry.objects.count())
    with pytest.raises(ValidationError, match="Plejecenter Solgården"):
        leaver_confirm_by_system(organisation=org.organisation, user=org.leader, detail=VIA)
    after = (Membership.objects.count(), MembershipChange.objects.count(), AuditEntry.objects.count())
    assert before == after
    org.leader.refresh_from_db()
    assert org.leader.is_active


def test_an_organisation_admin_who_leaves_keeps_the_account(org):
    person = member(org.workplace, Role.EMPLOYEE).user
    OrganisationAdminFactory(organisation=org.organisation, user=person)
    leaver_confirm_by_system(organisation=org.organisation, user=person, detail=VIA)
    person.refresh_from_db()
    assert person.is_active and not Membership.objects.filter(user=person).exists()


def test_every_write_needs_a_usable_token_and_works_in_its_organisation(org, token):
    person = services.scim_person_create(token=token, values=services.PersonValues(email=f"anna@{DOMAIN}"))
    assert person.full_name == f"anna@{DOMAIN}"  # no name sent: the address, until one comes
    services.scim_token_revoke(actor=org.admin, token=token)
    with pytest.raises(UnauthorizedException):
        services.scim_person_update(
            token=token, user=person, values=services.PersonValues(email=person.email)
        )
    elsewhere = ScimGroup.objects.create(organisation=WorkplaceFactory().organisation, display_name="x")
    fresh, _secret = services.scim_token_create(actor=org.admin, organisation=org.organisation, name="2")
    with pytest.raises(UnauthorizedException):
        services.scim_group_delete(token=fresh, group=elsewhere)
    assert ScimGroup.objects.filter(pk=elsewhere.pk).exists()


def test_a_refused_deactivation_rolls_back_the_whole_change(org, token):
    values = services.PersonValues(email=org.leader.email, full_name="Lene Ny", external_id="l", active=False)
    with pytest.raises(ConflictException, match="Mælkebøtten"):
        services.scim_person_update(token=token, user=org.leader, values=values)
    org.leader.refresh_from_db()
    assert org.leader.full_name == "Lene Leder" and not ScimIdentity.objects.exists()
