"""Signing in through the organisation's own identity provider, with the real test IdPs running (issue 19,
points 1 and 2): just-in-time accounts, names and mapped workplaces at each sign-in, the organisation's
domains, linking an existing account, re-authentication, and the answers that must be refused."""

import base64

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.urls import reverse

from frontloeber.accounts.models import SignIn
from frontloeber.accounts.sessions import PROVED_AT
from frontloeber.organisations.models import AuditAction, AuditEntry, Membership, MembershipOrigin, Role
from frontloeber.organisations.services import membership_add
from frontloeber.sso import services
from frontloeber.sso.models import LinkRequest
from frontloeber.sso.selectors import mapping_preview, mapping_rules
from tests.factories import PASSWORD, UserFactory, WorkplaceFactory

from .flows import (
    EMAIL,
    FIRST,
    IDP_PASSWORD,
    LAST,
    UNIT,
    another_nonce_kept,
    in_english,
    oidc_provider,
    oidc_sign_in,
    organisation_with_admin,
    saml_provider,
    saml_sign_in,
)


@pytest.fixture(autouse=True)
def _english(client):
    with in_english(client):
        yield


pytestmark = pytest.mark.django_db(transaction=True)
User = get_user_model()


@pytest.fixture
def saml_world(client, saml_idp, settings):
    organisation, admin = organisation_with_admin("fjordby.dk")
    provider = saml_provider(client, saml_idp, organisation, admin)
    home = WorkplaceFactory(organisation=organisation, name="Solsikken")
    other = WorkplaceFactory(organisation=organisation, name="Mælkebøtten")
    return organisation, admin, provider, home, other


def _saml_user(saml_idp, username, email, unit, first="Anna", last="Æbelø", **kwargs):
    saml_idp.put_user(
        username,
        IDP_PASSWORD,
        {EMAIL: [email], FIRST: [first], LAST: [last], UNIT: [unit]},
        name_id=f"id-{username}",
        **kwargs,
    )


def test_saml_first_sign_in_makes_the_person_and_the_mapping_gives_the_workplace(
    client, saml_idp, saml_world
):
    organisation, admin, provider, home, other = saml_world
    services.mapping_rule_add(
        actor=admin, organisation=organisation, kind="workplace", value="U-100", workplace=home
    )
    services.mapping_rule_add(
        actor=admin, organisation=organisation, kind="workplace", value="U-200", workplace=other
    )
    _saml_user(saml_idp, "anna", "anna@fjordby.dk", "U-100")

    response = saml_sign_in(client, provider, "anna", next_url="/konto/")

    assert response.status_code == 302 and response["Location"] == "/konto/"
    person = User.objects.get(email="anna@fjordby.dk")
    assert person.full_name == "Anna Æbelø" and not person.has_usable_password()
    assert client.session["_auth_user_id"] == str(person.pk)
    assert SignIn.objects.get(user=person).method == "saml"
    membership = Membership.objects.get(user=person)
    assert (membership.workplace, membership.role, membership.origin) == (home, Role.EMPLOYEE, "idp")
    assert saml_idp.last_request()["force_authn"] is False

    # The IdP moves her, and renames her: the next sign-in follows, and the audit log says so.
    client.logout()
    _saml_user(saml_idp, "anna", "anna@fjordby.dk", "U-200", last="Holm")
    saml_sign_in(client, provider, "anna")
    person.refresh_from_db()
    assert person.full_name == "Anna Holm"
    assert list(Membership.objects.filter(user=person).values_list("workplace__name", flat=True)) == [
        "Mælkebøtten"
    ]
    assert (
        AuditEntry.objects.filter(
            organisation=organisation, action=AuditAction.MAPPED, subject=person
        ).count()
        == 2
    )


