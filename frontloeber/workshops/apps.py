from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "frontloeber.workshops"
    label = "workshops"
    verbose_name = _("Dialogue workshops")

    def ready(self):
        from frontloeber.accounts.registry import login_page
        from frontloeber.ideas.registry import idea_page

        from . import (
            notification_kinds,  # noqa: F401 — declares the kinds
            selectors,
        )

        login_page.register(selectors.login_page_guest_rooms)
        idea_page.register(selectors.idea_workshop_links)

        from frontloeber.accounts.registry import erasure, personal_data
        from frontloeber.notifications.registry import daily_jobs

        from . import personal_data as workshops_data
        from .services import guests_purge

        personal_data.register(workshops_data.workshops_personal_data)
        erasure.register(workshops_data.workshops_erase)
        daily_jobs.register(guests_purge)
