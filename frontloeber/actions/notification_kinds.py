"""The notifications this app sends, with the sentence each reads as (see ``notifications.kinds``)."""

from django.utils.translation import gettext_lazy as _

from frontloeber.notifications.kinds import KindSet, kind


class Kind(KindSet):
    ACTION_ITEM = kind(
        "action_item",
        label=_("You were given an action item"),
        text=_("%(actor)s gave you an action item: %(detail)s"),
        always=True,
    )
    ACTION_ITEM_DUE = kind(
        "action_item_due",
        label=_("An action item of yours is due"),
        text=_("Your action item is due: %(detail)s"),
    )
