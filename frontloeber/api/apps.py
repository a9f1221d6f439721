from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "frontloeber.api"
    label = "api"
    verbose_name = _("API")

    def ready(self):
        from frontloeber.accounts.registry import personal_data
        from frontloeber.organisations.registry import organisation_home_links

        from . import signals  # noqa: F401  (tombstones)
        from .links import organisation_home_links as token_page_links
        from .personal_data import api_personal_data

        personal_data.register(api_personal_data)
        organisation_home_links.register(token_page_links)
