"""/scim/v2/Groups: an identity provider's groups and their members, whose memberships follow the
organisation's sign-in rules (a rule's value matches a group's displayName or externalId)."""

import pytest
from django.contrib.auth import get_user_model

from frontloeber.organisations.models import (
    AuditAction,
    AuditEntry,
    Membership,
    MembershipOrigin,
    Role,
)
from frontloeber.organisations.services import membership_add
from frontloeber.provisioning.models import ScimGroup, ScimGroupMember
from frontloeber.sso.models import IdentityProvider, MappingRule
from tests.factories import WorkplaceFactory, member

from .conftest import DOMAIN, group_payload, patch_op, user_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(scim):
    made = []
    for name in ("anna", "bo", "carl"):
        response = scim.post("Users", user_payload(f"{name}@{DOMAIN}", given=name.title(), external_id=name))
        assert response.status_code == 201
        made.append(response.json()["id"])
    return made


@pytest.fixture
def rule(org):
    """Members of the group "Mælkebøtten" (its displayName) work at the workplace."""
    return MappingRule.objects.create(
        organisation=org.organisation, kind="workplace", value="Mælkebøtten", target_workplace=org.workplace
    )


def mapped(org, user_id):
    return dict(
        Membership.objects.filter(organisation=org.organisation, user_id=user_id).values_list(
            "workplace_id", "role"
        )
    )


def test_a_group_with_members_gives_them_the_workplace_of_the_rule(scim, org, people, rule):
    response = scim.post("Groups", group_payload("Mælkebøtten", external_id="g-1", members=people[:2]))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["displayName"] == "Mælkebøtten" and body["externalId"] == "g-1"
    assert {m["value"] for m in body["members"]} == set(people[:2])
    for user_id in people[:2]:
        assert mapped(org, user_id) == {org.workplace.pk: Role.EMPLOYEE}
        membership = Membership.objects.get(user_id=user_id)
        assert membership.origin == MembershipOrigin.IDENTITY_PROVIDER
    assert mapped(org, people[2]) == {}
    entry = AuditEntry.objects.get(action=AuditAction.SCIM_GROUP_CHANGED)
    assert entry.detail["group"] == "Mælkebøtten" and entry.detail["token"] == "Entra ID"


def test_entra_ids_member_patches(scim, org, people, rule):
    group = scim.post("Groups", group_payload("Mælkebøtten", members=people[:1])).json()
    url = f"Groups/{group['id']}"
    response = scim.patch(
        url, patch_op({"op": "Add", "path": "members", "value": [{"value": people[1]}, {"value": people[2]}]})
    )
    assert response.status_code == 200, response.content
    assert all(mapped(org, user_id) == {org.workplace.pk: Role.EMPLOYEE} for user_id in people)
    response = scim.patch(url, patch_op({"op": "Remove", "path": f'members[value eq "{people[0]}"]'}))
    assert response.status_code == 200, response.content
    assert mapped(org, people[0]) == {}
    # Entra's other way to remove: the member in the value.
    response = scim.patch(url, patch_op({"op": "Remove", "path": "members", "value": [{"value": people[1]}]}))
    assert response.status_code == 200, response.content
    assert mapped(org, people[1]) == {} and mapped(org, people[2]) == {org.workplace.pk: Role.EMPLOYEE}
    assert [m["value"] for m in scim.get(url).json()["members"]] == [people[2]]


def test_a_rule_on_the_external_id_with_a_role_and_the_providers_default(scim, org, people):
    other = WorkplaceFactory(organisation=org.organisation)
    member(other, Role.LEADER)
    MappingRule.objects.create(
        organisation=org.organisation,
        kind="workplace",
        value="object-id-1",
        target_workplace=other,
        role="leader",
    )
    MappingRule.objects.create(
        organisation=org.organisation, kind="workplace", value="Mælkebøtten", target_workplace=org.workplace
    )
    IdentityProvider.objects.create(
        organisation=org.organisation, key="fjordby", protocol="oidc", default_role=Role.OBSERVER
    )
    scim.post("Groups", group_payload("Ledere", external_id="object-id-1", members=people[:1]))
    scim.post("Groups", group_payload("Mælkebøtten", members=people[:1]))
    assert mapped(org, people[0]) == {other.pk: Role.LEADER, org.workplace.pk: Role.OBSERVER}


def test_a_membership_made_by_hand_is_never_touched(scim, org, people, rule):
    person_id = people[0]
    person = get_user_model().objects.get(pk=person_id)
    hand = membership_add(
        workplace=org.workplace, user=person, role=Role.LEADER, origin=MembershipOrigin.ADMIN
    )
    group = scim.post("Groups", group_payload("Mælkebøtten", members=[person_id])).json()
    scim.patch(
        f"Groups/{group['id']}", patch_op({"op": "Remove", "path": f'members[value eq "{person_id}"]'})
    )
    assert scim.delete(f"Groups/{group['id']}").status_code == 204
    hand.refresh_from_db()
    assert hand.role == Role.LEADER and hand.origin == MembershipOrigin.ADMIN


