"""The notifications this app sends, with the sentence each reads as (see ``notifications.kinds``)."""

from django.utils.translation import gettext_lazy as _

from frontloeber.notifications.kinds import KindSet, kind


class Kind(KindSet):
    WORKSHOP_INVITATION = kind(
        "workshop_invitation",
        label=_("You are invited to a workshop"),
        text=_("%(actor)s invites you to the workshop %(detail)s"),
    )
    WORKSHOP_CANCELLED = kind(
        "workshop_cancelled",
        label=_("A workshop you were invited to is cancelled"),
        text=_("%(actor)s cancelled the workshop %(detail)s"),
    )
