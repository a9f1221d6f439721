from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvisioningConfig(AppConfig):
    name = "frontloeber.provisioning"
    label = "provisioning"
    verbose_name = _("Provisioning (SCIM)")

    def ready(self):
        from frontloeber.accounts.registry import personal_data
        from frontloeber.organisations.registry import organisation_home_links
        from frontloeber.sso.registry import people_units, sign_in_refusal

        from . import personal_data as provisioning_data
        from . import selectors

        organisation_home_links.register(selectors.organisation_home_links)
        personal_data.register(provisioning_data.provisioning_personal_data)
        people_units.register(selectors.scim_units_by_person)
        sign_in_refusal.register(selectors.scim_sign_in_refusal)