def test_renaming_a_group_moves_its_members_and_deleting_it_takes_them_out(scim, org, people, rule):
    group = scim.post("Groups", group_payload("Gammelt navn", members=people)).json()
    assert all(mapped(org, user_id) == {} for user_id in people)
    response = scim.patch(
        f"Groups/{group['id']}", patch_op({"op": "Replace", "path": "displayName", "value": "Mælkebøtten"})
    )
    assert response.status_code == 200, response.content
    assert all(mapped(org, user_id) == {org.workplace.pk: Role.EMPLOYEE} for user_id in people)
    assert scim.delete(f"Groups/{group['id']}").status_code == 204
    assert all(mapped(org, user_id) == {} for user_id in people)
    assert scim.get(f"Groups/{group['id']}").status_code == 404
    assert not ScimGroupMember.objects.exists()


def test_a_deactivated_person_in_a_group_gets_no_workplace_until_active_again(scim, org, people, rule):
    anna = people[0]
    scim.patch(f"Users/{anna}", patch_op({"op": "Replace", "path": "active", "value": "False"}))
    scim.post("Groups", group_payload("Mælkebøtten", members=[anna]))
    assert mapped(org, anna) == {}
    scim.patch(f"Users/{anna}", patch_op({"op": "Replace", "path": "active", "value": "True"}))
    # Active again: the group it is in gives the workplace (the reactivation itself gives none).
    assert mapped(org, anna) == {org.workplace.pk: Role.EMPLOYEE}


def test_put_filter_and_excluded_members(scim, org, people, rule):
    group = scim.post("Groups", group_payload("Mælkebøtten", external_id="g", members=people[:2])).json()
    found = scim.get("Groups", filter='displayName eq "mælkebøtten"', excludedAttributes="members").json()
    assert found["totalResults"] == 1 and "members" not in found["Resources"][0]
    assert scim.get("Groups", filter='externalId eq "g"').json()["Resources"][0]["id"] == group["id"]
    response = scim.put(f"Groups/{group['id']}", group_payload("Mælkebøtten", members=people[2:]))
    assert response.status_code == 200, response.content
    assert [m["value"] for m in response.json()["members"]] == people[2:]
    assert "externalId" not in response.json()
    assert mapped(org, people[0]) == {} and mapped(org, people[2]) == {org.workplace.pk: Role.EMPLOYEE}


def test_members_must_be_the_organisations_people(scim, org, people):
    stranger = member(WorkplaceFactory(), Role.EMPLOYEE).user
    response = scim.post("Groups", group_payload("Mælkebøtten", members=[people[0], stranger.pk]))
    assert response.status_code == 400 and response.json()["scimType"] == "invalidValue"
    assert str(stranger.pk) in response.json()["detail"]
    assert not ScimGroup.objects.exists()
    scim.post("Groups", group_payload("A", external_id="same"))
    response = scim.post("Groups", group_payload("B", external_id="same"))
    assert response.status_code == 409 and response.json()["scimType"] == "uniqueness"


def test_a_sign_in_and_scim_never_undo_each_others_workplaces(scim, org, people, rule):
    """SCIM's group gives one workplace, the sign-in's unit another: each keeps the other's."""
    from allauth.socialaccount.models import SocialAccount

    from frontloeber.sso import services as sso_services
    from frontloeber.sso.selectors import Asserted

    station = WorkplaceFactory(organisation=org.organisation, name="Station")
    MappingRule.objects.create(
        organisation=org.organisation, kind="workplace", value="U-9", target_workplace=station
    )
    provider = IdentityProvider.objects.create(
        organisation=org.organisation, key="fjordby-scim", protocol="oidc", unit_attribute="groups"
    )
    scim.post("Groups", group_payload("Mælkebøtten", members=people[:1]))
    person = get_user_model().objects.get(pk=people[0])
    assert mapped(org, person.pk) == {org.workplace.pk: Role.EMPLOYEE}

    SocialAccount.objects.create(
        user=person, provider=provider.provider_id, uid="p-0", extra_data={"userinfo": {"groups": ["U-9"]}}
    )
    sso_services.sign_in_apply(
        provider=provider, user=person, asserted=Asserted(email=person.email, units=["U-9"])
    )
    assert mapped(org, person.pk) == {org.workplace.pk: Role.EMPLOYEE, station.pk: Role.EMPLOYEE}

    # A later SCIM change to the group keeps the workplace the sign-in gave.
    group = ScimGroup.objects.get(display_name="Mælkebøtten")
    scim.patch(
        f"Groups/{group.pk}", patch_op({"op": "replace", "path": "displayName", "value": "Mælkebøtten"})
    )
    scim.patch(
        f"Groups/{group.pk}", patch_op({"op": "add", "path": "members", "value": [{"value": people[1]}]})
    )
    assert mapped(org, person.pk) == {org.workplace.pk: Role.EMPLOYEE, station.pk: Role.EMPLOYEE}
