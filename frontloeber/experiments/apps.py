from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperimentsConfig(AppConfig):
    name = "frontloeber.experiments"
    label = "experiments"
    verbose_name = _("Experiments, adoption and cases")

    def ready(self):
        from frontloeber.competences import registry as competences
        from frontloeber.ideas import registry as ideas
        from frontloeber.notifications.registry import daily_jobs

        from . import (
            notification_kinds,  # noqa: F401 — declares the kinds
            selectors,
            services,
        )

        ideas.idea_page.register(selectors.idea_page_panel)
        ideas.similar_work.register(selectors.similar_cases_beside_the_idea_form)
        ideas.manual_status_guards.register(services.require_no_experiment_decides)
        competences.skill_needs.register(selectors.skill_needs)
        daily_jobs.register(services.reminders_send)

        from frontloeber.accounts.registry import erasure, personal_data

        from .personal_data import experiments_erase, experiments_personal_data

        personal_data.register(experiments_personal_data)
        erasure.register(experiments_erase)
