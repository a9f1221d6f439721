from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "frontloeber.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self):
        from frontloeber.core.events import listeners
        from frontloeber.notifications.registry import daily_jobs
        from frontloeber.organisations.registry import organisation_home_links

        from . import selectors, services

        listeners.register(services.event_heard)
        daily_jobs.register(services.webhook_deliveries_tidy)
        organisation_home_links.register(selectors.organisation_home_links)
