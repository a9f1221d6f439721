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
    SAFETY_REVIEW_ASKED = kind(
        "safety_review_asked",
        label=_("An experiment's safety check waits for your review"),
        text=_(
            "%(actor)s asks you to review the safety check of the experiment with “%(idea)s” at %(detail)s"
        ),
        always=True,
    )
    SAFETY_REVIEW_APPROVED = kind(
        "safety_review_approved",
        label=_("A safety check was approved"),
        text=_("%(actor)s approved the safety check of the experiment with “%(idea)s”"),
    )
    SAFETY_REVIEW_CHANGES = kind(
        "safety_review_changes",
        label=_("A reviewer asks for changes to a safety check"),
        text=_("%(actor)s asks for changes to the safety check of the experiment with “%(idea)s”"),
        quotes_detail=True,
        always=True,
    )
