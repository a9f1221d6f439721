"""Where allauth meets Frontløber (``SOCIALACCOUNT_ADAPTER``, ``ACCOUNT_ADAPTER``).

allauth runs SAML and OpenID Connect and checks the provider's answer; everything after that is decided
here, before anyone is signed in: the provider belongs to an organisation and may only vouch for addresses
in its domains, an OpenID Connect ID token must carry the nonce this browser was given, an address that
already has an account is linked only when the person or an admin vouches for it, and allauth's own signup
and e-mail flows never run.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import selectors, services
from .providers import NONCE

LINK_SESSION_KEY = "fl_sso_link"
BACKENDS = {"saml": "frontloeber.sso.backends.SamlSignIn", "oidc": "frontloeber.sso.backends.OidcSignIn"}


def refused(request, reason, *, status=403):
    return render(request, "sso/refused.html", {"reason": reason}, status=status)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def login(self, request, user):
        user.backend = getattr(request, "fl_sign_in_backend", BACKENDS["saml"])
        return super().login(request, user)

    def respond_user_inactive(self, request, user):
        raise ImmediateHttpResponse(
            refused(request, _("Your account is closed. Ask your organisation's admin."))
        )

    def send_mail(self, template_prefix, email, context):
        """allauth's own mails (account connected, …) are not Frontløber's to send."""


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(self, request, provider=None, client_id=None):
        return selectors.social_apps(provider=provider, client_id=client_id)

    def is_open_for_signup(self, request, sociallogin):
        return False

    def send_notification_mail(self, *args, **kwargs):
        pass

    def on_authentication_error(self, request, provider, error=None, exception=None, extra_context=None):
        reason = _(
            "The answer from your organisation's sign-in could not be accepted (it was changed on the way, "
            "has expired, or belongs to another attempt). Nobody was signed in. Try again from the start."
        )
        raise ImmediateHttpResponse(refused(request, reason, status=400))

    def pre_social_login(self, request, sociallogin):
        provider = selectors.identity_provider_by_provider_id(sociallogin.account.provider)
        if provider is None:
            raise ImmediateHttpResponse(
                refused(request, _("This sign-in is not in use any more."), status=404)
            )
        extra_data = sociallogin.account.extra_data or {}
        if not provider.is_saml:
            sent = sociallogin.state.get(NONCE)
            got = (extra_data.get("id_token") or {}).get(NONCE)
            if not sent or sent != got:
                self.on_authentication_error(request, None)
        asserted = selectors.asserted_identity(
            provider=provider, extra_data=extra_data, fallback_email=getattr(sociallogin.user, "email", "")
        )
        linked = sociallogin.user if sociallogin.is_existing else None
        try:
            user = services.sign_in_person(
                provider=provider,
                uid=sociallogin.account.uid,
                extra_data=extra_data,
                asserted=asserted,
                linked_user=linked,
            )
        except services.SignInRefused as error:
            raise ImmediateHttpResponse(refused(request, str(error))) from error
        except services.LinkNeeded as needed:
            request.session[LINK_SESSION_KEY] = {
                "link": needed.link_request.pk,
                "next": sociallogin.state.get("next") or "",
            }
            raise ImmediateHttpResponse(redirect("sso:link")) from needed
        if linked is None:
            sociallogin.connect(request, user)
        services.sign_in_apply(provider=provider, user=user, asserted=asserted)
        request.fl_sign_in_backend = BACKENDS[provider.protocol]
        request.fl_proved = bool(sociallogin.state.get("reauthenticate"))
