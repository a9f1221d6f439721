from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "frontloeber.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import (
            personal_data,
            registry,
            sessions,  # noqa: F401 — connects the sign-in receiver
        )

        registry.personal_data.register(personal_data.account_personal_data)
