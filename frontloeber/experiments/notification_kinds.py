"""The notifications this app sends, with the sentence each reads as (see ``notifications.kinds``)."""

from django.utils.translation import gettext_lazy as _

from frontloeber.notifications.kinds import KindSet, kind


class Kind(KindSet):
    EXPERIMENT_EVALUATE = kind(
        "experiment_evaluate",
        label=_("An experiment has ended and waits for its evaluation"),
        text=_("The experiment with “%(idea)s” has ended: evaluate it"),
    )
    CHECKPOINT_DUE = kind(
        "checkpoint_due",
        label=_("An adoption checkpoint is due"),
        text=_("The follow-up on “%(idea)s” is due: record how it goes"),
    )
    CASE_TRIED = kind(
        "case_tried",
        label=_("Another workplace took up a case"),
        text=_("%(actor)s is trying your case “%(idea)s” at %(detail)s"),
    )
