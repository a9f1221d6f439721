from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo municipality: the top layer, composing every app's demo data (``manage.py seed_demo``)."""

    name = "frontloeber.demo"
    verbose_name = _("Demo")
