from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReflectionConfig(AppConfig):
    name = "frontloeber.reflection"
    label = "reflection"
    verbose_name = _("Reflection survey")

    def ready(self):
        from frontloeber.notifications.registry import daily_jobs
        from frontloeber.organisations.registry import workplace_home

        from . import (
            notification_kinds,  # noqa: F401 — declares the kinds
            selectors,
            services,
            signals,
        )

        signals.connect()
        workplace_home.register(selectors.workplace_home_survey)
        # Sealed before new rounds open, and reminders last: the order the daily run always had.
        for job in (services.rounds_seal_due, services.rounds_start_due, services.rounds_remind_due):
            daily_jobs.register(job)

        from frontloeber.accounts.registry import personal_data

        from .personal_data import reflection_personal_data

        personal_data.register(reflection_personal_data)
