from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "frontloeber.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from frontloeber.core.header import header_counts

        from . import selectors

        header_counts.register(
            (
                "unread_notifications",
                lambda request: True,
                lambda *, user, workplace: selectors.unread(user=user),
            )
        )
