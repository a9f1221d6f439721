"""The admin's side of the organisation's own sign-in (issue 19, point 1): metadata read or refused with a
clear message, the certificate rotated, the switches, the rules and their preview, the pages and who may
see them."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from frontloeber.accounts.sessions import PROVED_AT
from frontloeber.organisations.models import AuditAction, AuditEntry, Membership, MembershipOrigin, Role
from frontloeber.organisations.services import membership_add
from frontloeber.sso import services
from frontloeber.sso.models import IdentityProvider
from frontloeber.sso.saml_metadata import MetadataError, metadata_read
from tests.factories import UserFactory, WorkplaceFactory

from .flows import in_english, organisation_with_admin


@pytest.fixture(autouse=True)
def _english(client):
    with in_english(client):
        yield


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def idp_metadata(saml_idp):
    import httpx

    return httpx.get(saml_idp.metadata_url).content


def test_the_idps_metadata_is_read(idp_metadata, saml_idp):
    read = metadata_read(idp_metadata)
    assert read["entity_id"] == saml_idp.metadata_url and read["sso_url"].endswith("/sso")
    assert read["certificates"] == [saml_idp.x509cert] and read["signed"] is False


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"this is not xml", "not SAML metadata"),
        (b"<html><body>Login</body></html>", "no identity provider"),
        (b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>", "not SAML metadata"),
        (b"<x>" + b"a" * 600_000 + b"</x>", "larger than"),
    ],
)
def test_metadata_that_is_not_an_idps_is_refused_with_a_reason(content, message):
    with pytest.raises(MetadataError, match=message):
        metadata_read(content)


def test_expired_metadata_is_refused(idp_metadata):
    past = (timezone.now() - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    expired = re.sub(
        rb"(<(?:\w+:)?EntityDescriptor )", rb'\1validUntil="' + past.encode() + rb'" ', idp_metadata, count=1
    )
    assert expired != idp_metadata
    with pytest.raises(MetadataError, match="expired"):
        metadata_read(expired)


def test_metadata_without_a_certificate_is_refused(idp_metadata):
    stripped = re.sub(rb"(<(?:\w+:)?X509Certificate>)[^<]*(</)", rb"\1\2", idp_metadata)
    assert stripped != idp_metadata
    with pytest.raises(MetadataError):
        metadata_read(stripped)


def test_a_bad_metadata_upload_changes_nothing_and_says_why(client, idp_metadata):
    organisation, admin = organisation_with_admin("fjordby.dk")
    provider = services.identity_provider_create(actor=admin, organisation=organisation, protocol="saml")
    client.force_login(admin)
    url = reverse("sso:metadata", kwargs={"org_slug": organisation.slug})
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(url, {"metadata_file": SimpleUploadedFile("idp.xml", b"<not-closed")})
    assert response.status_code == 400 and "not SAML metadata" in response.content.decode()
    provider.refresh_from_db()
    assert provider.idp_entity_id == ""
    response = client.post(url, {"metadata_file": SimpleUploadedFile("idp.xml", idp_metadata)})
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.idp_entity_id and provider.idp_certificates


def test_the_certificate_is_rotated_in_two_steps_and_published_meanwhile(client, idp_metadata):
    organisation, admin = organisation_with_admin("fjordby.dk")
    provider = services.identity_provider_create(actor=admin, organisation=organisation, protocol="saml")
    services.identity_provider_saml_metadata(actor=admin, provider=provider, content=idp_metadata)
    services.identity_provider_enable(actor=admin, provider=provider, enabled=True)
    first = provider.sp_certificate
    services.sp_certificate_prepare(actor=admin, provider=provider)
    metadata = client.get(
        reverse("saml_metadata", kwargs={"organization_slug": provider.key})
    ).content.decode()
    body = lambda pem: "".join(pem.strip().splitlines()[1:-1])  # noqa: E731
    assert body(first) in metadata and body(provider.sp_next_certificate) in metadata
    services.sp_certificate_switch(actor=admin, provider=provider)
    provider.refresh_from_db()
    assert provider.sp_certificate != first and not provider.sp_next_certificate
    assert (
        AuditEntry.objects.filter(organisation=organisation, action=AuditAction.SSO_CERTIFICATE).count() == 2
    )


def test_it_is_put_in_use_only_when_described_and_with_domains():
    organisation, admin = organisation_with_admin("fjordby.dk")
    provider = services.identity_provider_create(actor=admin, organisation=organisation, protocol="oidc")
    with pytest.raises(Exception, match="not fully described"):
        services.identity_provider_enable(actor=admin, provider=provider, enabled=True)
    with pytest.raises(Exception, match="own sign-in in use"):
        services.password_login_set(actor=admin, organisation=organisation, allowed=False)


def test_the_oidc_issuer_must_answer_as_itself(oidc_idp):
    organisation, admin = organisation_with_admin("fjordby.dk")
    provider = services.identity_provider_create(actor=admin, organisation=organisation, protocol="oidc")
    with pytest.raises(Exception, match="could not be read"):
        services.identity_provider_oidc_update(
            actor=admin,
            provider=provider,
            issuer="http://127.0.0.1:9/nothing",
            client_id="x",
            client_secret="y",
        )
    with pytest.raises(Exception, match="another issuer"):
        services.identity_provider_oidc_update(
            actor=admin,
            provider=provider,
            issuer=oidc_idp.issuer.replace("127.0.0.1", "localhost"),
            client_id="x",
            client_secret="y",
        )
    provider.refresh_from_db()
    assert provider.issuer == ""


def test_only_the_organisations_admins_configure_it():
    organisation, admin = organisation_with_admin("fjordby.dk")
    stranger = UserFactory()
    with pytest.raises(PermissionDenied):
        services.identity_provider_create(actor=stranger, organisation=organisation, protocol="saml")
    assert not IdentityProvider.objects.exists()


def test_the_pages_ask_for_the_password_again_first(client):
    organisation, admin = organisation_with_admin("fjordby.dk")
    client.force_login(admin)
    session = client.session
    session[PROVED_AT] = 0
    session.save()
    url = reverse("sso:settings", kwargs={"org_slug": organisation.slug})
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:reauthenticate"))


def test_the_settings_page_walks_the_admin_through(client):
    organisation, admin = organisation_with_admin("fjordby.dk")
    client.force_login(admin)
    url = reverse("sso:settings", kwargs={"org_slug": organisation.slug})
    assert (
        "Begin the set-up" in client.get(url).content.decode() or "Begynd" in client.get(url).content.decode()
    )
    response = client.post(
        reverse("sso:create", kwargs={"org_slug": organisation.slug}), {"protocol": "nonsense"}
    )
    assert response.status_code == 400 and not IdentityProvider.objects.exists()
    client.post(reverse("sso:create", kwargs={"org_slug": organisation.slug}), {"protocol": "saml"})
    page = client.get(url).content.decode()
    key = IdentityProvider.objects.get().key
    assert reverse("saml_metadata", kwargs={"organization_slug": key}) in page
    assert reverse("saml_acs", kwargs={"organization_slug": key}) in page


def test_a_rule_is_previewed_before_it_is_saved(client):
    organisation, admin = organisation_with_admin("fjordby.dk")
    provider = services.identity_provider_create(actor=admin, organisation=organisation, protocol="oidc")
    workplace = WorkplaceFactory(organisation=organisation, name="Solsikken")
    person = UserFactory()
    from allauth.socialaccount.models import SocialAccount

    SocialAccount.objects.create(
        user=person, provider=provider.provider_id, uid="p1", extra_data={"userinfo": {"groups": ["g1"]}}
    )
    client.force_login(admin)
    url = reverse("sso:mapping", kwargs={"org_slug": organisation.slug})
    data = {"kind": "workplace", "value": "g1", "workplace": str(workplace.pk), "role": ""}
    preview = client.post(url, data)
    assert preview.status_code == 200
    assert preview.context["preview"].joins == 1 and preview.context["preview"].people == 1
    assert not provider.organisation.__class__.objects.none().exists()
    from frontloeber.sso.models import MappingRule

    assert not MappingRule.objects.exists()
    saved = client.post(url, {**data, "confirmed": "yes"})
    assert saved.status_code == 302 and MappingRule.objects.count() == 1
    bad = client.post(url, {"kind": "workplace", "value": "g2", "workplace": "999999"})
    assert bad.status_code == 400 and MappingRule.objects.count() == 1


def test_a_mapping_never_touches_a_membership_made_by_hand():
    organisation, admin = organisation_with_admin("fjordby.dk")
    provider = services.identity_provider_create(actor=admin, organisation=organisation, protocol="oidc")
    workplace = WorkplaceFactory(organisation=organisation)
    person = UserFactory()
    membership_add(
        workplace=workplace, user=person, role=Role.OBSERVER, origin=MembershipOrigin.ADMIN, actor=admin
    )
    services.mapping_rule_add(
        actor=admin,
        organisation=organisation,
        kind="workplace",
        value="g1",
        workplace=workplace,
        role=Role.LEADER,
    )
    from frontloeber.sso.selectors import Asserted

    services.sign_in_apply(provider=provider, user=person, asserted=Asserted(email=person.email, units=[]))
    services.sign_in_apply(
        provider=provider, user=person, asserted=Asserted(email=person.email, units=["g1"])
    )
    membership = Membership.objects.get(user=person)
    assert (membership.role, membership.origin) == (Role.OBSERVER, MembershipOrigin.ADMIN)


def _password_login_off(organisation, admin):
    provider = IdentityProvider.objects.create(
        organisation=organisation,
        key=organisation.slug,
        protocol="oidc",
        issuer="https://login.example/t",
        client_id="c",
        client_secret="s",
        email_attribute="email",
    )
    services.identity_provider_enable(actor=admin, provider=provider, enabled=True)
    services.password_login_set(actor=admin, organisation=organisation, allowed=False)
    return provider


def test_an_invitation_where_passwords_are_off_leads_to_the_organisations_sign_in(client, mailoutbox):
    from frontloeber.organisations.models import Invitation
    from frontloeber.organisations.services import invitation_create, invitation_url
    from tests.factories import member

    organisation, admin = organisation_with_admin("fjordby.dk")
    _password_login_off(organisation, admin)
    workplace = WorkplaceFactory(organisation=organisation)
    leader = member(workplace, Role.LEADER).user
    invitation = invitation_create(
        actor=leader, workplace=workplace, email="ny@fjordby.dk", role=Role.EMPLOYEE
    )
    assert (
        "Log in with your organisation" in mailoutbox[-1].body
        or "Log ind med din organisation" in mailoutbox[-1].body
    )
    path = invitation_url(invitation=invitation).split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    assert page.status_code == 200
    assert reverse("sso:choose") in page.content.decode()
    client.post(
        "/" + path, {"full_name": "Ny", "password1": "a-long-password-1", "password2": "a-long-password-1"}
    )
    assert not Invitation.objects.get(pk=invitation.pk).accepted_at
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(email="ny@fjordby.dk").exists()


def test_the_welcome_from_a_staff_list_says_to_use_the_organisations_sign_in():
    from django.template.loader import render_to_string

    organisation, admin = organisation_with_admin("fjordby.dk")
    _password_login_off(organisation, admin)
    organisation.refresh_from_db()
    body = render_to_string(
        "organisations/email/welcome.txt",
        {
            "user": admin,
            "organisation": organisation,
            "url": "https://x/set-password",
            "login_url": "https://x/login",
        },
    )
    assert "https://x/login" in body and "https://x/set-password" not in body


def _grow(organisation, provider, n):
    from allauth.socialaccount.models import SocialAccount

    from frontloeber.sso.models import LinkRequest, MappingRule

    for _ in range(n):
        workplace = WorkplaceFactory(organisation=organisation)
        MappingRule.objects.create(
            organisation=organisation, kind="workplace", value=f"g-{workplace.pk}", target_workplace=workplace
        )
        person = UserFactory()
        SocialAccount.objects.create(
            user=person,
            provider=provider.provider_id,
            uid=f"u-{person.pk}",
            extra_data={"userinfo": {"groups": [f"g-{workplace.pk}"]}},
        )
        membership_add(
            workplace=workplace, user=person, role=Role.EMPLOYEE, origin=MembershipOrigin.IDENTITY_PROVIDER
        )
        LinkRequest.objects.create(organisation=organisation, user=UserFactory(), uid=f"l-{person.pk}")


SETTINGS_QUERIES = 8
MAPPING_QUERIES = 9
PREVIEW_QUERIES = 16


def test_the_pages_read_a_fixed_number_of_queries(client, django_assert_num_queries):
    organisation, admin = organisation_with_admin("fjordby.dk")
    provider = services.identity_provider_create(actor=admin, organisation=organisation, protocol="oidc")
    client.force_login(admin)
    settings_url = reverse("sso:settings", kwargs={"org_slug": organisation.slug})
    mapping_url = reverse("sso:mapping", kwargs={"org_slug": organisation.slug})
    target = WorkplaceFactory(organisation=organisation)
    preview = {"kind": "workplace", "value": "g-new", "workplace": str(target.pk)}
    for size in (2, 6):
        _grow(organisation, provider, size)
        with django_assert_num_queries(SETTINGS_QUERIES):
            assert client.get(settings_url).status_code == 200
        with django_assert_num_queries(MAPPING_QUERIES):
            assert client.get(mapping_url).status_code == 200
        with django_assert_num_queries(PREVIEW_QUERIES):
            assert client.post(mapping_url, preview).status_code == 200


def test_an_address_in_an_aeoeaa_domain_matches_it():
    from frontloeber.organisations.services import organisation_domain_add
    from frontloeber.sso.selectors import email_in_domains

    organisation, admin = organisation_with_admin("fjordby.dk")
    organisation_domain_add(actor=admin, organisation=organisation, domain="ærøskøbing.dk")
    provider = IdentityProvider(organisation=organisation)
    assert email_in_domains(provider=provider, email="x@ærøskøbing.dk")
    assert email_in_domains(provider=provider, email="x@Fjordby.dk")
    assert not email_in_domains(provider=provider, email="x@aeroeskoebing.dk")


def test_the_audit_log_says_what_single_sign_on_changed():
    from frontloeber.organisations.audit import audit_detail_text
    from frontloeber.organisations.models import AuditEntry

    organisation, admin = organisation_with_admin("fjordby.dk")
    workplace = WorkplaceFactory(organisation=organisation, name="Solsikken")
    services.identity_provider_create(actor=admin, organisation=organisation, protocol="oidc")
    services.mapping_rule_add(
        actor=admin, organisation=organisation, kind="workplace", value="U-1", workplace=workplace
    )
    texts = [
        audit_detail_text(entry)
        for entry in AuditEntry.objects.filter(organisation=organisation).order_by("pk")
    ]
    assert texts[-2:] == ["set up", "rule added; “U-1” → Solsikken"]
