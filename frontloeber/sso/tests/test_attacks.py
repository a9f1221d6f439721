"""What a review found the organisation's own sign-in could be made to do, each shown failing before its fix
(issue 19), through the real SAML IdP: an admin's IdP and confirmation taking over an operator's or another
organisation's account, a linked IdP account outliving its domain, an ordinary sign-in passing for a fresh
proof, an IdP in a key rollover locked out, a broken certificate breaking the settings page, and metadata
addresses reaching into local networks."""

import http.server
import re
import threading

import httpx
import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from frontloeber.accounts.sessions import PROVED_AT
from frontloeber.organisations.models import DomainClaim, MembershipOrigin, OrganisationDomain, Role
from frontloeber.organisations.services import domain_claim_decide, membership_add, organisation_admin_add
from frontloeber.sso import selectors, services
from frontloeber.sso.models import LinkRequest
from frontloeber.sso.saml_metadata import MetadataError, sp_key_pair
from tests.factories import OrganisationFactory, UserFactory, WorkplaceFactory

from .flows import EMAIL, FIRST, IDP_PASSWORD, LAST, UNIT, in_english, organisation_with_admin, saml_provider
from .flows import saml_sign_in as sign_in

pytestmark = pytest.mark.django_db(transaction=True)
User = get_user_model()


@pytest.fixture(autouse=True)
def _english(client):
    with in_english(client):
        yield


def _idp_user(saml_idp, username, email, name_id=None):
    saml_idp.put_user(
        username,
        IDP_PASSWORD,
        {EMAIL: [email], FIRST: ["X"], LAST: ["Y"], UNIT: ["U-1"]},
        name_id=name_id or f"id-{username}",
    )


def test_an_admins_idp_and_word_cannot_take_an_operators_or_another_organisations_account(client, saml_idp):
    org_a, admin_a = organisation_with_admin("fjordby.dk")
    org_b = OrganisationFactory()
    victim = UserFactory(email="leder@kommune-b.dk")
    membership_add(
        workplace=WorkplaceFactory(organisation=org_b),
        user=victim,
        role=Role.LEADER,
        origin=MembershipOrigin.ADMIN,
    )
    organisation_admin_add(organisation=org_b, user=victim)
    operator = User.objects.create_superuser("ops@frontloeber.dk", "operator-password-1")
    # Nobody held these domains, so A's admin could name them; A's IdP then vouches for the addresses.
    OrganisationDomain.objects.create(organisation=org_a, domain="kommune-b.dk")
    OrganisationDomain.objects.create(organisation=org_a, domain="frontloeber.dk")
    provider = saml_provider(client, saml_idp, org_a, admin_a)
    for username, email in (("evil1", "ops@frontloeber.dk"), ("evil2", "leder@kommune-b.dk")):
        _idp_user(saml_idp, username, email)
        client.logout()
        sign_in(client, provider, username)
        assert "_auth_user_id" not in client.session
    assert not selectors.link_requests(organisation=org_a).exists(), "never listed, not even by name"
    for link in LinkRequest.objects.all():
        with pytest.raises(ValidationError):
            services.link_confirm(actor=admin_a, link=link)
    for username in ("evil1", "evil2"):
        client.logout()
        sign_in(client, provider, username)
        assert client.session.get("_auth_user_id") not in (str(operator.pk), str(victim.pk))


def test_a_linked_idp_account_does_not_outlive_its_domain(client, saml_idp):
    org_a, admin_a = organisation_with_admin("fjordby.dk")
    OrganisationDomain.objects.create(organisation=org_a, domain="a-other.dk")
    provider = saml_provider(client, saml_idp, org_a, admin_a)
    _idp_user(saml_idp, "p", "p@fjordby.dk", name_id="stable-1")
    sign_in(client, provider, "p")
    person = User.objects.get(email="p@fjordby.dk")
    claim = DomainClaim.objects.create(organisation=OrganisationFactory(), domain="fjordby.dk")
    domain_claim_decide(
        operator=User.objects.create_superuser("ops@x.dk", "operator-password-1"), claim=claim, move=True
    )
    client.logout()
    _idp_user(saml_idp, "p", "whatever@a-other.dk", name_id="stable-1")
    response = sign_in(client, provider, "p")
    assert response.status_code == 403 and client.session.get("_auth_user_id") != str(person.pk)


