from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetencesConfig(AppConfig):
    name = "frontloeber.competences"
    label = "competences"
    verbose_name = _("Digital skills and learning")

    def ready(self):
        from . import notification_kinds  # noqa: F401 — declares the kinds
