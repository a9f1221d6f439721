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
