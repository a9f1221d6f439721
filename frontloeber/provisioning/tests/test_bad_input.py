"""What a SCIM request may get wrong: every refusal is a SCIM error with its status and scimType, changes
nothing, and is never a 500."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from frontloeber.organisations.models import OrganisationDomain, Role
from frontloeber.provisioning import services
from frontloeber.provisioning.models import ScimToken
from tests.factories import OrganisationFactory, UserFactory, WorkplaceFactory, member

from .conftest import DOMAIN, Scim, patch_op, user_payload

pytestmark = pytest.mark.django_db
User = get_user_model()


def error(response, status, scim_type=None):
    assert response.status_code == status, response.content
    body = response.json()
    assert body["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    assert body["status"] == str(status) and body["detail"]
    assert body.get("scimType") == scim_type
    return body


def test_no_wrong_revoked_or_expired_token_get_the_same_401(client, org, token):
    revoked, revoked_secret = services.scim_token_create(
        actor=org.admin, organisation=org.organisation, name="r"
    )
    services.scim_token_revoke(actor=org.admin, token=revoked)
    expired, expired_secret = services.scim_token_create(
        actor=org.admin, organisation=org.organisation, name="e"
    )
    ScimToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    answers = set()
    for secret in (None, "", "flscim_wrong", token.secret[:-1], revoked_secret, expired_secret, "x" * 5000):
        response = Scim(client, secret).get("Users")
        body = error(response, 401)
        assert response["WWW-Authenticate"].startswith("Bearer")
        answers.add(body["detail"])
    assert len(answers) == 1
    # Another scheme with the right secret is no better.
    response = client.get("/scim/v2/Users", headers={"Authorization": f"Basic {token.secret}"})
    error(response, 401)
    assert not User.objects.filter(email=f"anna@{DOMAIN}").exists()


def test_another_organisations_person_and_group_are_not_found(scim, org):
    other_workplace = WorkplaceFactory()
    stranger = member(other_workplace, Role.EMPLOYEE).user
    other_org = other_workplace.organisation
    OrganisationDomain.objects.create(organisation=other_org, domain="andeby.dk")
    admin = UserFactory()
    from frontloeber.organisations.services import organisation_admin_add

    organisation_admin_add(organisation=other_org, user=admin)
    _other_token, other_secret = services.scim_token_create(actor=admin, organisation=other_org, name="o")
    theirs = Scim(scim.client, other_secret).post("Groups", {"displayName": "Deres"}).json()
    for path in (
        f"Users/{stranger.pk}",
        f"Groups/{theirs['id']}",
        "Users/abc",
        "Users/99999999",
        "Groups/-1",
    ):
        error(scim.get(path), 404)
        error(scim.patch(path, patch_op({"op": "replace", "path": "active", "value": False})), 404)
        error(scim.delete(path), 404)
    error(scim.put(f"Users/{stranger.pk}", user_payload(stranger.email)), 404)
    stranger.refresh_from_db()
    assert stranger.is_active
    found = scim.get("Users", filter=f'userName eq "{stranger.email}"').json()
    assert found["totalResults"] == 0


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"[1, 2]", b"\xff\xfe", b""],
)
def test_a_body_that_is_not_a_json_object_is_invalid_syntax(scim, body):
    error(scim.post("Users", raw=body), 400, "invalidSyntax")


@pytest.mark.parametrize(
    "body, scim_type",
    [
        ({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]}, "invalidValue"),  # no userName
        (user_payload(f"anna@{DOMAIN}", active="perhaps"), "invalidValue"),
        (user_payload(f"anna@{DOMAIN}", name="Anna Berg"), "invalidValue"),
        (user_payload(f"anna@{DOMAIN}", userName=["anna@fjordby.dk"]), "invalidValue"),
    ],
)
def test_a_person_that_is_not_one_is_refused(scim, body, scim_type):
    response = scim.post("Users", body)
    assert response.status_code == 400 and response.json()["scimType"] == scim_type, response.content
    assert not User.objects.filter(email=f"anna@{DOMAIN}").exists()


def test_a_username_outside_the_organisations_domains_is_refused_with_the_domains(scim):
    body = error(scim.post("Users", user_payload("anna@gmail.com")), 400, "invalidValue")
    assert "fjordby.dk" in body["detail"] and "anna@gmail.com" in body["detail"]
    error(scim.post("Users", user_payload("not-an-address")), 400, "invalidValue")
    assert not User.objects.filter(email="anna@gmail.com").exists()


def test_an_organisation_without_domains_is_told_to_add_them(client):
    organisation = OrganisationFactory()
    admin = UserFactory()
    from frontloeber.organisations.services import organisation_admin_add

    organisation_admin_add(organisation=organisation, user=admin)
    _token, secret = services.scim_token_create(actor=admin, organisation=organisation, name="t")
    body = error(Scim(client, secret).post("Users", user_payload(f"anna@{DOMAIN}")), 400, "invalidValue")
    assert "e-maildomæner" in body["detail"], "told in Danish, the product's first language"


@pytest.mark.parametrize(
    "text",
    [
        'name.familyName eq "Berg"',
        f'userName co "{DOMAIN}"',
        'userName eq "a" or userName eq "b"',
        'emails[type eq "work"].value eq "a@fjordby.dk"',
        "userName eq",
        "userName pr",
        "active eq true",
        "userName eq 12",
    ],
)
def test_filters_other_than_the_supported_ones_are_invalid_filter(scim, text):
    body = error(scim.get("Users", filter=text), 400, "invalidFilter")
    assert 'userName eq "…"' in body["detail"]
    error(scim.get("Groups", filter=text.replace("userName", "members")), 400, "invalidFilter")


def test_paging_that_is_not_a_number_is_refused(scim):
    error(scim.get("Users", count="many"), 400, "invalidValue")
    error(scim.get("Groups", startIndex="1.5"), 400, "invalidValue")


def test_patches_that_cannot_be_applied(scim, org):
    anna = scim.post("Users", user_payload(f"anna@{DOMAIN}")).json()
    url = f"Users/{anna['id']}"
    error(scim.patch(url, {"Operations": []}), 400, "invalidValue")
    error(scim.patch(url, patch_op({"op": "move", "path": "active"})), 400, "invalidValue")
    error(scim.patch(url, patch_op({"op": "remove"})), 400, "noTarget")
    error(scim.patch(url, patch_op({"op": "replace", "path": "id", "value": "7"})), 400, "mutability")
    error(scim.patch(url, patch_op({"op": "remove", "path": "userName"})), 400, "mutability")
    error(
        scim.patch(url, patch_op({"op": "replace", "path": "userName", "value": "x@gmail.com"})),
        400,
        "invalidValue",
    )
    assert User.objects.get(pk=anna["id"]).email == f"anna@{DOMAIN}"


def test_a_body_over_one_megabyte_is_413_before_it_is_read(scim):
    big = user_payload(f"anna@{DOMAIN}", title="x" * (1024 * 1024))
    error(scim.post("Users", big), 413)
    assert not User.objects.filter(email=f"anna@{DOMAIN}").exists()


def test_a_method_an_endpoint_does_not_have(scim):
    response = scim.delete("Users")
    error(response, 405)
    assert response["Allow"] == "GET, POST"


def test_each_token_has_its_rate_limit(scim, settings, client, org):
    settings.SCIM_REQUESTS_PER_MINUTE = 3
    for _n in range(3):
        assert scim.get("ServiceProviderConfig").status_code == 200
    response = scim.get("Users")
    error(response, 429)
    assert response["Retry-After"] == "60"
    _other, secret = services.scim_token_create(actor=org.admin, organisation=org.organisation, name="2")
    assert Scim(client, secret).get("Users").status_code == 200


def test_the_userName_of_someone_of_another_organisation_too_cannot_change(scim, org):
    anna = scim.post("Users", user_payload(f"anna@{DOMAIN}")).json()
    person = User.objects.get(pk=anna["id"])
    from frontloeber.organisations.models import MembershipOrigin
    from frontloeber.organisations.services import membership_add

    membership_add(
        workplace=WorkplaceFactory(), user=person, role=Role.EMPLOYEE, origin=MembershipOrigin.ADMIN
    )
    response = scim.patch(
        f"Users/{anna['id']}", patch_op({"op": "replace", "path": "userName", "value": f"anna2@{DOMAIN}"})
    )
    error(response, 400, "mutability")
    # …and an address another account has is taken.
    UserFactory(email=f"taken@{DOMAIN}")
    scim_type = "uniqueness"
    person.memberships.all().delete()
    response = scim.patch(
        f"Users/{anna['id']}", patch_op({"op": "replace", "path": "userName", "value": f"taken@{DOMAIN}"})
    )
    error(response, 409, scim_type)
    person.refresh_from_db()
    assert person.email == f"anna@{DOMAIN}"
