"""In-app notifications and each person's e-mail preferences."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.organisations.models import Organisation, Workplace


class Kind(models.TextChoices):
    IDEA_NEW = "idea_new", _("A new idea")
    IDEA_RESPONSE = "idea_response", _("A leader answered an idea")
    IDEA_STATUS = "idea_status", _("An idea changed status")
    IDEA_QUESTION = "idea_question", _("A leader asked a question about an idea")
    IDEA_ANSWER = "idea_answer", _("The author answered a question")
    IDEA_COMMENT = "idea_comment", _("A new comment")
    IDEA_MERGED = "idea_merged", _("An idea was merged into another")
    IDEA_ASSIGNED = "idea_assigned", _("You were made responsible for an idea")
    EXPERIMENT_EVALUATE = "experiment_evaluate", _("An experiment has ended and waits for its evaluation")
    CHECKPOINT_DUE = "checkpoint_due", _("An adoption checkpoint is due")
    CASE_TRIED = "case_tried", _("Another workplace took up a case")
    SURVEY_INVITATION = "survey_invitation", _("You are asked to answer a reflection survey")
    SURVEY_REMINDER = "survey_reminder", _("A reflection survey you have not answered closes soon")
    SURVEY_NOT_ASKED = "survey_not_asked", _(
        "A survey round leaves out people its own leadership added or gave a new role recently"
    )
    SURVEY_CLOSE_REQUEST = "survey_close_request", _("A leader asks to close a survey round early")
    SURVEY_CLOSED_EARLY = "survey_closed_early", _("An organisation admin closed your survey round early")
    WORKSHOP_INVITATION = "workshop_invitation", _("You are invited to a workshop")
    WORKSHOP_CANCELLED = "workshop_cancelled", _("A workshop you were invited to is cancelled")
    ACTION_ITEM = "action_item", _("You were given an action item")
    ACTION_ITEM_DUE = "action_item_due", _("An action item of yours is due")
    LEARNING_ACTIVITY = "learning_activity", _("A learning activity for what you want to learn")
    LEARNING_SIGNUP = "learning_signup", _("Someone signed up for a learning activity you host")
    LEARNING_CANCELLED = "learning_cancelled", _("A learning activity you signed up for is cancelled")
    LEARNING_ATTENDED = "learning_attended", _("You took part in a learning activity: update your ratings")


class Notification(models.Model):
    """Something that happened which a person should know about. The text is built in their language when
    shown, from the kind and the few words stored here."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    workplace = models.ForeignKey(Workplace, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    idea = models.ForeignKey("ideas.Idea", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # The words quoted under the sentence: a comment, a question, an answer, a leader's reason.
    detail = models.CharField(max_length=200, blank=True)
    # For a status change: the status the idea moved to.
    status = models.CharField(max_length=20, blank=True)
    # Where the notification leads, when that is not the idea's page (an experiment, a checkpoint).
    target_url = models.CharField(max_length=300, blank=True)
    # Told to the organisation's admins about one of its workplaces: shown while they are admins, whether or
    # not they belong to the workplace.
    for_organisation_admins = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when the notification went out in a daily digest, so no digest repeats it.
    digested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["recipient", "digested_at"]),
            models.Index(fields=["organisation", "workplace", "created_at"]),
        ]

    def __str__(self):
        return f"{self.kind} → {self.recipient_id}"

    def message(self):
        """The notification as a sentence in the active language."""
        from frontloeber.ideas.models import IdeaStatus

        actor = self.actor.full_name if self.actor_id and self.actor else _("Someone")
        idea = self.idea.title if self.idea_id and self.idea else ""
        status = IdeaStatus(self.status).label if self.status in IdeaStatus.values else self.status
        texts = {
            Kind.IDEA_NEW: _("%(actor)s submitted a new idea: “%(idea)s”"),
            Kind.IDEA_RESPONSE: _("%(actor)s answered the idea “%(idea)s”"),
            Kind.IDEA_STATUS: _("%(actor)s moved the idea “%(idea)s” to “%(status)s”"),
            Kind.IDEA_QUESTION: _("%(actor)s has a question about your idea “%(idea)s”"),
            Kind.IDEA_ANSWER: _("%(actor)s answered your question about “%(idea)s”"),
            Kind.IDEA_COMMENT: _("%(actor)s commented on “%(idea)s”"),
            Kind.IDEA_MERGED: _("%(actor)s merged your idea “%(detail)s” into “%(idea)s”"),
            Kind.IDEA_ASSIGNED: _("%(actor)s made you responsible for “%(idea)s”"),
            Kind.EXPERIMENT_EVALUATE: _("The experiment with “%(idea)s” has ended: evaluate it"),
            Kind.CHECKPOINT_DUE: _("The follow-up on “%(idea)s” is due: record how it goes"),
            Kind.CASE_TRIED: _("%(actor)s is trying your case “%(idea)s” at %(detail)s"),
            Kind.SURVEY_INVITATION: _(
                "%(actor)s asks for your anonymous view of the leadership at %(detail)s: answer the survey"
            ),
            Kind.SURVEY_REMINDER: _("The survey at %(detail)s closes soon, and you have not answered yet"),
            Kind.SURVEY_NOT_ASKED: _(
                "%(actor)s created a survey round at %(detail)s that does not ask some employees, because "
                "the workplace's leadership added them or changed their role recently: see who"
            ),
            Kind.SURVEY_CLOSE_REQUEST: _(
                "%(actor)s asks you to approve closing the survey round at %(detail)s before its last day"
            ),
            Kind.SURVEY_CLOSED_EARLY: _(
                "%(actor)s approved closing the survey round at %(detail)s early: its report is ready"
            ),
            Kind.WORKSHOP_INVITATION: _("%(actor)s invites you to the workshop %(detail)s"),
            Kind.WORKSHOP_CANCELLED: _("%(actor)s cancelled the workshop %(detail)s"),
            Kind.ACTION_ITEM: _("%(actor)s gave you an action item: %(detail)s"),
            Kind.ACTION_ITEM_DUE: _("Your action item is due: %(detail)s"),
            Kind.LEARNING_ACTIVITY: _("%(actor)s plans a learning activity: %(detail)s"),
            Kind.LEARNING_SIGNUP: _("%(actor)s signed up for %(detail)s"),
            Kind.LEARNING_CANCELLED: _("%(actor)s cancelled the learning activity %(detail)s"),
            Kind.LEARNING_ATTENDED: _(
                "You took part in %(detail)s: is it time to update your skill ratings?"
            ),
        }
        text = texts.get(self.kind, _("%(actor)s did something in %(idea)s"))
        return text % {"actor": actor, "idea": idea, "status": status, "detail": self.detail}

    @property
    def excerpt(self):
        """The quoted words (a comment, a question, an answer) shown under the sentence."""
        if self.kind in (
            Kind.IDEA_COMMENT,
            Kind.IDEA_RESPONSE,
            Kind.IDEA_QUESTION,
            Kind.IDEA_ANSWER,
            Kind.IDEA_STATUS,
        ):
            from frontloeber.core.markdown import plain

            return plain(self.detail)
        return ""


class Preference(models.Model):
    """How a person wants to hear from Frontløber. Without a row: daily digest on, in Danish."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    daily_digest = models.BooleanField(
        _("daily e-mail digest"),
        default=True,
        help_text=_("At most one e-mail a day, and only when something happened in your workplaces."),
    )
    language = models.CharField(
        _("language of e-mails"), max_length=5, choices=settings.LANGUAGES, default="da"
    )

    class Meta:
        verbose_name = _("notification preference")

    def __str__(self):
        return str(self.user)
