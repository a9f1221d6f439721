"""The notifications this app sends, with the sentence each reads as (see ``notifications.kinds``)."""

from django.utils.translation import gettext_lazy as _

from frontloeber.notifications.kinds import KindSet, kind

from .models import Escalation


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
    BARRIER_RAISED = kind(
        "barrier_raised",
        label=_("A barrier was raised to the organisation"),
        text=_("%(actor)s raised a barrier to the organisation: %(detail)s"),
        always=True,
    )
    BARRIER_ANSWERED = kind(
        "barrier_answered",
        label=_("The organisation answered a barrier"),
        text=_("%(actor)s answered the barrier you raised (%(status)s): %(detail)s"),
        statuses=dict(Escalation.choices),
        always=True,
    )
