"""allauth's SAML and OpenID Connect providers, with what re-authentication and a public-sector IdP need.

- Re-authentication asks the IdP again (issue 19, point 1): SAML sends ``ForceAuthn="true"``, OpenID Connect
  ``prompt=login``. allauth has no switch for either; the start view passes ``reauthenticate=True``, which is
  kept in the login's state: only such a sign-in counts as a fresh proof (``accounts.sessions``).
- OpenID Connect also sends a ``nonce`` and keeps it in the login's state, and the adapter refuses an ID token
  that does not carry it (allauth relies on ``state`` and PKCE alone).

Installed in place of allauth's own through ``SOCIALACCOUNT_PROVIDERS[<id>]["provider_class"]``.
"""

import secrets

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.saml.provider import SAMLProvider
from django.http import HttpResponseRedirect

NONCE = "nonce"


class SamlProvider(SAMLProvider):
    package = "allauth.socialaccount.providers.saml"

    def redirect(self, request, process, next_url=None, data=None, reauthenticate=False, **kwargs):
        from allauth.socialaccount.providers.saml.utils import build_auth

        auth = build_auth(request, self)
        # An empty return_to keeps the RelayState empty: the state travels as the request's ID instead.
        location = auth.login(return_to="", force_authn=bool(reauthenticate))
        self.stash_redirect_state(
            request,
            process,
            next_url,
            data,
            state_id=auth.get_last_request_id(),
            reauthenticate=bool(reauthenticate),
            **kwargs,
        )
        return HttpResponseRedirect(location)


class OidcProvider(OpenIDConnectProvider):
    package = "allauth.socialaccount.providers.openid_connect"

    def redirect(self, request, process, next_url=None, data=None, reauthenticate=False, **kwargs):
        nonce = secrets.token_urlsafe(24)
        auth_params = dict(self.get_auth_params())
        auth_params[NONCE] = nonce
        if reauthenticate:
            auth_params["prompt"] = "login"
        return super().redirect(
            request,
            process,
            next_url,
            data,
            auth_params=auth_params,
            nonce=nonce,
            reauthenticate=bool(reauthenticate),
            **kwargs,
        )


def with_every_idp_certificate(build_saml_config):
    """allauth's SAML settings name one IdP certificate; an IdP in a key rollover (Entra ID, Context Handler)
    lists the next beside the current one and may sign with either. python3-saml takes several as
    ``x509certMulti``: added here to what allauth builds. Installed over
    ``allauth.socialaccount.providers.saml.utils.build_saml_config`` from ``SsoConfig.ready`` (its
    ``build_auth`` looks the name up there at each call)."""

    def build(request, provider_config, org):
        config = build_saml_config(request, provider_config, org)
        certificates = provider_config.get("idp", {}).get("x509cert_multi") or []
        if len(certificates) > 1:
            config["idp"]["x509certMulti"] = {"signing": list(certificates), "encryption": []}
        return config

    build.wrapped = build_saml_config
    return build
