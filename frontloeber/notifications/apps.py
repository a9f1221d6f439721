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

        from frontloeber.accounts.registry import erasure, personal_data
        from frontloeber.organisations.retention import retention_purge

        from .personal_data import notifications_erase, notifications_personal_data
        from .registry import daily_jobs
        from .services import notifications_purge

        personal_data.register(notifications_personal_data)
        erasure.register(notifications_erase)
        # organisations is below notifications and cannot reach its daily jobs: its nightly purge is put
        # there from here.
        daily_jobs.register(retention_purge)
        daily_jobs.register(notifications_purge)
