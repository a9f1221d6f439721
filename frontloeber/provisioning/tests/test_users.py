"""/scim/v2/Users as provisioning services use it: find, create, read, list and page, replace, patch in
Entra ID's shapes, deactivate and delete (issue 19, point 3)."""

import pytest
from django.contrib.auth import get_user_model

from frontloeber.organisations.models import (
    AuditAction,
    AuditEntry,
    Membership,
    MembershipChange,
    MembershipChangeKind,
    MembershipOrigin,
    Role,
)
from frontloeber.organisations.services import membership_add
from frontloeber.provisioning.models import ScimIdentity
from tests.factories import UserFactory, WorkplaceFactory, member

from .conftest import DOMAIN, patch_op, user_payload

pytestmark = pytest.mark.django_db
User = get_user_model()


def create(scim, email=f"anna@{DOMAIN}", **kwargs):
    response = scim.post("Users", user_payload(email, **kwargs))
    assert response.status_code == 201, response.content
    return response.json()


def test_a_person_is_created_without_a_password_and_answered_as_scim(scim, org, token):
    body = create(scim)
    person = User.objects.get(email=f"anna@{DOMAIN}")
    assert person.full_name == "Anna Berg" and not person.has_usable_password() and person.is_active
    assert body["id"] == str(person.pk) and body["userName"] == f"anna@{DOMAIN}"
    assert body["externalId"] == "entra-anna" and body["active"] is True
    assert body["name"] == {"formatted": "Anna Berg", "familyName": "Berg", "givenName": "Anna"}
    assert body["meta"]["location"] == f"http://testserver/scim/v2/Users/{person.pk}"
    assert body["schemas"] == ["urn:ietf:params:scim:schemas:core:2.0:User"]
    identity = ScimIdentity.objects.get(organisation=org.organisation, user=person)
    assert identity.external_id == "entra-anna"
    entry = AuditEntry.objects.get(action=AuditAction.SCIM_USER_CREATED)
    assert entry.subject == person and entry.actor is None
    assert entry.detail == {"via": "SCIM", "token": "Entra ID"}
    # Nobody is a member of anything by being created.
    assert not Membership.objects.filter(user=person).exists()


def test_get_filter_and_list(scim, org):
    anna = create(scim)
    response = scim.get(f"Users/{anna['id']}")
    assert response.status_code == 200 and response["Content-Type"] == "application/scim+json"
    assert response.json()["userName"] == f"anna@{DOMAIN}"

    found = scim.get("Users", filter=f'userName eq "ANNA@{DOMAIN}"').json()
    assert found["totalResults"] == 1 and found["Resources"][0]["id"] == anna["id"]
    assert scim.get("Users", filter='externalId eq "entra-anna"').json()["totalResults"] == 1
    assert scim.get("Users", filter='externalId eq "ENTRA-ANNA"').json()["totalResults"] == 0
    nobody = scim.get("Users", filter=f'userName eq "nobody@{DOMAIN}"').json()
    assert nobody["totalResults"] == 0 and nobody.get("Resources", []) == []

    # The list: the organisation's members (the leader, made by hand) and the people SCIM made.
    listed = scim.get("Users").json()
    assert listed["totalResults"] == 2
    assert {r["userName"] for r in listed["Resources"]} == {f"anna@{DOMAIN}", f"lene@{DOMAIN}"}


def test_paging_follows_rfc_7644(scim, org):
    for n in range(5):
        create(scim, f"p{n}@{DOMAIN}", external_id=f"x{n}")
    total = 6  # and the leader
    page = scim.get("Users", startIndex=2, count=2).json()
    assert page["totalResults"] == total and page["startIndex"] == 2 and page["itemsPerPage"] == 2
    every = [r["id"] for r in scim.get("Users", count=100).json()["Resources"]]
    assert [r["id"] for r in page["Resources"]] == every[1:3]
    # startIndex below 1 is read as 1; count 0 answers the total only; a count above the cap is capped.
    assert scim.get("Users", startIndex=-5, count=1).json()["Resources"][0]["id"] == every[0]
    none = scim.get("Users", count=0).json()
    assert none["totalResults"] == total and none["itemsPerPage"] == 0 and not none.get("Resources")
    assert scim.get("Users", count=10000).json()["itemsPerPage"] == total
    assert scim.get("Users", count=-3).json()["itemsPerPage"] == 0
    beyond = scim.get("Users", startIndex=50).json()
    assert beyond["totalResults"] == total and beyond["itemsPerPage"] == 0


