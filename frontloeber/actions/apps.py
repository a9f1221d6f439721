from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "frontloeber.actions"
    label = "actions"
    verbose_name = _("Barriers and action items")

    def ready(self):
        from frontloeber.ideas.registry import idea_page
        from frontloeber.notifications.registry import daily_jobs
        from frontloeber.organisations.registry import organisation_home_links

        from . import (
            notification_kinds,  # noqa: F401 — declares the kinds
            selectors,
            services,
        )

        idea_page.register(selectors.idea_action_items)
        daily_jobs.register(services.action_items_remind)
        organisation_home_links.register(selectors.organisation_links)

        from frontloeber.accounts.registry import personal_data

        from .personal_data import actions_personal_data

        personal_data.register(actions_personal_data)
