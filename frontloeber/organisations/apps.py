from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "frontloeber.organisations"
    label = "organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from frontloeber.accounts.registry import (
            erasure,
            password_login_refusal,
            personal_data,
            personal_data_exported,
        )
        from frontloeber.core.registry import privacy_page

        from . import personal_data as organisations_data
        from . import selectors, services

        personal_data.register(organisations_data.organisation_personal_data)
        erasure.register(organisations_data.organisations_erase)
        privacy_page.register(selectors.retention_periods_for_privacy_page)
        password_login_refusal.register(selectors.password_login_refusal)
        personal_data_exported.register(services.personal_data_export_record)