def test_put_replaces_name_address_and_external_id(scim, org):
    anna = create(scim)
    payload = user_payload(f"anna.berg@{DOMAIN}", given="Anna", family="Holm", external_id="entra-anna-2")
    response = scim.put(f"Users/{anna['id']}", payload)
    assert response.status_code == 200, response.content
    person = User.objects.get(pk=anna["id"])
    assert person.email == f"anna.berg@{DOMAIN}" and person.full_name == "Anna Holm"
    assert response.json()["externalId"] == "entra-anna-2"
    entry = AuditEntry.objects.filter(action=AuditAction.SCIM_USER_CHANGED).get()
    assert entry.detail["fields"] == ["userName", "name", "externalId"]


def test_entra_ids_patches(scim, org):
    anna = create(scim)
    url = f"Users/{anna['id']}"
    # One part of the name alone keeps the other.
    response = scim.patch(url, patch_op({"op": "Replace", "path": "name.familyName", "value": "Holm"}))
    assert response.status_code == 200, response.content
    assert User.objects.get(pk=anna["id"]).full_name == "Anna Holm"
    # Path-less replace with a dict; an "add" through a filter that matches nothing (Entra's e-mail).
    response = scim.patch(
        url,
        patch_op(
            {"op": "Replace", "value": {"name.givenName": "Anne", "externalId": "entra-anne"}},
            {"op": "Add", "path": 'emails[type eq "work"].value', "value": f"anne@{DOMAIN}"},
            {"op": "Add", "path": "title", "value": "Pædagog"},
        ),
    )
    assert response.status_code == 200, response.content
    assert response.json()["externalId"] == "entra-anne"
    assert User.objects.get(pk=anna["id"]).full_name == "Anne Holm"
    # Removing the external id.
    response = scim.patch(url, patch_op({"op": "Remove", "path": "externalId"}))
    assert response.status_code == 200 and "externalId" not in response.json()


def test_deactivating_makes_a_confirmed_leaver_and_closes_the_account(scim, org):
    anna = create(scim)
    person = User.objects.get(pk=anna["id"])
    membership_add(workplace=org.workplace, user=person, role=Role.EMPLOYEE, origin=MembershipOrigin.ADMIN)
    response = scim.patch(
        f"Users/{anna['id']}", patch_op({"op": "Replace", "path": "active", "value": "False"})
    )
    assert response.status_code == 200, response.content
    assert response.json()["active"] is False
    person.refresh_from_db()
    assert not person.is_active
    # Gone from the workplace: asked in no survey, counted toward no threshold.
    assert not Membership.objects.filter(workplace=org.workplace, user=person).exists()
    left = MembershipChange.objects.get(user=person, kind=MembershipChangeKind.LEFT)
    assert left.workplace == org.workplace and left.actor is None
    confirmed = AuditEntry.objects.get(action=AuditAction.LEAVER_CONFIRMED, subject=person)
    assert confirmed.actor is None and confirmed.detail["via"] == "SCIM"
    assert AuditEntry.objects.filter(action=AuditAction.SCIM_USER_DEACTIVATED, subject=person).exists()
    # Still known to the organisation's SCIM, as inactive.
    assert scim.get(f"Users/{anna['id']}").json()["active"] is False
    assert scim.get("Users", filter=f'userName eq "anna@{DOMAIN}"').json()["totalResults"] == 1

    # Active again: the account opens, but no membership comes back by itself.
    response = scim.patch(f"Users/{anna['id']}", patch_op({"op": "Replace", "value": {"active": True}}))
    assert response.status_code == 200 and response.json()["active"] is True
    person.refresh_from_db()
    assert person.is_active and not Membership.objects.filter(user=person).exists()


