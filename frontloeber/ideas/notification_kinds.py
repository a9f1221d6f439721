"""The notifications this app sends, with the sentence each reads as (see ``notifications.kinds``), and the
page a notification about an idea opens."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from frontloeber.notifications.kinds import KindSet, kind
from frontloeber.notifications.models import subject_label

from .models import Idea, IdeaStatus

IDEA_SUBJECT = subject_label(Idea)


def idea_id_of(notification):
    """The id of the idea a notification is about, or None when it is about something else or nothing."""
    return notification.subject_id if notification.subject_type == IDEA_SUBJECT else None


def idea_page(*, notification):
    """The idea's page, for a notification about an idea (always of the notification's own workplace)."""
    idea_id = idea_id_of(notification)
    if not idea_id:
        return ""
    return reverse(
        "ideas:idea_detail", kwargs={"workplace_slug": notification.workplace.slug, "idea_id": idea_id}
    )


class Kind(KindSet):
    IDEA_NEW = kind(
        "idea_new",
        label=_("A new idea"),
        text=_("%(actor)s submitted a new idea: “%(idea)s”"),
    )
    IDEA_RESPONSE = kind(
        "idea_response",
        label=_("A leader answered an idea"),
        text=_("%(actor)s answered the idea “%(idea)s”"),
        quotes_detail=True,
        groups=True,
    )
    IDEA_STATUS = kind(
        "idea_status",
        label=_("An idea changed status"),
        text=_("%(actor)s moved the idea “%(idea)s” to “%(status)s”"),
        quotes_detail=True,
        statuses=IdeaStatus.choices,
        groups=True,
    )
    IDEA_QUESTION = kind(
        "idea_question",
        label=_("A leader asked a question about an idea"),
        text=_("%(actor)s has a question about your idea “%(idea)s”"),
        quotes_detail=True,
        always=True,
    )
    IDEA_ANSWER = kind(
        "idea_answer",
        label=_("The author answered a question"),
        text=_("%(actor)s answered your question about “%(idea)s”"),
        quotes_detail=True,
    )
    IDEA_COMMENT = kind(
        "idea_comment",
        label=_("A new comment"),
        text=_("%(actor)s commented on “%(idea)s”"),
        quotes_detail=True,
        anchor="#comments-heading",
        groups=True,
    )
    IDEA_MERGED = kind(
        "idea_merged",
        label=_("An idea was merged into another"),
        text=_("%(actor)s merged your idea “%(detail)s” into “%(idea)s”"),
    )
    IDEA_ASSIGNED = kind(
        "idea_assigned",
        label=_("You were made responsible for an idea"),
        text=_("%(actor)s made you responsible for “%(idea)s”"),
        always=True,
    )
