from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetencesConfig(AppConfig):
    name = "frontloeber.competences"
    label = "competences"
    verbose_name = _("Digital skills and learning")

    def ready(self):
        from frontloeber.accounts.registry import personal_data

        from . import notification_kinds  # noqa: F401 — declares the kinds
        from .personal_data import competences_personal_data

        personal_data.register(competences_personal_data)