def test_a_person_in_another_organisation_too_keeps_the_account(scim, org):
    anna = create(scim)
    person = User.objects.get(pk=anna["id"])
    elsewhere = WorkplaceFactory()
    membership_add(workplace=elsewhere, user=person, role=Role.EMPLOYEE, origin=MembershipOrigin.ADMIN)
    assert scim.patch(f"Users/{anna['id']}", patch_op({"op": "replace", "path": "active", "value": False}))
    person.refresh_from_db()
    assert person.is_active and Membership.objects.filter(user=person, workplace=elsewhere).exists()
    assert scim.get(f"Users/{anna['id']}").json()["active"] is False


def test_the_last_leader_is_not_deactivated_and_nothing_changes(scim, org):
    lene = scim.get("Users", filter=f'userName eq "lene@{DOMAIN}"').json()["Resources"][0]
    colleague = member(org.workplace, Role.EMPLOYEE).user
    before = AuditEntry.objects.count()
    response = scim.put(
        f"Users/{lene['id']}",
        user_payload(f"lene@{DOMAIN}", given="Lene", family="Leder-Hansen", external_id="x", active=False),
    )
    assert response.status_code == 409, response.content
    body = response.json()
    assert body["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"] and body["status"] == "409"
    assert "Børnehuset Mælkebøtten" in body["detail"]
    org.leader.refresh_from_db()
    assert org.leader.is_active and org.leader.full_name == "Lene Leder"
    assert Membership.objects.filter(workplace=org.workplace, user=org.leader, role=Role.LEADER).exists()
    assert AuditEntry.objects.count() == before
    assert not ScimIdentity.objects.filter(user=org.leader).exists()
    assert colleague.is_active
    assert scim.delete(f"Users/{lene['id']}").status_code == 409


def test_delete_makes_a_leaver_and_forgets_the_person(scim, org):
    anna = create(scim)
    person = User.objects.get(pk=anna["id"])
    membership_add(workplace=org.workplace, user=person, role=Role.EMPLOYEE, origin=MembershipOrigin.ADMIN)
    response = scim.delete(f"Users/{anna['id']}")
    assert response.status_code == 204
    person.refresh_from_db()
    assert not person.is_active and not Membership.objects.filter(user=person).exists()
    assert scim.get(f"Users/{anna['id']}").status_code == 404
    assert scim.delete(f"Users/{anna['id']}").status_code == 404


def test_an_existing_account_is_taken_only_when_it_is_this_organisations_or_nobodys(scim, org):
    # A member made by hand: taken, and found by the filter before that too.
    hand = member(org.workplace, Role.EMPLOYEE, email=f"hand@{DOMAIN}").user
    assert scim.post("Users", user_payload(f"hand@{DOMAIN}", external_id="h")).json()["id"] == str(hand.pk)
    assert Membership.objects.get(user=hand).origin == MembershipOrigin.ADMIN  # untouched
    # Nobody's account (never used, no password, no place): taken.
    free = User.objects.create_user(f"free@{DOMAIN}", None, full_name="Fri")
    assert scim.post("Users", user_payload(f"free@{DOMAIN}", external_id="f")).json()["id"] == str(free.pk)
    # Another organisation's person, or an account someone has used: 409, nothing taken.
    other = member(WorkplaceFactory(), Role.EMPLOYEE, email=f"other@{DOMAIN}").user
    used = UserFactory(email=f"used@{DOMAIN}")
    for person in (other, used):
        response = scim.post("Users", user_payload(person.email, external_id=f"e-{person.pk}"))
        assert response.status_code == 409 and response.json()["scimType"] == "uniqueness"
        assert not ScimIdentity.objects.filter(user=person).exists()
    assert scim.get(f"Users/{other.pk}").status_code == 404
    # The same userName twice, or the same externalId: 409.
    assert scim.post("Users", user_payload(f"hand@{DOMAIN}", external_id="h2")).status_code == 409
    response = scim.post("Users", user_payload(f"new@{DOMAIN}", external_id="h"))
    assert response.status_code == 409 and response.json()["scimType"] == "uniqueness"
    assert not User.objects.filter(email=f"new@{DOMAIN}").exists()
