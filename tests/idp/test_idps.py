"""The test identity providers against real client libraries, without Django: python3-saml (what allauth's
SAML provider uses) as the SP of the SAML IdP, and a plain authorization code flow with PKCE against the
OpenID Connect provider, the ID token checked with PyJWT."""

import base64
import hashlib
import secrets
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import jwt
import pytest
from onelogin.saml2.auth import OneLogin_Saml2_Auth
from onelogin.saml2.authn_request import OneLogin_Saml2_Authn_Request
from onelogin.saml2.constants import OneLogin_Saml2_Constants
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings

from tests.idp.fixtures import html_form

ACS_URL = "http://testserver/acs/"
ACS_REQUEST = {
    "https": "off",
    "http_host": "testserver",
    "script_name": "/acs/",
    "get_data": {},
    "post_data": {},
}
OIOSAML_EMAIL = "https://data.gov.dk/model/core/eid/email"
OIOSAML_NAME = "https://data.gov.dk/model/core/eid/fullName"
CALLBACK = "http://testserver/cb"
PASSWORD = "correct horse"
# Names of this file's own, so that other tests sharing the session's IdPs do not replace them.
SP_ENTITY_ID = "http://testserver/idp-selftest/metadata/"
CLIENT_ID = "idp-selftest"


# --- SAML -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sp_settings(saml_idp):
    """A python3-saml SP as allauth configures one: strict, signed assertions wanted, no deprecated
    algorithms; registered with the IdP from its own metadata."""
    # The IdP from its metadata URL, as allauth reads it when given `metadata_url`.
    idp = OneLogin_Saml2_IdPMetadataParser.parse_remote(saml_idp.metadata_url)["idp"]
    assert idp["x509cert"] == saml_idp.x509cert
    settings = OneLogin_Saml2_Settings(
        {
            "strict": True,
            "sp": {
                "entityId": SP_ENTITY_ID,
                "assertionConsumerService": {
                    "url": ACS_URL,
                    "binding": OneLogin_Saml2_Constants.BINDING_HTTP_POST,
                },
            },
            "idp": idp,
            "security": {
                "wantAssertionsSigned": True,
                "wantMessagesSigned": True,
                "rejectDeprecatedAlgorithm": True,
                "allowSingleLabelDomains": True,  # for http://testserver
            },
        },
        sp_validation_only=True,
    )
    saml_idp.register_sp(settings.get_sp_metadata())
    saml_idp.put_user(
        "anna",
        PASSWORD,
        {OIOSAML_EMAIL: ["anna@example.dk"], OIOSAML_NAME: ["Anna Æbelø"], "groups": ["leaders", "staff"]},
        name_id="anna-persistent-id",
    )
    saml_idp.put_user("old", PASSWORD, {OIOSAML_EMAIL: ["old@example.dk"]}, expired=True)
    return settings


def saml_sign_in(browser, settings, username, password=PASSWORD, force_authn=True):
    """An SP-initiated sign-in through the login form; returns the request's ID and the posting form."""
    auth = OneLogin_Saml2_Auth(ACS_REQUEST, settings)
    login_page = browser.get(auth.login(return_to="/after/login/", force_authn=force_authn))
    assert login_page.status_code == 200, login_page.text
    action, fields = html_form(login_page.text)
    answer = browser.post(
        urljoin(str(login_page.url), action), data={**fields, "username": username, "password": password}
    )
    assert answer.status_code == 200, answer.text
    return auth.get_last_request_id(), html_form(answer.text)


def test_saml_sign_in_gives_a_signed_response_python3_saml_accepts(saml_idp, sp_settings):
    with httpx.Client() as browser:
        request_id, (action, fields) = saml_sign_in(browser, sp_settings, "anna")

    assert action == ACS_URL
    assert fields["RelayState"] == "/after/login/"
    response = OneLogin_Saml2_Response(sp_settings, fields["SAMLResponse"])
    assert response.is_valid({**ACS_REQUEST, "post_data": fields}, request_id), response.get_error()
    assert response.get_attributes() == {
        OIOSAML_EMAIL: ["anna@example.dk"],
        OIOSAML_NAME: ["Anna Æbelø"],
        "groups": ["leaders", "staff"],
    }
    assert response.get_nameid() == "anna-persistent-id"
    assert response.get_nameid_format() == OneLogin_Saml2_Constants.NAMEID_PERSISTENT
    assert response.get_session_index()
    assert saml_idp.last_request()["force_authn"] is True
    assert saml_idp.last_request()["sp"] == SP_ENTITY_ID
    xml = base64.b64decode(fields["SAMLResponse"]).decode()
    assert xml.count(f'Algorithm="{OneLogin_Saml2_Constants.RSA_SHA256}"') == 2  # response and assertion
    assert f'Algorithm="{OneLogin_Saml2_Constants.SHA256}"' in xml


