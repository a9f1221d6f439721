import logging

from django.apps import AppConfig

logger = logging.getLogger("frontloeber")


class CoreConfig(AppConfig):
    name = "frontloeber.core"
    label = "core"

    def ready(self):
        from django.conf import settings

        from . import lookups  # noqa: F401 - registers ``__any_of`` on every field

        if getattr(settings, "EMAIL_DISABLED", False):
            # The named opt-out (settings.py): say so once at startup, so nobody waits for mail that never
            # comes.
            logger.warning(
                "E-mail is switched off (EMAIL_DISABLED=true): nothing is sent, not even password-reset "
                "links, invitations or survey links."
            )
