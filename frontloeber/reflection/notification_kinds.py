"""The notifications this app sends, with the sentence each reads as (see ``notifications.kinds``)."""

from django.utils.translation import gettext_lazy as _

from frontloeber.notifications.kinds import KindSet, kind


class Kind(KindSet):
    SURVEY_INVITATION = kind(
        "survey_invitation",
        label=_("You are asked to answer a reflection survey"),
        text=_("%(actor)s asks for your anonymous view of the leadership at %(detail)s: answer the survey"),
        always=True,
    )
    SURVEY_REMINDER = kind(
        "survey_reminder",
        label=_("A reflection survey you have not answered closes soon"),
        text=_("The survey at %(detail)s closes soon, and you have not answered yet"),
    )
    SURVEY_NOT_ASKED = kind(
        "survey_not_asked",
        label=_("A survey round leaves out people its own leadership added or gave a new role recently"),
        text=_(
            "%(actor)s created a survey round at %(detail)s that does not ask some employees, because "
            "the workplace's leadership added them or changed their role recently: see who"
        ),
    )
    SURVEY_CLOSE_REQUEST = kind(
        "survey_close_request",
        label=_("A leader asks to close a survey round early"),
        text=_("%(actor)s asks you to approve closing the survey round at %(detail)s before its last day"),
        always=True,
    )
    SURVEY_CLOSED_EARLY = kind(
        "survey_closed_early",
        label=_("An organisation admin closed your survey round early"),
        text=_("%(actor)s approved closing the survey round at %(detail)s early: its report is ready"),
    )
    SURVEY_REPORT_SHARED = kind(
        "survey_report_shared",
        label=_("Your leader shares the report of a reflection survey with you"),
        text=_("%(actor)s shared the report of the reflection survey at %(detail)s with you: read it"),
    )
