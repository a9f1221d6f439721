"""The notifications this app sends, with the sentence each reads as (see ``notifications.kinds``)."""

from django.utils.translation import gettext_lazy as _

from frontloeber.notifications.kinds import KindSet, kind


class Kind(KindSet):
    LEARNING_ACTIVITY = kind(
        "learning_activity",
        label=_("A learning activity for what you want to learn"),
        text=_("%(actor)s plans a learning activity: %(detail)s"),
    )
    LEARNING_SIGNUP = kind(
        "learning_signup",
        label=_("Someone signed up for a learning activity you host"),
        text=_("%(actor)s signed up for %(detail)s"),
    )
    LEARNING_CANCELLED = kind(
        "learning_cancelled",
        label=_("A learning activity you signed up for is cancelled"),
        text=_("%(actor)s cancelled the learning activity %(detail)s"),
    )
    LEARNING_ATTENDED = kind(
        "learning_attended",
        label=_("You took part in a learning activity: update your ratings"),
        text=_("You took part in %(detail)s: is it time to update your skill ratings?"),
    )
