from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    name = "frontloeber.sso"
    label = "sso"
    verbose_name = _("Single sign-on")

    def ready(self):
        from allauth.socialaccount.providers.saml import utils as saml_utils

        from frontloeber.accounts.registry import personal_data, sign_in_options
        from frontloeber.organisations.registry import organisation_home_links

        from . import providers, selectors

        if not hasattr(saml_utils.build_saml_config, "wrapped"):
            saml_utils.build_saml_config = providers.with_every_idp_certificate(saml_utils.build_saml_config)

        sign_in_options.register(selectors.sign_in_options)
        personal_data.register(selectors.sign_in_links_personal_data)
        organisation_home_links.register(selectors.organisation_home_links)
