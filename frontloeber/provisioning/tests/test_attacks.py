"""What a review found SCIM and a sign-in could be made to do, each shown failing before its fix (issue 19):
a token moving the address of an operator's or a password account (then a password reset takes it), SCIM
demoting a leader the sign-in's role rule made, a sign-in undoing a SCIM deactivation, and the rule preview
blind to SCIM groups."""

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model

from frontloeber.organisations.models import Membership, MembershipOrigin, Role
from frontloeber.organisations.services import membership_add
from frontloeber.sso import services as sso_services
from frontloeber.sso.models import IdentityProvider, MappingRule
from frontloeber.sso.selectors import asserted_identity, mapping_preview, mapping_rules
from tests.factories import WorkplaceFactory, member

from .conftest import DOMAIN, group_payload, patch_op, user_payload

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def oidc(org):
    provider = IdentityProvider.objects.create(
        organisation=org.organisation,
        key="fjordby",
        protocol="oidc",
        enabled=True,
        issuer="https://idp.example",
        client_id="c",
        client_secret="s",
        email_attribute="email",
        unit_attribute="groups",
        role_attribute="roles",
    )
    MappingRule.objects.create(
        organisation=org.organisation, kind="workplace", value="g-1", target_workplace=org.workplace
    )
    MappingRule.objects.create(organisation=org.organisation, kind="role", value="leder", role=Role.LEADER)
    return provider


def _sign_in(provider, user, groups, roles):
    extra = {"id_token": {"sub": f"sub-{user.pk}", "email": user.email, "groups": groups, "roles": roles}}
    SocialAccount.objects.update_or_create(
        provider=provider.provider_id, user=user, defaults={"uid": f"sub-{user.pk}", "extra_data": extra}
    )
    asserted = asserted_identity(provider=provider, extra_data=extra)
    return sso_services.sign_in_apply(provider=provider, user=user, asserted=asserted)


def test_a_token_cannot_move_the_address_of_an_operator(scim, org):
    operator = User.objects.create_superuser("ops@frontloeber.dk", "operator-password-1")
    membership_add(workplace=org.workplace, user=operator, role=Role.OBSERVER, origin=MembershipOrigin.ADMIN)
    answer = scim.patch(
        f"Users/{operator.pk}", patch_op({"op": "replace", "path": "userName", "value": f"mine@{DOMAIN}"})
    )
    assert answer.status_code == 400 and answer.json()["scimType"] == "mutability"
    operator.refresh_from_db()
    assert operator.email == "ops@frontloeber.dk"


def test_a_token_cannot_move_the_address_of_someone_with_a_password(scim, org):
    substitute = member(org.workplace, Role.EMPLOYEE, email="vikar@gmail.com").user
    answer = scim.put(f"Users/{substitute.pk}", user_payload(f"evil@{DOMAIN}", external_id="x"))
    assert answer.status_code == 400
    substitute.refresh_from_db()
    assert substitute.email == "vikar@gmail.com"


def test_scim_keeps_the_role_a_sign_ins_role_rule_gave(scim, org, oidc):
    anna = scim.post("Users", user_payload(f"anna@{DOMAIN}", external_id="anna")).json()["id"]
    user = User.objects.get(pk=anna)
    _sign_in(oidc, user, ["g-1"], ["leder"])
    assert Membership.objects.get(user=user, workplace=org.workplace).role == Role.LEADER
    assert scim.post("Groups", group_payload("Akut", external_id="g-1", members=[anna])).status_code == 201
    assert Membership.objects.get(user=user, workplace=org.workplace).role == Role.LEADER


def test_a_sign_in_does_not_undo_a_scim_deactivation(scim, org, oidc):
    anna = scim.post("Users", user_payload(f"anna@{DOMAIN}", external_id="anna")).json()["id"]
    user = User.objects.get(pk=anna)
    membership_add(workplace=WorkplaceFactory(), user=user, role=Role.EMPLOYEE, origin=MembershipOrigin.ADMIN)
    _sign_in(oidc, user, ["g-1"], [])
    deactivated = scim.patch(f"Users/{anna}", patch_op({"op": "replace", "path": "active", "value": False}))
    assert deactivated.status_code == 200
    assert not Membership.objects.filter(user=user, organisation=org.organisation).exists()
    _sign_in(oidc, user, ["g-1"], [])
    assert not Membership.objects.filter(user=user, organisation=org.organisation).exists()
    with pytest.raises(sso_services.SignInRefused):
        sso_services.sign_in_person(
            provider=oidc,
            uid=f"sub-{user.pk}",
            extra_data={},
            asserted=asserted_identity(provider=oidc, extra_data={"id_token": {"email": user.email}}),
            linked_user=user,
        )


def test_the_preview_counts_scim_groups(scim, org, oidc):
    anna = scim.post("Users", user_payload(f"anna@{DOMAIN}", external_id="anna")).json()["id"]
    bo = scim.post("Users", user_payload(f"bo@{DOMAIN}", external_id="bo")).json()["id"]
    user = User.objects.get(pk=anna)
    scim.post("Groups", group_payload("Akut", external_id="g-1", members=[anna, bo]))
    _sign_in(oidc, user, [], [])  # the token carries no groups claim (Entra ID: over 200 groups)
    assert Membership.objects.filter(user=user, workplace=org.workplace).exists()
    preview = mapping_preview(provider=oidc, rules=mapping_rules(organisation=org.organisation))
    assert (preview.people, preview.joins, preview.role_changes, preview.leaves) == (2, 0, 0, 0)