def test_saml_tampered_response_is_refused(sp_settings):
    with httpx.Client() as browser:
        request_id, (_, fields) = saml_sign_in(browser, sp_settings, "anna")

    xml = base64.b64decode(fields["SAMLResponse"]).decode()
    assert "anna@example.dk" in xml
    tampered = base64.b64encode(xml.replace("anna@example.dk", "boss@example.dk").encode()).decode()
    response = OneLogin_Saml2_Response(sp_settings, tampered)
    assert not response.is_valid(ACS_REQUEST, request_id)
    assert "signature" in response.get_error().lower()


def test_saml_expired_assertion_is_refused(sp_settings):
    with httpx.Client() as browser:
        request_id, (_, fields) = saml_sign_in(browser, sp_settings, "old")

    response = OneLogin_Saml2_Response(sp_settings, fields["SAMLResponse"])
    assert not response.is_valid(ACS_REQUEST, request_id)
    assert "expired" in response.get_error().lower() or "NotOnOrAfter" in response.get_error()


def test_saml_wrong_password_shows_the_form_again(sp_settings):
    with httpx.Client() as browser:
        auth = OneLogin_Saml2_Auth(ACS_REQUEST, sp_settings)
        page = browser.get(auth.login())
        action, fields = html_form(page.text)
        again = browser.post(
            urljoin(str(page.url), action), data={**fields, "username": "anna", "password": "x"}
        )

    assert again.status_code == 200
    assert "Wrong username or password" in again.text
    assert set(html_form(again.text)[1]) == {"request", "username", "password"}
    assert "SAMLResponse" not in again.text


def test_saml_session_is_used_unless_force_authn(saml_idp, sp_settings):
    with httpx.Client() as browser:
        saml_sign_in(browser, sp_settings, "anna")
        # Signed in at the IdP: a request without ForceAuthn is answered at once, one with it asks again.
        at_once = browser.get(OneLogin_Saml2_Auth(ACS_REQUEST, sp_settings).login(force_authn=False))
        assert "SAMLResponse" in html_form(at_once.text)[1]
        assert saml_idp.last_request()["force_authn"] is False
        again = browser.get(OneLogin_Saml2_Auth(ACS_REQUEST, sp_settings).login(force_authn=True))
        assert "password" in html_form(again.text)[1]


def test_saml_post_binding_and_relay_state_kept_as_given(saml_idp, sp_settings):
    """No RelayState stays none; an empty one stays empty (python3-saml and allauth tell them apart)."""
    with httpx.Client() as browser:
        for relay_state in (None, ""):
            request = OneLogin_Saml2_Authn_Request(sp_settings, force_authn=True)
            form = {"SAMLRequest": request.get_request(deflate=False)}
            if relay_state is not None:
                form["RelayState"] = relay_state
            page = browser.post(saml_idp.sso_url, data=form)
            action, fields = html_form(page.text)
            answer = browser.post(
                urljoin(str(page.url), action),
                data={**fields, "username": "anna", "password": PASSWORD},
            )
            fields = html_form(answer.text)[1]
            assert fields.get("RelayState") == relay_state
            response = OneLogin_Saml2_Response(sp_settings, fields["SAMLResponse"])
            assert response.is_valid(ACS_REQUEST, request.get_id()), response.get_error()


# --- OpenID Connect -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def oidc_client(oidc_idp):
    oidc_idp.register_client(CLIENT_ID, "client-secret", [CALLBACK])
    oidc_idp.put_user(
        "bo",
        PASSWORD,
        {
            "email": "bo@example.dk",
            "email_verified": True,
            "name": "Bo Ørsted",
            "given_name": "Bo",
            "family_name": "Ørsted",
            "groups": ["leaders", "staff"],
        },
    )
    return httpx.get(oidc_idp.discovery_url).raise_for_status().json()


