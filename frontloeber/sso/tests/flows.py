"""Sign-ins through the real test IdPs (tests/idp), the browser's part played by httpx and Django's test
client: the IdP's pages through httpx, Frontløber's through the client, as a browser carries a person
between the two."""

import contextlib
from urllib.parse import urljoin, urlsplit

import httpx
from django.urls import reverse

from frontloeber.organisations.models import OrganisationDomain
from frontloeber.organisations.services import organisation_admin_add
from frontloeber.sso import services
from frontloeber.sso.models import IdentityProvider
from tests.factories import OrganisationFactory, UserFactory
from tests.idp.fixtures import html_form

IDP_PASSWORD = "idp-password-1"
UNIT = "https://data.gov.dk/model/core/eid/professional/orgUnit"
EMAIL = "https://data.gov.dk/model/core/eid/email"
FIRST = "https://data.gov.dk/model/core/eid/firstName"
LAST = "https://data.gov.dk/model/core/eid/lastName"


def organisation_with_admin(domain):
    organisation = OrganisationFactory()
    OrganisationDomain.objects.create(organisation=organisation, domain=domain)
    admin = UserFactory()
    organisation_admin_add(organisation=organisation, user=admin)
    return organisation, admin


def saml_provider(client, saml_idp, organisation, admin) -> IdentityProvider:
    """A SAML provider read from the IdP's metadata address, in use, its SP registered at the IdP."""
    provider = services.identity_provider_create(actor=admin, organisation=organisation, protocol="saml")
    services.identity_provider_saml_metadata(actor=admin, provider=provider, url=saml_idp.metadata_url)
    provider.refresh_from_db()
    services.identity_provider_enable(actor=admin, provider=provider, enabled=True)
    metadata = client.get(reverse("saml_metadata", kwargs={"organization_slug": provider.key}))
    assert metadata.status_code == 200
    saml_idp.register_sp(metadata.content)
    return provider


def oidc_provider(oidc_idp, organisation, admin) -> IdentityProvider:
    provider = services.identity_provider_create(actor=admin, organisation=organisation, protocol="oidc")
    callback = "http://testserver" + reverse(
        "openid_connect_callback", kwargs={"provider_id": provider.provider_id}
    )
    client_id = f"frontloeber-{provider.key}"
    oidc_idp.register_client(client_id, "client-secret-1", [callback])
    services.identity_provider_oidc_update(
        actor=admin,
        provider=provider,
        issuer=oidc_idp.issuer,
        client_id=client_id,
        client_secret="client-secret-1",
    )
    services.identity_provider_enable(actor=admin, provider=provider, enabled=True)
    provider.refresh_from_db()
    return provider


def _local(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def saml_sign_in(
    client, provider, username, *, password=IDP_PASSWORD, next_url="", reauthenticate=False, tamper=None
):
    """Start at Frontløber, sign in at the IdP, post its answer back; Frontløber's last response."""
    start = reverse("sso:start", kwargs={"key": provider.key}) + (
        "?reauthenticate=1" if reauthenticate else ""
    )
    response = client.post(start, {"next": next_url} if next_url else {})
    assert response.status_code == 302, response
    with httpx.Client() as browser:
        page = browser.get(response["Location"])
        action, fields = html_form(page.text)
        answer = browser.post(
            urljoin(str(page.url), action), data={**fields, "username": username, "password": password}
        )
        action, fields = html_form(answer.text)
    if tamper is not None:
        fields["SAMLResponse"] = tamper(fields["SAMLResponse"])
    response = client.post(_local(action), fields)
    assert response.status_code == 302, response
    return client.get(response["Location"])


def oidc_sign_in(
    client, provider, login, *, password=IDP_PASSWORD, next_url="", reauthenticate=False, callback_query=None
):
    start = reverse("sso:start", kwargs={"key": provider.key}) + (
        "?reauthenticate=1" if reauthenticate else ""
    )
    response = client.post(start, {"next": next_url} if next_url else {})
    assert response.status_code == 302, response
    location = response["Location"]
    with httpx.Client() as browser:
        page = browser.get(location, follow_redirects=True)
        action, fields = html_form(page.text)
        answer = browser.post(
            urljoin(str(page.url), action), data={**fields, "login": login, "password": password}
        )
        while answer.is_redirect and not answer.headers["location"].startswith("http://testserver"):
            answer = browser.get(urljoin(str(answer.url), answer.headers["location"]))
        assert answer.is_redirect, answer.text[:500]
        callback = answer.headers["location"]
    if callback_query is not None:
        callback = callback_query(callback)
    return client.get(_local(callback))


def in_english(client):
    """The tests read the English texts: the services' messages and the pages (Danish first otherwise)."""
    from django.conf import settings
    from django.utils import translation

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return translation.override("en")


@contextlib.contextmanager
def another_nonce_kept():
    """While it lasts, an OpenID Connect sign-in keeps another nonce in its state than the one it sends the
    provider: the ID token then carries a nonce this browser was never given, as a code from another attempt
    would. The provider class is swapped in allauth's registry, which the live server shares."""
    from allauth.socialaccount.internal import statekit
    from allauth.socialaccount.providers import registry

    from frontloeber.sso import providers

    class OtherNonce(providers.OidcProvider):
        def redirect(self, request, process, next_url=None, data=None, reauthenticate=False, **kwargs):
            response = super().redirect(
                request, process, next_url, data, reauthenticate=reauthenticate, **kwargs
            )
            states = statekit.get_states(request)
            for state, *_rest in states.values():
                state["nonce"] = "not-the-one-sent"
            request.session[statekit.STATES_SESSION_KEY] = states
            return response

    registry.provider_map["openid_connect"] = OtherNonce
    try:
        yield
    finally:
        registry.provider_map["openid_connect"] = providers.OidcProvider