def test_an_ordinary_sign_in_is_no_fresh_proof(client, saml_idp):
    org_a, admin_a = organisation_with_admin("fjordby.dk")
    provider = saml_provider(client, saml_idp, org_a, admin_a)
    _idp_user(saml_idp, "re", "re@fjordby.dk")
    sign_in(client, provider, "re")
    assert PROVED_AT not in client.session
    sign_in(client, provider, "re", reauthenticate=False)
    assert saml_idp.last_request()["force_authn"] is False and PROVED_AT not in client.session
    sign_in(client, provider, "re", reauthenticate=True)
    assert saml_idp.last_request()["force_authn"] is True and client.session[PROVED_AT] > 0


def test_an_idp_rolling_its_key_signs_in_with_either_certificate(client, saml_idp):
    org_a, admin_a = organisation_with_admin("fjordby.dk")
    xml = httpx.get(saml_idp.metadata_url).text
    _key, other = sp_key_pair(common_name="next idp key")
    other_body = "".join(other.strip().splitlines()[1:-1])
    real = re.search(r"<(\w+:)?KeyDescriptor[^>]*>.*?</(\w+:)?KeyDescriptor>", xml, re.S).group(0)
    next_one = re.sub(
        r"(<(\w+:)?X509Certificate>).*?(</(\w+:)?X509Certificate>)",
        lambda m: m.group(1) + other_body + m.group(3),
        real,
        flags=re.S,
    )
    provider = services.identity_provider_create(actor=admin_a, organisation=org_a, protocol="saml")
    services.identity_provider_saml_metadata(
        actor=admin_a, provider=provider, content=xml.replace(real, next_one + real, 1).encode()
    )
    provider.refresh_from_db()
    assert len(provider.idp_certificates) == 2
    services.identity_provider_enable(actor=admin_a, provider=provider, enabled=True)
    saml_idp.register_sp(
        client.get(reverse("saml_metadata", kwargs={"organization_slug": provider.key})).content
    )
    _idp_user(saml_idp, "roll", "roll@fjordby.dk")
    assert sign_in(client, provider, "roll").status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email="roll@fjordby.dk").pk)


BROKEN_CERTIFICATE = b"""<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"
  entityID="https://idp.example/">
 <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
  <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>QUJDRA==</ds:X509Certificate>
  </ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
  <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/sso"/>
 </md:IDPSSODescriptor>
</md:EntityDescriptor>"""


def test_a_certificate_that_is_not_one_is_refused_and_the_page_stays_up(client):
    org, admin = organisation_with_admin("fjordby.dk")
    client.force_login(admin)
    services.identity_provider_create(actor=admin, organisation=org, protocol="saml")
    upload = SimpleUploadedFile("m.xml", BROKEN_CERTIFICATE, content_type="text/xml")
    response = client.post(reverse("sso:metadata", kwargs={"org_slug": org.slug}), {"metadata_file": upload})
    assert response.status_code == 400 and "not a certificate" in response.content.decode()
    assert client.get(reverse("sso:settings", kwargs={"org_slug": org.slug})).status_code == 200


class _Redirects(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 — http.server's name
        self.send_response(302)
        self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_metadata_addresses_do_not_reach_local_networks_or_follow_redirects(settings):
    settings.SSO_ALLOW_PLAIN_HTTP = False
    for address in ("https://127.0.0.1/metadata", "https://10.0.0.5/metadata", "https://[::1]/metadata"):
        with pytest.raises(MetadataError, match="not on the internet"):
            services._fetch(address, accept="application/xml")
    settings.SSO_ALLOW_PLAIN_HTTP = True  # a local server that redirects: the redirect is not followed
    server = http.server.HTTPServer(("127.0.0.1", 0), _Redirects)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(MetadataError, match="could not fetch"):
            services._fetch(f"http://127.0.0.1:{server.server_port}/metadata", accept="application/xml")
    finally:
        server.shutdown()