def follow(browser, answer):
    """Follow the provider's redirects until a page, or until the redirect back to the client."""
    while answer.is_redirect:
        location = urljoin(str(answer.url), answer.headers["Location"])
        if location.startswith(CALLBACK):
            return location
        answer = browser.get(location)
    return answer


def authorize(browser, discovery, **extra):
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    params = {
        "client_id": CLIENT_ID,
        "redirect_uri": CALLBACK,
        "response_type": "code",
        "scope": "openid email profile",
        "state": secrets.token_urlsafe(16),
        "nonce": secrets.token_urlsafe(16),
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        **extra,
    }
    return params, verifier, follow(browser, browser.get(discovery["authorization_endpoint"], params=params))


def sign_in(browser, login_page, login="bo", password=PASSWORD):
    action, fields = html_form(login_page.text)
    answer = browser.post(
        urljoin(str(login_page.url), action), data={**fields, "login": login, "password": password}
    )
    return follow(browser, answer)


def test_oidc_code_flow_with_pkce_nonce_and_prompt_login(oidc_idp, oidc_client):
    with httpx.Client() as browser:
        params, verifier, login_page = authorize(browser, oidc_client, prompt="login")
        assert login_page.status_code == 200
        callback = sign_in(browser, login_page)

    query = parse_qs(urlsplit(callback).query)
    assert query["state"] == [params["state"]]
    assert query["iss"] == [oidc_idp.issuer]
    tokens = (
        httpx.post(
            oidc_client["token_endpoint"],
            data={
                "grant_type": "authorization_code",
                "code": query["code"][0],
                "redirect_uri": CALLBACK,
                "code_verifier": verifier,
                "client_id": CLIENT_ID,
                "client_secret": "client-secret",
            },
        )
        .raise_for_status()
        .json()
    )

    signing_key = jwt.PyJWKClient(oidc_client["jwks_uri"]).get_signing_key_from_jwt(tokens["id_token"])
    id_token = jwt.decode(
        tokens["id_token"], signing_key, algorithms=["RS256"], audience=CLIENT_ID, issuer=oidc_idp.issuer
    )
    assert id_token["nonce"] == params["nonce"]
    assert id_token["sub"] == "bo"
    assert id_token["email"] == "bo@example.dk"
    userinfo = (
        httpx.get(
            oidc_client["userinfo_endpoint"], headers={"Authorization": f"Bearer {tokens['access_token']}"}
        )
        .raise_for_status()
        .json()
    )
    assert userinfo == {
        "sub": "bo",
        "email": "bo@example.dk",
        "email_verified": True,
        "name": "Bo Ørsted",
        "given_name": "Bo",
        "family_name": "Ørsted",
        "groups": ["leaders", "staff"],
    }
    last = oidc_idp.last_auth()
    assert last["prompt"] == "login"
    assert last["nonce"] == params["nonce"]
    assert last["code_challenge_method"] == "S256"


def test_oidc_token_endpoint_takes_http_basic_too(oidc_client):
    with httpx.Client() as browser:
        _, verifier, login_page = authorize(browser, oidc_client)
        code = parse_qs(urlsplit(sign_in(browser, login_page)).query)["code"][0]
    tokens = httpx.post(
        oidc_client["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": CALLBACK,
            "code_verifier": verifier,
        },
        auth=(CLIENT_ID, "client-secret"),
    )
    assert tokens.status_code == 200, tokens.text
    assert "id_token" in tokens.json()


def test_oidc_wrong_password_stays_on_the_form(oidc_client):
    with httpx.Client() as browser:
        _, _, login_page = authorize(browser, oidc_client)
        again = sign_in(browser, login_page, password="wrong")

    assert isinstance(again, httpx.Response) and again.status_code == 200
    assert "Wrong login or password" in again.text
    assert {"login", "password"} <= set(html_form(again.text)[1])
    assert "Sign in</button>" in again.text


def test_oidc_session_is_used_unless_prompt_login(oidc_client):
    with httpx.Client() as browser:
        _, _, login_page = authorize(browser, oidc_client)
        sign_in(browser, login_page)
        # Signed in at the provider: the next request comes straight back, prompt=login asks again.
        assert authorize(browser, oidc_client)[2].startswith(CALLBACK)
        again = authorize(browser, oidc_client, prompt="login")[2]
        assert isinstance(again, httpx.Response) and "password" in html_form(again.text)[1]
