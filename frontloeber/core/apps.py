from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "frontloeber.core"
    label = "core"