def test_a_changed_mapping_moves_people_at_their_next_sign_in_but_never_a_membership_made_by_hand(
    client, saml_idp, saml_world
):
    organisation, admin, provider, home, other = saml_world
    rule = services.mapping_rule_add(
        actor=admin, organisation=organisation, kind="workplace", value="U-100", workplace=home
    )
    _saml_user(saml_idp, "bo", "bo@fjordby.dk", "U-100")
    saml_sign_in(client, provider, "bo")
    person = User.objects.get(email="bo@fjordby.dk")
    membership_add(workplace=other, user=person, role=Role.LEADER, origin=MembershipOrigin.ADMIN, actor=admin)

    # The preview tells before the change is saved: removing the rule takes Bo out of the mapped workplace.
    remaining = [r for r in mapping_rules(organisation=organisation) if r.pk != rule.pk]
    preview = mapping_preview(provider=provider, rules=remaining)
    assert (preview.people, preview.leaves, preview.joins) == (1, 1, 0)
    services.mapping_rule_remove(actor=admin, rule=rule)
    services.mapping_rule_add(
        actor=admin, organisation=organisation, kind="role", value="ignored", role=Role.LEADER
    )

    client.logout()
    saml_sign_in(client, provider, "bo")
    held = dict(Membership.objects.filter(user=person).values_list("workplace__name", "origin"))
    assert held == {"Mælkebøtten": "admin"}, "the hand-made membership stays; the mapped one is gone"


def test_an_address_outside_the_organisations_domains_is_refused(client, saml_idp, saml_world):
    _organisation, _admin, provider, _home, _other = saml_world
    _saml_user(saml_idp, "mallory", "mallory@nabokommune.dk", "U-100")
    response = saml_sign_in(client, provider, "mallory")
    assert response.status_code == 403
    assert "nabokommune.dk" in response.content.decode() and "_auth_user_id" not in client.session
    assert not User.objects.filter(email="mallory@nabokommune.dk").exists()


def test_a_tampered_saml_response_is_refused(client, saml_idp, saml_world):
    _organisation, _admin, provider, _home, _other = saml_world
    _saml_user(saml_idp, "eve", "eve@fjordby.dk", "U-100")

    def tamper(encoded):
        xml = base64.b64decode(encoded).decode()
        assert "eve@fjordby.dk" in xml
        return base64.b64encode(xml.replace("eve@fjordby.dk", "kirsten@fjordby.dk").encode()).decode()

    response = saml_sign_in(client, provider, "eve", tamper=tamper)
    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email__in=["eve@fjordby.dk", "kirsten@fjordby.dk"]).exists()


def test_an_expired_saml_response_is_refused(client, saml_idp, saml_world):
    _organisation, _admin, provider, _home, _other = saml_world
    _saml_user(saml_idp, "late", "late@fjordby.dk", "U-100", expired=True)
    response = saml_sign_in(client, provider, "late")
    assert response.status_code == 400 and "_auth_user_id" not in client.session


