from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "frontloeber.ideas"
    label = "ideas"
    verbose_name = _("Ideas")

    def ready(self):
        from . import signals  # noqa: F401 — connects the receivers
