from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "frontloeber.ideas"
    label = "ideas"
    verbose_name = _("Ideas")

    def ready(self):
        from frontloeber.accounts.registry import erasure, personal_data
        from frontloeber.core.header import header_counts
        from frontloeber.notifications.registry import digest_links, subject_pages

        from . import (
            header,
            notification_kinds,  # noqa: F401 — declares the kinds
            signals,  # noqa: F401 — connects the receivers
            tokens,
        )
        from . import personal_data as ideas_data

        personal_data.register(ideas_data.ideas_personal_data)
        erasure.register(ideas_data.ideas_erase)

        digest_links.register(tokens.digest_unfollow_link)
        header_counts.register(("leader_inbox", header.leader_here, header.leader_inbox))
        subject_pages.register(notification_kinds.idea_page)