def test_an_existing_account_is_linked_only_after_its_password(client, saml_idp, saml_world):
    _organisation, _admin, provider, _home, _other = saml_world
    existing = UserFactory(email="karin@fjordby.dk")
    existing.last_login = existing.date_joined
    existing.save()
    _saml_user(saml_idp, "karin", "karin@fjordby.dk", "U-100")

    response = saml_sign_in(client, provider, "karin")
    assert response.status_code == 302 and response["Location"] == reverse("sso:link")
    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.filter(user=existing).exists()
    assert LinkRequest.objects.filter(user=existing).exists()

    wrong = client.post(reverse("sso:link"), {"password": "not-it"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    right = client.post(reverse("sso:link"), {"password": PASSWORD})
    assert right.status_code == 302 and client.session["_auth_user_id"] == str(existing.pk)
    assert SocialAccount.objects.get(user=existing).provider == provider.provider_id

    client.logout()
    assert saml_sign_in(client, provider, "karin").status_code == 302
    assert client.session["_auth_user_id"] == str(existing.pk)


def test_an_admin_confirms_a_link_instead(client, saml_idp, saml_world):
    organisation, admin, provider, _home, _other = saml_world
    existing = UserFactory(email="lis@fjordby.dk")
    _saml_user(saml_idp, "lis", "lis@fjordby.dk", "U-100")
    saml_sign_in(client, provider, "lis")
    link = LinkRequest.objects.get(user=existing)
    services.link_confirm(actor=admin, link=link)
    assert AuditEntry.objects.filter(
        action=AuditAction.ACCOUNT_LINKED, subject=existing, actor=admin
    ).exists()
    client.logout()
    saml_sign_in(client, provider, "lis")
    assert client.session["_auth_user_id"] == str(existing.pk)


def test_reauthentication_asks_the_saml_idp_again_with_force_authn(client, saml_idp, saml_world):
    _organisation, _admin, provider, _home, _other = saml_world
    _saml_user(saml_idp, "re", "re@fjordby.dk", "U-100")
    saml_sign_in(client, provider, "re")
    session = client.session
    session[PROVED_AT] = 0
    session.save()

    page = client.get(reverse("accounts:reauthenticate") + "?next=/konto/")
    assert reverse("sso:start", kwargs={"key": provider.key}) + "?reauthenticate=1" in page.content.decode()
    response = saml_sign_in(client, provider, "re", reauthenticate=True, next_url="/konto/")
    assert saml_idp.last_request()["force_authn"] is True
    assert response["Location"] == "/konto/" and client.session[PROVED_AT] > 0


def test_password_login_off_refuses_passwords_for_everyone_of_the_organisation(client, saml_idp, saml_world):
    organisation, admin, _provider, home, _other = saml_world
    member = UserFactory(email="pia@fjordby.dk")
    membership_add(
        workplace=home, user=member, role=Role.EMPLOYEE, origin=MembershipOrigin.ADMIN, actor=admin
    )
    services.password_login_set(actor=admin, organisation=organisation, allowed=False)
    response = client.post(reverse("accounts:login"), {"username": "pia@fjordby.dk", "password": PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert organisation.name in response.content.decode()


# --- OpenID Connect ---------------------------------------------------------------------------------------


@pytest.fixture
def oidc_world(oidc_idp):
    organisation, admin = organisation_with_admin("sundby.dk")
    provider = oidc_provider(oidc_idp, organisation, admin)
    services.identity_provider_attributes(actor=admin, provider=provider, role_attribute="roles")
    home = WorkplaceFactory(organisation=organisation, name="Akutberedskabet")
    services.mapping_rule_add(
        actor=admin, organisation=organisation, kind="workplace", value="g-akut", workplace=home
    )
    services.mapping_rule_add(
        actor=admin, organisation=organisation, kind="role", value="leder", role=Role.LEADER
    )
    return organisation, admin, provider, home


def _oidc_user(oidc_idp, login, email, groups=("g-akut",), roles=()):
    oidc_idp.put_user(
        login,
        IDP_PASSWORD,
        {
            "email": email,
            "email_verified": True,
            "given_name": "Jonas",
            "family_name": "Vang",
            "groups": list(groups),
            "roles": list(roles),
        },
    )


def test_oidc_sign_in_makes_the_person_with_workplace_and_role(client, oidc_idp, oidc_world):
    _organisation, _admin, provider, home = oidc_world
    _oidc_user(oidc_idp, "jonas", "jonas@sundby.dk", roles=["leder"])
    response = oidc_sign_in(client, provider, "jonas")
    assert response.status_code == 302, response.content[:500]
    person = User.objects.get(email="jonas@sundby.dk")
    assert person.full_name == "Jonas Vang"
    assert SignIn.objects.get(user=person).method == "oidc"
    assert Membership.objects.get(user=person).role == Role.LEADER
    sent = oidc_idp.last_auth()
    assert sent["nonce"] and sent["code_challenge_method"] == "S256" and sent.get("prompt") != "login"


def test_oidc_reauthentication_sends_prompt_login(client, oidc_idp, oidc_world):
    _organisation, _admin, provider, _home = oidc_world
    _oidc_user(oidc_idp, "rikke", "rikke@sundby.dk")
    oidc_sign_in(client, provider, "rikke")
    oidc_sign_in(client, provider, "rikke", reauthenticate=True)
    assert oidc_idp.last_auth()["prompt"] == "login"


def test_a_wrong_oidc_state_is_refused(client, oidc_idp, oidc_world):
    _organisation, _admin, provider, _home = oidc_world
    _oidc_user(oidc_idp, "sten", "sten@sundby.dk")

    def wrong_state(url):
        return url.replace("state=", "state=x")

    response = oidc_sign_in(client, provider, "sten", callback_query=wrong_state)
    assert response.status_code in (400, 403) and "_auth_user_id" not in client.session
    assert not User.objects.filter(email="sten@sundby.dk").exists()


def test_a_wrong_oidc_nonce_is_refused(client, oidc_idp, oidc_world):
    """The nonce sent is kept in the login's state; an ID token with another one (a replayed code from another
    attempt) is refused."""
    _organisation, _admin, provider, _home = oidc_world
    _oidc_user(oidc_idp, "nina", "nina@sundby.dk")
    with another_nonce_kept():
        response = oidc_sign_in(client, provider, "nina")
    assert response.status_code == 400 and "_auth_user_id" not in client.session
    assert not User.objects.filter(email="nina@sundby.dk").exists()


def test_a_replayed_saml_answer_is_refused(client, saml_idp, saml_world):
    """The answer is tied to the request Frontløber made (InResponseTo), which is used up by the first."""
    _organisation, _admin, provider, _home, _other = saml_world
    _saml_user(saml_idp, "ida", "ida@fjordby.dk", "U-100")
    kept = {}

    def keep(encoded):
        kept["answer"] = encoded
        return encoded

    saml_sign_in(client, provider, "ida", tamper=keep)
    assert client.session["_auth_user_id"]
    client.logout()
    acs = reverse("saml_acs", kwargs={"organization_slug": provider.key})
    response = client.post(acs, {"SAMLResponse": kept["answer"], "RelayState": ""})
    response = client.get(response["Location"])
    assert response.status_code in (400, 403) and "_auth_user_id" not in client.session


def test_the_linking_page_stops_guessing(client, saml_idp, saml_world):
    _organisation, _admin, provider, _home, _other = saml_world
    existing = UserFactory(email="gro@fjordby.dk")
    _saml_user(saml_idp, "gro", "gro@fjordby.dk", "U-100")
    saml_sign_in(client, provider, "gro")
    for _ in range(10):
        assert client.post(reverse("sso:link"), {"password": "guess"}).status_code == 200
    response = client.post(reverse("sso:link"), {"password": PASSWORD})
    assert response.status_code == 429 and "_auth_user_id" not in client.session
    assert not SocialAccount.objects.filter(user=existing).exists()


def test_on_a_shared_device_the_identity_provider_asks_who_is_at_the_screen(client, oidc_idp, oidc_world):
    """The identity provider's own session is the last person's at a shared device: the next one signing in
    through it is asked again (prompt=login), or they would come back as the one before them."""
    from django.http import HttpResponse

    from frontloeber.accounts.shared_device import COOKIE_NAME, set_mark
    from frontloeber.devices.services import shared_device_mark
    from tests.factories import member

    _organisation, _admin, provider, home = oidc_world
    device = shared_device_mark(actor=member(home, Role.LEADER).user, workplace=home, label="iPad")
    marked = HttpResponse()
    set_mark(marked, device.key)
    client.cookies[COOKIE_NAME] = marked.cookies[COOKIE_NAME].value
    _oidc_user(oidc_idp, "ida", "ida@sundby.dk")
    response = oidc_sign_in(client, provider, "ida")
    assert response.status_code == 302 and oidc_idp.last_auth()["prompt"] == "login"
